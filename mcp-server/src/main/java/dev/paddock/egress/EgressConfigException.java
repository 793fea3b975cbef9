package dev.paddock.egress;

/** An invalid {@code egress} section; the message starts with the JSON path ("egress.rules[0].url: …"). */
public final class EgressConfigException extends IllegalArgumentException {
    private final String path;
    private final String problem;

    EgressConfigException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
        this.problem = message;
    }

    /** The JSON path of the offending value, e.g. "egress.rules[0].url". */
    public String path() {
        return path;
    }

    /** The message without the path. */
    public String problem() {
        return problem;
    }
}
