package dev.paddock.capability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import tools.jackson.databind.JsonNode;

/**
 * The steps every resolved call takes, outermost first: audit (so refusals are recorded too), hiding host
 * failures that were not written for the agent, argument validation against the declared schema, the
 * host's policy, then invocation on the host executor. A new concern (approval, tracing, quota) is one
 * more {@link CallStep} in this list.
 */
final class CallPath {
    private final List<CallStep> steps;

    /** @param methods every granted method by qualified name ({@code files.read}), what calls resolve to */
    CallPath(Map<String, BoundMethod> methods, CallPolicy policy, Executor hostExecutor) {
        this.steps = List.of(new CallAudit(), new HostFailures(), new ArgumentValidation(methods), new PolicyCheck(policy),
                new Invocation(methods, hostExecutor));
    }

    CompletableFuture<JsonNode> run(CapabilityCall call) {
        return proceed(0, call);
    }

    private CompletableFuture<JsonNode> proceed(int index, CapabilityCall call) {
        try {
            return steps.get(index).handle(call, next -> proceed(index + 1, next));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
