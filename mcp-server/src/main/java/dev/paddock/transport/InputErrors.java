package dev.paddock.transport;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * What a client is told about input that could not be read: the problem in its own terms (which field, what
 * limit), without the Java class, method and exception names that Jackson and the SDK put in their messages.
 */
public final class InputErrors {
    /** Jackson's pointers into its own code: "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern FROM_CODE = Pattern.compile(",? from `[^`]*`");
    /** Source locations, which name Jackson features: "at [Source: REDACTED (`StreamReadFeature...` disabled); ...]". */
    private static final Pattern LOCATION = Pattern.compile("\\s*\\(?(start marker )?at \\[Source: .*$", Pattern.DOTALL);

    private InputErrors() {}

    /** A parse or limit error of malformed JSON, e.g. "Document nesting depth (1001) exceeds the maximum allowed (1000)". */
    public static String problem(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        message = LOCATION.matcher(FROM_CODE.matcher(message).replaceAll("")).replaceAll("");
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).replace('`', '\'').strip();
    }

    /**
     * Where in a JSON value binding failed, e.g. "clientInfo" or "arguments.items[2]"; empty when the error
     * came from no field (or from no binding at all).
     */
    public static String field(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                var out = new StringBuilder();
                for (var reference : jackson.getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!out.isEmpty()) out.append('.');
                        out.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        out.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return out.toString();
            }
        }
        return "";
    }
}
