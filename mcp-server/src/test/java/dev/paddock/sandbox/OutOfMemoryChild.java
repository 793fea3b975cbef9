package dev.paddock.sandbox;

import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link OutOfMemoryExitTest}: a memory bomb with the heap guard's limits out of its
 * way, so the heap really runs out. Prints "survived" if the process did not exit.
 */
final class OutOfMemoryChild {

    public static void main(String[] args) throws Exception {
        Limits limits = Limits.DEFAULTS.withMaxRetainedBytes(1L << 50).withMaxAllocatedBytes(1L << 50);
        Sandbox sandbox = Sandbox.startCold(limits, Capacity.defaults(), () -> Long.MAX_VALUE);
        Isolate isolate = sandbox.newIsolate();
        ExecutionResult result = isolate.submit(ExecutionRequest.of("let a = []; for (;;) a.push(new Array(1e6).fill(1.5))"),
                ExecutionListener.NONE).result().get(5, TimeUnit.MINUTES);
        System.out.println("survived: " + result);
        Thread.sleep(15_000);
        System.out.println("survived after 15 s");
        System.exit(0);
    }
}
