package dev.paddock.capability.state;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.WellFormedText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in {@code state} capability: JSON values under string keys that outlive one execute call.
 * In memory it belongs to one connection; with a persist folder it belongs to a profile and survives
 * restarts.
 */
public final class StateCapability {
    public static final String NAMESPACE = "state";

    public static final String DECLARATIONS = """
            /** JSON values under string keys that outlive one execute call. */
            export interface State {
              /** The value stored under key, or null when there is none. */
              get(input: { key: string }): Promise<unknown>;
              /** Stores a JSON value (replacing any old one). @returns the stored size in bytes. */
              set(input: { key: string; value: unknown }): Promise<{ key: string; bytes: number }>;
              /** Removes a key. @returns whether it existed. */
              delete(input: { key: string }): Promise<boolean>;
              /** Keys starting with prefix (all keys without one), sorted. */
              list(input: { prefix?: string }): Promise<string[]>;
            }
            """;

    /**
     * Bounds that keep one agent from filling the host's memory or disk. A key costs its own UTF-8 bytes,
     * its value's JSON bytes and {@code overheadPerKey} (on disk a key is a file: a block and an inode).
     */
    public record Limits(int maxKeyBytes, int maxValueBytes, long maxTotalBytes, int maxKeys, int overheadPerKey) {
        public static final Limits DEFAULTS = new Limits(120, 1 << 20, 64L << 20, 10_000, 4096);
    }

    public record KeyInput(String key) {}

    public record SetInput(String key, JsonNode value) {}

    public record ListInput(String prefix) {}

    public record Stored(String key, long bytes) {}

    private final StateStore store;
    private final Limits limits;
    private static final JsonMapper JSON = JsonMapper.shared();

    private StateCapability(StateStore store, Limits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** State for one connection, gone when the connection closes. */
    public static StateCapability inMemory(Limits limits) {
        return new StateCapability(new MemoryStateStore(), limits);
    }

    /** State shared by every connection of {@code profile}, kept in {@code persistDir/profile}. */
    public static StateCapability persistent(Path persistDir, String profile, Limits limits) {
        return new StateCapability(DirectoryStateStore.open(persistDir.resolve(profile)), limits);
    }

    public JsonNode get(KeyInput input) {
        return store.get(checkedKey(input.key())).orElse(null);
    }

    /** Stores only while the execution still runs ({@link CallContext#beforeCommit}); so does {@link #delete}. */
    public Stored set(SetInput input, CallContext context) {
        String key = checkedKey(input.key());
        if (input.value() == null || input.value().isMissingNode()) {
            throw new CapabilityException("EINVAL", "state.set: input.value is missing; use state.delete to remove a key");
        }
        byte[] json = JSON.writeValueAsBytes(input.value());
        if (json.length > limits.maxValueBytes()) {
            throw new CapabilityException("EFBIG", "state.set: the value for " + quoted(key) + " is " + json.length
                    + " bytes as JSON; the limit is " + limits.maxValueBytes());
        }
        store.set(key, json, limits, () -> context.beforeCommit("state.set of " + quoted(key)));
        return new Stored(key, json.length);
    }

    public boolean delete(KeyInput input, CallContext context) {
        String key = checkedKey(input.key());
        return store.delete(key, () -> context.beforeCommit("state.delete of " + quoted(key)));
    }

    public List<String> list(ListInput input) {
        return store.keys(input == null || input.prefix() == null ? "" : input.prefix());
    }

    private String checkedKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new CapabilityException("EINVAL", "state: input.key must be a non-empty string");
        }
        int bytes = WellFormedText.utf8(key, "state: input.key").length;
        if (bytes > limits.maxKeyBytes()) {
            throw new CapabilityException("EINVAL", "state: key is " + bytes + " bytes of UTF-8; keys may have at most "
                    + limits.maxKeyBytes());
        }
        return key;
    }

    static String quoted(String key) {
        return '"' + key + '"';
    }

    /**
     * A stored value's JSON text as a tree, parsed from characters: Jackson's byte parser refuses the
     * escaped lone surrogates (valid in JS strings) that its writer produces, so values come back exactly.
     */
    static JsonNode parse(byte[] json) {
        return JSON.readTree(new String(json, StandardCharsets.UTF_8));
    }
}
