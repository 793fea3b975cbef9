package dev.paddock.transport;

import java.time.Duration;

/** Durations as people read them in logs and messages: "30 s", "250 ms", "2 min", not "PT30S". */
public final class Durations {
    private Durations() {}

    public static String human(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 60_000 == 0 && ms >= 60_000) return ms / 60_000 + " min";
        if (ms % 1000 == 0 && ms >= 1000) return ms / 1000 + " s";
        return ms + " ms";
    }
}
