package dev.paddock.sandbox;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paddock's in-process figures for {@code scripts/bench peers}, measured on {@link Isolate} itself with no
 * MCP in between, as the peers' own figures are: {@code fresh} (new isolate + tiny script + close, each
 * timed), {@code memory} (RSS and heap per live isolate with {@code count} live) and {@code hostcall} (agent
 * code awaiting a host capability, per call). Prints one JSON object. Run on the shaded jar's
 * classpath: {@code java -cp paddock.jar:mcp-server/target/test-classes dev.paddock.sandbox.IsolateBench
 * fresh 500}.
 */
public final class IsolateBench {
    private static final String TINY = "return 1 + 1";

    private IsolateBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: IsolateBench fresh|memory|hostcall COUNT");
        int count = Integer.parseInt(args[1]);
        try (Sandbox sandbox = Sandbox.start(Limits.DEFAULTS, Capacity.defaults().withMaxIsolates(Math.max(count + 10,
                Capacity.DEFAULT_MAX_ISOLATES)))) {
            String figures = switch (args[0]) {
                case "fresh" -> fresh(sandbox, count);
                case "memory" -> memory(sandbox, count);
                case "hostcall" -> hostCall(sandbox, count);
                default -> throw new IllegalArgumentException("unknown workload " + args[0]);
            };
            System.out.println("{\"system\":\"paddock\",\"workload\":\"" + args[0] + "\"," + figures + "}");
        }
        System.exit(0); // the sandbox's pool threads would keep the JVM alive
    }

    private static String fresh(Sandbox sandbox, int count) {
        for (int i = 0; i < Math.min(50, count); i++) freshOnce(sandbox);
        double[] ms = new double[count];
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            freshOnce(sandbox);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return "\"p50_ms\":" + ms[count / 2] + ",\"p99_ms\":" + ms[Math.min(count - 1, (int) (count * 0.99))];
    }

    private static void freshOnce(Sandbox sandbox) {
        try (Isolate isolate = sandbox.newIsolate()) {
            expect(run(isolate, TINY), "2");
        }
    }

    private static String memory(Sandbox sandbox, int count) throws IOException {
        freshOnce(sandbox);
        double rssBefore = rssMiB();
        double heapBefore = heapMiB();
        List<Isolate> live = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Isolate isolate = sandbox.newIsolate();
            expect(run(isolate, TINY), "2");
            live.add(isolate);
        }
        double rssAfter = rssMiB();
        double heapAfter = heapMiB();
        if (sandbox.liveIsolates() < count) throw new IllegalStateException("isolates were evicted: " + sandbox.liveIsolates());
        live.forEach(Isolate::close);
        return "\"live\":" + count + ",\"rss_before_mib\":" + rssBefore + ",\"rss_after_mib\":" + rssAfter
                + ",\"mib_per_sandbox\":" + (rssAfter - rssBefore) / count
                + ",\"heap_mib_per_sandbox\":" + (heapAfter - heapBefore) / count;
    }

    /**
     * The marginal cost of one call: executions of {@code count} and {@code 2 * count} calls take turns, and
     * the difference of their medians is divided by {@code count}, so what each execution costs once (the
     * submission, the first await) is reported apart instead of being spread over the calls.
     */
    private static String hostCall(Sandbox sandbox, int count) {
        try (Isolate isolate = sandbox.newIsolate(new Ping())) {
            timedLoop(isolate, count);
            double[] single = new double[7];
            double[] twice = new double[single.length];
            for (int round = 0; round < single.length; round++) {
                single[round] = timedLoop(isolate, count);
                twice[round] = timedLoop(isolate, 2 * count);
            }
            double perCallMs = (median(twice) - median(single)) / count;
            return "\"us_per_call\":" + perCallMs * 1000 + ",\"calls\":" + count
                    + ",\"fixed_ms_per_execution\":" + (median(single) - count * perCallMs);
        }
    }

    /** Milliseconds of one execution that awaits {@code bench.ping} {@code calls} times in a row. */
    private static double timedLoop(Isolate isolate, int calls) {
        String loop = "let x = 0; for (let i = 0; i < " + calls + "; i++) x = await bench.ping(x); return x;";
        long t0 = System.nanoTime();
        expect(run(isolate, loop), String.valueOf(calls));
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static ExecutionResult run(Isolate isolate, String code) {
        try {
            return isolate.submit(ExecutionRequest.of(code), ExecutionListener.NONE).result().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("execution did not complete", e);
        }
    }

    private static void expect(ExecutionResult result, String json) {
        if (!(result instanceof ExecutionResult.Succeeded ok) || !ok.value().toString().equals(json)) {
            throw new IllegalStateException("expected " + json + ", got " + result);
        }
    }

    private static double rssMiB() throws IOException {
        System.gc();
        Matcher m = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/self/status")));
        if (!m.find()) throw new IllegalStateException("no VmRSS in /proc/self/status");
        return Long.parseLong(m.group(1)) / 1024.0;
    }

    private static double heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** A capability {@code bench.ping(x)} that answers x + 1 at once. */
    private static final class Ping implements HostApi {
        @Override
        public Map<String, List<String>> namespaces() {
            return Map.of("bench", List.of("ping"));
        }

        @Override
        public CompletableFuture<String> call(String namespace, String method, String argumentsJson, ExecutionScope scope) {
            // The arguments arrive as a JSON array of one number.
            return CompletableFuture.completedFuture(String.valueOf(Long.parseLong(argumentsJson.replaceAll("[\\[\\]\\s]", "")) + 1));
        }
    }
}
