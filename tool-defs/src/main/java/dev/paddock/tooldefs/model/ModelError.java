package dev.paddock.tooldefs.model;

/** A meaning problem (unknown type, function inside data, …) found after parsing, at a source offset. */
public final class ModelError extends RuntimeException {

    private final int offset;

    public ModelError(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
