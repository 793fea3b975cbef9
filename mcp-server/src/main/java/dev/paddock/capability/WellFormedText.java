package dev.paddock.capability;

import java.nio.charset.StandardCharsets;

/**
 * Agent text that must become UTF-8 (file names, file content, state keys). A JS string may hold a lone
 * surrogate, which UTF-8 cannot encode and the JDK silently turns into '?': such text is refused, so two
 * different strings never end up as the same name or content.
 */
public final class WellFormedText {
    private WellFormedText() {}

    /** The UTF-8 bytes of {@code text}; {@code what} names it for the error, e.g. {@code files.write: input.content}. */
    public static byte[] utf8(String text, String what) {
        requireWellFormed(text, what);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static void requireWellFormed(String text, String what) {
        int at = loneSurrogate(text);
        if (at >= 0) {
            throw new CapabilityException("EILSEQ", what + " contains a lone surrogate (\\u" + Integer.toHexString(text.charAt(at))
                    + ") at index " + at + ", which UTF-8 cannot store; remove it or call .toWellFormed() on the string first");
        }
    }

    /** {@code text} with each lone surrogate replaced by U+FFFD, for quoting agent text in an error. */
    public static String shown(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else {
                shown.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return shown.toString();
    }

    private static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
