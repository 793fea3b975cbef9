package dev.paddock.capability;

/** A capability's settings in paddock.json are wrong; {@code field} is relative to the capability's object. */
public final class CapabilitySettingsException extends RuntimeException {
    private final String field;

    public CapabilitySettingsException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** e.g. "root" for capabilities.files.root; empty for the object itself. */
    public String field() {
        return field;
    }
}
