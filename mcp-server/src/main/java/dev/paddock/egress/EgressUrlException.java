package dev.paddock.egress;

/** A URL fetch cannot use; the message is written for whoever wrote the URL (agent code or an operator). */
final class EgressUrlException extends IllegalArgumentException {
    private final boolean unsupportedScheme;

    EgressUrlException(String message, boolean unsupportedScheme) {
        super(message);
        this.unsupportedScheme = unsupportedScheme;
    }

    boolean unsupportedScheme() {
        return unsupportedScheme;
    }
}
