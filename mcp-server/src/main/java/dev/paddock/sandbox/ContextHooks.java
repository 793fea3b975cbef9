package dev.paddock.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.graalvm.polyglot.Value;

/**
 * Routes one context's standard-library hooks to the execution running in it. A context is made before
 * any isolate owns it ({@link WarmContexts}), so the hooks are bound when an isolate takes the context and
 * cut off when the isolate abandons it; unbound or cut, they reach no execution.
 */
final class ContextHooks implements GuestRuntime.Hooks {
    private final SecureRandom random;
    private volatile Isolate owner;
    private volatile boolean cut;

    ContextHooks(SecureRandom random) {
        this.random = random;
    }

    /** The isolate that took this context: its running execution receives the hooks from now on. */
    void bind(Isolate isolate) {
        owner = isolate;
    }

    /** Code still running in an abandoned context must not reach the execution that runs next in its isolate. */
    void cut() {
        cut = true;
    }

    /** The execution running guest code in this context, if any. */
    private ExecutionRun run() {
        Isolate isolate = owner;
        return cut || isolate == null ? null : isolate.current();
    }

    @Override
    public void log(String level, String message) {
        ExecutionRun run = run();
        if (run != null) run.log(level, message);
    }

    @Override
    public void setTimer(long id, long delayMillis) {
        ExecutionRun run = run();
        if (run != null) run.loop().setTimer(id, delayMillis);
    }

    @Override
    public void clearTimer(long id) {
        ExecutionRun run = run();
        if (run != null) run.loop().clearTimer(id);
    }

    @Override
    public String randomHex(int count) {
        byte[] bytes = new byte[Math.max(0, Math.min(count, 65536))];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public double clockMillis() {
        Isolate isolate = owner;
        return isolate == null ? 0 : isolate.clockMillis();
    }

    @Override
    public void uncaught(Value error) {
        ExecutionRun run = run();
        if (run != null) run.loop().uncaught(error);
    }

    @Override
    public void hostCall(String namespace, String method, String argumentsJson, Value resolve, Value reject) {
        ExecutionRun run = run();
        if (run != null) run.hostCall(namespace, method, argumentsJson, resolve, reject);
    }

    @Override
    public long executionId() {
        ExecutionRun run = run();
        return run == null ? 0 : run.id();
    }
}
