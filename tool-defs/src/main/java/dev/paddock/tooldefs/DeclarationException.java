package dev.paddock.tooldefs;

import java.util.List;
import java.util.stream.Collectors;

/** Invalid input: carries every problem found in one run, in source order. */
public final class DeclarationException extends RuntimeException {

    private final List<Diagnostic> diagnostics;

    public DeclarationException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
