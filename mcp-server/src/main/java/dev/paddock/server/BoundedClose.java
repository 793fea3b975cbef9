package dev.paddock.server;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes resources on the way out without letting a stuck close keep the process alive: the CLI exits
 * right after, and a client that closed stdin expects the server to be gone promptly.
 */
public final class BoundedClose {
    private static final Logger log = LoggerFactory.getLogger(BoundedClose.class);
    static final Duration LIMIT = Duration.ofSeconds(3);

    private BoundedClose() {}

    /** Closes the resources in order, giving up (with a warning) after {@link #LIMIT} in total. */
    public static void close(AutoCloseable... resources) {
        var closing = CompletableFuture.runAsync(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    log.warn("closing {} failed: {}", resource.getClass().getSimpleName(), e.toString());
                }
            }
        }, runnable -> Thread.ofPlatform().daemon().name("paddock-close").start(runnable));
        try {
            closing.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("shutdown did not finish within {} ms; exiting anyway", LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.warn("shutdown failed: {}", e.getCause().toString());
        }
    }
}
