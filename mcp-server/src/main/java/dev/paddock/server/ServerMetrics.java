package dev.paddock.server;

import dev.paddock.sandbox.ExecutionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.IntSupplier;

/**
 * What an operator watches, in Prometheus text format: executions (count and duration), failed executions
 * by kind (runtime, wall-time, queue-time, ...), live isolates and open sessions.
 */
public final class ServerMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer executions = Timer.builder("paddock.executions")
            .description("execute calls that ran, by wall time from start of execution")
            .register(registry);

    /** A gauge read at scrape time, e.g. the transport's open sessions. */
    public void gauge(String name, String description, IntSupplier value) {
        Gauge.builder(name, value::getAsInt).description(description).register(registry);
    }

    void executed(ExecutionResult outcome) {
        executions.record(outcome.elapsed());
        if (outcome instanceof ExecutionResult.Failed f) failed(f.error().kind());
    }

    void failed(String kind) {
        Counter.builder("paddock.execution.errors").description("failed execute calls by kind")
                .tag("kind", kind).register(registry).increment();
    }

    /** The text a Prometheus server scrapes from {@code GET /metrics}. */
    public String scrape() {
        return registry.scrape();
    }
}
