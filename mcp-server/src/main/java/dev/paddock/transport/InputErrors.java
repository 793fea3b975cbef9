package dev.paddock.transport;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * What a client is told about input that could not be read: the problem in its own terms (which field, what
 * limit), without the Java class, method and exception names that Jackson and the SDK put in their messages.
 */
public final class InputErrors {
    private static final Logger log = LoggerFactory.getLogger(InputErrors.class);
    /** Jackson's pointers into its own code: "(1000, from `StreamReadConstraints.getMaxNestingDepth()`)". */
    private static final Pattern FROM_CODE = Pattern.compile(",? from `[^`]*`");
    /** Source locations, which name Jackson features: "at [Source: REDACTED (`StreamReadFeature...` disabled); ...]". */
    private static final Pattern LOCATION = Pattern.compile("\\s*\\(?(start marker )?at \\[Source: .*$", Pattern.DOTALL);

    /** Exception and package-qualified class names, nested-class dollars, the JVM's NullPointerException text. */
    private static final Pattern JAVA_NAMES = Pattern.compile("Exception\\b|\\b(java|javax|tools\\.jackson|"
            + "io\\.modelcontextprotocol|reactor|dev\\.paddock)\\.[a-z]|\\$[A-Z]|Cannot invoke \"");

    private InputErrors() {}

    /**
     * The message unchanged, or, when it is a JSON-RPC error whose text names Java internals (the SDK answers a
     * request it fails on with the exception's message, e.g. for params it cannot bind), the same error with a
     * plain message. The original text goes to the log.
     */
    public static McpSchema.JSONRPCMessage withoutJavaNames(McpSchema.JSONRPCMessage message) {
        if (!(message instanceof McpSchema.JSONRPCResponse response) || response.error() == null
                || response.error().message() == null || !JAVA_NAMES.matcher(response.error().message()).find()) {
            return message;
        }
        log.warn("request {} failed: {}", response.id(), response.error().message());
        return McpSchema.JSONRPCResponse.error(response.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
                response.error().code(), "the server could not handle this request: check its params against the "
                + "method's schema (details are in the server log)", null));
    }

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
