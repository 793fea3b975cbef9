package dev.paddock.server;

import dev.paddock.capability.CallPolicy;
import dev.paddock.capability.Capability;
import dev.paddock.capability.CapabilityBindingException;
import dev.paddock.capability.CapabilityProvider;
import dev.paddock.capability.CapabilitySet;
import dev.paddock.capability.CapabilitySettingsException;
import dev.paddock.capability.PluginLoader;
import dev.paddock.capability.ProviderContext;
import dev.paddock.config.ConfigException;
import dev.paddock.config.McpServerEntry;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.sandbox.Capacity;
import dev.paddock.egress.EgressConfigException;
import dev.paddock.egress.EgressGrant;
import dev.paddock.egress.EgressPolicy;
import dev.paddock.tooldefs.DeclarationException;
import dev.paddock.upstream.UpstreamEntry;
import dev.paddock.upstream.UpstreamSpec;
import dev.paddock.upstream.Upstreams;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * What one profile grants, checked once at startup — every capability it names exists, its settings are
 * valid, its declarations match its Java implementation, its egress rules parse — so a bad config stops
 * the server, naming every mistake of every profile at its place, instead of failing a connection later. Each session then gets fresh
 * capability instances from {@link #newSession()}.
 */
public final class ProfileGrants {
    /** Host calls may block (files, HTTP to upstreams): virtual threads keep that off the isolates' pool. */
    private static final Executor HOST_EXECUTOR = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("paddock-host-", 0).factory());

    private final Profile profile;
    private final PaddockConfig config;
    private final Map<String, CapabilityProvider> providers;
    /** The profile's {@code fetch}: one client for its sessions, each session counted against the fetch caps. */
    private final EgressGrant egress;
    private final List<String> egressGrants;
    private final CallPolicy callPolicy;
    /** The upstream MCP servers this profile grants, checked; started by {@link #connect}. */
    private final List<UpstreamSpec> upstreamSpecs;
    private volatile Upstreams upstreams = Upstreams.NONE;
    private volatile CapabilitySet probe;
    /** Told when the types change while serving (an upstream's tools changed): the execute description is stale. */
    private final List<Runnable> typesChanged = new CopyOnWriteArrayList<>();
    /** Capabilities the server offers that this profile does not grant, so that using one says so. */
    private final Set<String> ungranted;

    private ProfileGrants(Profile profile, PaddockConfig config, Map<String, CapabilityProvider> providers,
            EgressPolicy egressPolicy, CallPolicy callPolicy, List<UpstreamSpec> upstreamSpecs) {
        this.profile = profile;
        this.upstreamSpecs = List.copyOf(upstreamSpecs);
        this.config = config;
        this.providers = providers;
        this.egress = EgressGrant.of(egressPolicy);
        this.egressGrants = egressPolicy.grants();
        this.callPolicy = callPolicy;
        this.probe = bind(create());
        Set<String> offered = new HashSet<>(providers.keySet());
        offered.removeAll(profile.capabilities().keySet());
        this.ungranted = Set.copyOf(offered);
    }

    /**
     * Loads the capability providers (built-in and plugins) and checks every profile of the config.
     * Returns profile name → grants, the default profile first.
     */
    public static Map<String, ProfileGrants> loadAll(PaddockConfig config) throws ConfigException {
        return loadAll(config, List.of());
    }

    /** As {@link #loadAll(PaddockConfig)}, plus providers a host registered in code (embedding Paddock). */
    public static Map<String, ProfileGrants> loadAll(PaddockConfig config, List<CapabilityProvider> registered)
            throws ConfigException {
        return loadAll(config, registered, CallPolicy.ALLOW_ALL);
    }

    /** As above, with a host's policy deciding every valid capability call before the plugins' policies. */
    public static Map<String, ProfileGrants> loadAll(PaddockConfig config, List<CapabilityProvider> registered,
            CallPolicy policy) throws ConfigException {
        PluginLoader.Plugins plugins;
        try {
            plugins = PluginLoader.load(config.plugins());
        } catch (IllegalArgumentException e) {
            throw config.error("plugins", e.getMessage());
        }
        Map<String, CapabilityProvider> providers = new LinkedHashMap<>(plugins.providers());
        List<CallPolicy> policies = new ArrayList<>(List.of(policy));
        policies.addAll(plugins.policies());
        CallPolicy decides = CallPolicy.all(policies);
        for (CapabilityProvider provider : registered) {
            if (providers.putIfAbsent(provider.name(), provider) != null) {
                throw new ConfigException("a capability named '" + provider.name() + "' is registered in code and also "
                        + "provided by Paddock or a plugin; rename one");
            }
        }
        Map<String, ProfileGrants> grants = new LinkedHashMap<>();
        List<ConfigException> problems = new ArrayList<>();
        grants.put(Profile.DEFAULT, check(config, config.defaultProfile(), providers, decides, problems));
        for (Profile profile : config.profiles().values()) {
            if (!profile.name().equals(Profile.DEFAULT)) {
                grants.put(profile.name(), check(config, profile, providers, decides, problems));
            }
        }
        ConfigException.throwIfAny(problems);
        return grants;
    }

    /**
     * Checks a profile of the config against the available providers; returns its grants, or null after
     * adding every mistake found in it to {@code problems}.
     */
    private static ProfileGrants check(PaddockConfig config, Profile profile, Map<String, CapabilityProvider> providers,
            CallPolicy policy, List<ConfigException> problems) {
        int before = problems.size();
        for (var granted : profile.capabilities().entrySet()) {
            String at = profile.path("capabilities") + "." + granted.getKey();
            CapabilityProvider provider = providers.get(granted.getKey());
            if (provider == null) {
                problems.add(config.error(at, "no capability named \"" + granted.getKey() + "\"; available: "
                        + String.join(", ", providers.keySet()) + " (plugins add more: see \"plugins\")"));
                continue;
            }
            try {
                provider.validate(context(config, profile, granted.getValue()));
            } catch (CapabilitySettingsException e) {
                problems.add(config.error(e.field().isEmpty() ? at : at + "." + e.field(), e.getMessage()));
            }
        }
        EgressPolicy egress;
        try {
            egress = EgressPolicy.fromConfig(profile.egress(), profile.path("egress"), System::getenv);
        } catch (EgressConfigException e) {
            // A profile inheriting the top level's egress section would only repeat its mistakes.
            boolean inherited = !profile.name().equals(Profile.DEFAULT) && profile.egress() == config.defaultProfile().egress();
            if (!inherited) {
                problems.add(config.error(e.path(), e.problem()));
                for (Throwable other : e.getSuppressed()) {
                    if (other instanceof EgressConfigException more) problems.add(config.error(more.path(), more.problem()));
                }
            }
            return null;
        }
        List<UpstreamSpec> upstreams = upstreams(config, profile, problems);
        if (problems.size() > before) return null;
        try {
            return new ProfileGrants(profile, config, providers, egress, policy, upstreams);
        } catch (CapabilityBindingException | DeclarationException | CapabilitySettingsException e) {
            problems.add(config.error(profile.path("capabilities"), e.getMessage()));
            return null;
        }
    }

    /**
     * The profile's upstream MCP servers read from their entries ({@code ${env:…}} resolved), every mistake
     * reported at its place; a namespace that another capability or server of the profile already uses is one.
     */
    private static List<UpstreamSpec> upstreams(PaddockConfig config, Profile profile, List<ConfigException> problems) {
        List<UpstreamSpec> specs = new ArrayList<>();
        Map<String, String> namespaces = new LinkedHashMap<>();
        profile.capabilities().keySet().forEach(name -> namespaces.put(name, "the capability \"" + name + "\""));
        for (McpServerEntry entry : profile.mcpServers().values()) {
            try {
                UpstreamSpec spec = UpstreamEntry.read(entry.name(), entry.entry(), entry.origin(), entry.baseDir(), System::getenv);
                String taken = namespaces.putIfAbsent(spec.namespace(), "the server \"" + entry.name() + "\"");
                if (taken != null) {
                    problems.add(entry.error("", "its namespace " + spec.namespace() + " is also " + taken
                            + "'s; rename one of them"));
                    continue;
                }
                specs.add(spec);
            } catch (UpstreamEntry.InvalidEntry e) {
                e.problems().forEach(p -> problems.add(entry.error(p.key(), p.message())));
            }
        }
        return specs;
    }

    /** The upstream servers of this profile, checked, for {@link Upstreams#start}. */
    List<UpstreamSpec> upstreamSpecs() {
        return upstreamSpecs;
    }

    /**
     * Adds the started upstream servers' capabilities to this profile's sessions and types; called once, by
     * {@link PaddockRuntime}, before serving. When their tools change later the types follow.
     */
    void connect(Upstreams started) {
        upstreams = started;
        probe = bind(withUpstreams(create(), started.capabilities(profile.name())));
        started.onChange(profile.name(), () -> {
            probe = bind(withUpstreams(create(), started.capabilities(profile.name())));
            typesChanged.forEach(Runnable::run);
        });
    }

    /** Whether the profile grants upstream servers, whose tools may change while serving. */
    boolean hasUpstreams() {
        return !upstreamSpecs.isEmpty();
    }

    /** Runs {@code listener} after {@link #declarations()} changed while serving. */
    void onTypesChanged(Runnable listener) {
        typesChanged.add(listener);
    }

    /** A fresh set of capability instances for one session, and its way out of the isolate. */
    public SessionHostApi newSession() {
        return new SessionHostApi(this::create, () -> upstreams.session(profile.name()),
                this::bind, profile.name(), ungranted, profile.limits().wallTime());
    }

    private CapabilitySet bind(List<Capability> capabilities) {
        return CapabilitySet.bind(capabilities, callPolicy, HOST_EXECUTOR);
    }

    static List<Capability> withUpstreams(List<Capability> own, List<Capability> upstream) {
        List<Capability> all = new ArrayList<>(own);
        all.addAll(upstream);
        return all;
    }

    public Profile profile() {
        return profile;
    }

    /** The process-wide sandbox settings of the config these grants come from. */
    public Capacity capacity() {
        return config.capacity();
    }

    /** The granted declarations the model reads ("" when nothing is granted). */
    public String declarations() {
        String declared = probe.declarations();
        List<String> notes = new ArrayList<>();
        // The model should know a server is there before its first execute starts it, or why it is missing.
        upstreams.notStarted(profile.name()).forEach(ns ->
                notes.add("// " + ns + ": an MCP server that starts with your first execute; its types appear here then"));
        upstreams.unavailable(profile.name()).forEach((ns, why) -> notes.add("// " + ns + ": an MCP server that is unavailable ("
                + why + "); Paddock retries it in the background and its types appear here when it is back"));
        if (notes.isEmpty()) return declared;
        return (declared.isBlank() ? "" : declared.strip() + "\n\n") + String.join("\n", notes);
    }

    /** Per namespace, for the paddock://types/NS.d.ts resources. */
    Map<String, String> declarationsByNamespace() {
        return probe.declarationsByNamespace();
    }

    List<CapabilitySet.DirectTool> directTools() {
        return profile.exposeAsTools() ? probe.tools() : List.of();
    }

    /** "GET, HEAD https://api.example.com/v1/*" lines; empty when fetch is denied. */
    public List<String> egressGrants() {
        return egressGrants;
    }

    /** The session's own capability instances; its upstream servers come from its {@code UpstreamSession}. */
    private List<Capability> create() {
        List<Capability> capabilities = new ArrayList<>();
        capabilities.add(egress.newSession());
        profile.capabilities().forEach((name, settings) -> capabilities.add(created(name, settings)));
        return capabilities;
    }

    /** A provider that throws is named with its cause in one line, not a stack trace. */
    private Capability created(String name, JsonNode settings) {
        CapabilityProvider provider = providers.get(name);
        try {
            return provider.create(context(config, profile, settings));
        } catch (CapabilitySettingsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CapabilitySettingsException("", "the provider of \"" + name + "\" (" + provider.getClass().getName()
                    + ") failed to create it: " + e);
        }
    }

    private static ProviderContext context(PaddockConfig config, Profile profile, JsonNode settings) {
        return new ProviderContext(settings, config.baseDir(), profile.name());
    }
}
