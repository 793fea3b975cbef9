package dev.paddock.egress;

/** An invalid {@code egress} section; the message starts with the JSON path ("egress.rules[0].url: …"). */
public final class EgressConfigException extends IllegalArgumentException {
    EgressConfigException(String path, String message) {
        super(path + ": " + message);
    }
}
