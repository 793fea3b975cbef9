package dev.paddock.sandbox;

/**
 * A host call failed in a way agent code should see: it rejects with a JS error of this {@code jsName}
 * (Error, TypeError, …), this message, and {@code error.code} set to {@code code} when not null.
 */
public class HostCallException extends RuntimeException {
    private final String jsName;
    private final String code;

    public HostCallException(String jsName, String code, String message) {
        super(message);
        this.jsName = jsName;
        this.code = code;
    }

    public String jsName() {
        return jsName;
    }

    public String code() {
        return code;
    }
}
