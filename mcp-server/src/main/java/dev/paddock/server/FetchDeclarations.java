package dev.paddock.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The TypeScript of the isolate's fetch subset, shown to the model when its profile grants egress. */
final class FetchDeclarations {
    static final String TEXT = load();

    private FetchDeclarations() {}

    private static String load() {
        try (InputStream in = FetchDeclarations.class.getResourceAsStream("/dev/paddock/egress/fetch.d.ts")) {
            if (in == null) throw new IllegalStateException("fetch.d.ts is missing from the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
