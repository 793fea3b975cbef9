package dev.paddock.egress;

import dev.paddock.capability.Capability;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A profile's {@code fetch}: one {@link EgressClient} under the profile's rules for all its sessions, and
 * for each session its own {@link EgressCapability}, which counts that session's running fetches against
 * the caps of {@link EgressLimits}.
 */
public final class EgressGrant {
    private final EgressClient client;
    /** Built once per profile: it precomputes every secret fragment of the rules' injected values. */
    private final SecretRedaction redaction;
    private final EgressLimits limits;
    private final AtomicInteger processFetches;

    EgressGrant(EgressPolicy policy, AtomicInteger processFetches) {
        this.client = policy.grants().isEmpty() ? null : new EgressClient(policy);
        this.redaction = new SecretRedaction(client == null ? Set.of() : policy.injectedValues());
        this.limits = policy.limits();
        this.processFetches = processFetches;
    }

    /** Egress under {@code policy}'s rules; a policy without rules refuses every fetch and says why. */
    public static EgressGrant of(EgressPolicy policy) {
        return new EgressGrant(policy, FetchAdmission.PROCESS);
    }

    /** The {@code #egress} capability for one more session. */
    public Capability newSession() {
        return EgressCapability.of(client, redaction, new FetchAdmission(limits, processFetches));
    }
}
