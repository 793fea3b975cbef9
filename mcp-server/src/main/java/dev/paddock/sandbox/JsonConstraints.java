package dev.paddock.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * What an agent's data broke when Jackson's read limits refused it (a key of over 50,000 characters, say),
 * in the agent's words: Jackson's own message names its classes and methods.
 */
public final class JsonConstraints {
    private static final Pattern SIZES = Pattern.compile("\\((\\d+)\\)[^(]*\\((\\d+)");

    private JsonConstraints() {}

    /**
     * @param what   the data, as the agent knows it: "the result", "the arguments of files.read"
     * @param plural whether {@code what} takes "have" rather than "has"
     */
    public static String describe(StreamConstraintsException e, String what, boolean plural) {
        String has = plural ? " have " : " has ";
        String message = String.valueOf(e.getOriginalMessage());
        Matcher sizes = SIZES.matcher(message);
        String size = sizes.find() ? sizes.group(1) : null;
        String limit = size == null ? null : sizes.group(2);
        if (message.startsWith("Name length") && size != null) {
            return what + has + "an object key of " + size + " characters, over the " + limit + "-character limit for "
                    + "keys; use shorter keys (long text belongs in values, e.g. an array of {key, value} pairs)";
        }
        if (message.contains("nesting depth") && size != null) {
            return what + (plural ? " nest " : " nests ") + size + " levels deep, over the " + limit
                    + "-level limit; use flatter data";
        }
        if (message.startsWith("String value length") && size != null) {
            return what + has + "a string of " + size + " characters, over the " + limit + "-character limit";
        }
        if (message.startsWith("Number value length") && size != null) {
            return what + has + "a number of " + size + " digits, over the " + limit + "-digit limit";
        }
        return what + (plural ? " are" : " is") + " beyond what Paddock reads as JSON (too long a key, string or number, or too deep)";
    }
}
