package dev.paddock.egress;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hides the rules' injected header values in everything a fetch hands back to agent code. Not sending them
 * to the code is not enough: a granted server may echo request headers in its body, its response headers
 * (names included) or a redirect's Location (whose URL then shows up in the final {@code url} or in a
 * denial message). Matching ignores ASCII case, since servers lower-case echoed header names. Hidden are:
 * <ul>
 *   <li>each value whole and, for "Bearer TOKEN"-like values, each token of {@link #MIN_LENGTH} or more
 *       characters;
 *   <li>fragments: any {@link #MIN_LENGTH} consecutive characters of a value that include at least
 *       {@link #MIN_SECRET_CHARS} characters of such a token. So a secret's piece is hidden wherever it
 *       appears once it is 8 characters long, and a shorter piece when it still sits next to what precedes
 *       it in the value ("Bearer sk-a…").
 * </ul>
 * Short values and short tokens are left alone: hiding "2" of "X-Api-Version: 2" would garble every body,
 * and short values are not secrets. A server that returns a secret transformed (encoded, reversed, a few
 * characters at a time) still reveals it: SECURITY.md says what this does and does not promise.
 */
final class SecretRedaction {
    static final String MARK = "[redacted]";
    static final int MIN_LENGTH = 8;
    static final int MIN_SECRET_CHARS = 4;
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);

    /** Whole values and tokens, lower-cased. */
    private final List<byte[]> pieces;
    /** Every {@link #MIN_LENGTH}-byte window that counts as a fragment, lower-cased and packed, sorted. */
    private final long[] fragments;
    /** Per fragment, which of its bytes are secret (bit 7 the first): only those are hidden, not "Bearer ". */
    private final int[] fragmentSecretBytes;

    SecretRedaction(Set<String> injectedValues) {
        Set<String> wholes = new LinkedHashSet<>();
        Map<Long, Integer> windows = new TreeMap<>();
        for (String value : injectedValues) {
            byte[] bytes = lower(value.strip().getBytes(StandardCharsets.UTF_8));
            boolean[] secret = secretBytes(bytes);
            if (bytes.length >= MIN_LENGTH) wholes.add(new String(bytes, StandardCharsets.ISO_8859_1));
            for (int start = 0, run = -1; start <= bytes.length; start++) {
                boolean in = start < bytes.length && secret[start];
                if (in && run < 0) run = start;
                if (!in && run >= 0) {
                    wholes.add(new String(bytes, run, start - run, StandardCharsets.ISO_8859_1));
                    run = -1;
                }
            }
            for (int start = 0; start + MIN_LENGTH <= bytes.length; start++) {
                int mask = 0;
                for (int i = start; i < start + MIN_LENGTH; i++) mask = (mask << 1) | (secret[i] ? 1 : 0);
                if (Integer.bitCount(mask) >= MIN_SECRET_CHARS) windows.merge(pack(bytes, start), mask, (a, b) -> a | b);
            }
        }
        pieces = wholes.stream().map(s -> s.getBytes(StandardCharsets.ISO_8859_1)).toList();
        fragments = windows.keySet().stream().mapToLong(Long::longValue).toArray();
        fragmentSecretBytes = windows.values().stream().mapToInt(Integer::intValue).toArray();
    }

    String text(String s) {
        if (s == null || pieces.isEmpty()) return s;
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        byte[] redacted = bytes(bytes);
        return redacted == bytes ? s : new String(redacted, StandardCharsets.UTF_8);
    }

    byte[] bytes(byte[] body) {
        if (pieces.isEmpty() || body.length == 0) return body;
        boolean[] hidden = new boolean[body.length];
        boolean any = false;
        for (byte[] piece : pieces) {
            for (int i = 0; i + piece.length <= body.length; i++) {
                if (regionMatches(body, i, piece)) {
                    Arrays.fill(hidden, i, i + piece.length, true);
                    any = true;
                }
            }
        }
        long window = 0;
        for (int i = 0; i < body.length; i++) {
            window = (window << 8) | (lower(body[i]) & 0xFF);
            int found = i >= MIN_LENGTH - 1 ? Arrays.binarySearch(fragments, window) : -1;
            if (found >= 0) {
                int mask = fragmentSecretBytes[found];
                for (int j = 0; j < MIN_LENGTH; j++) {
                    if ((mask & (1 << (MIN_LENGTH - 1 - j))) != 0) hidden[i - MIN_LENGTH + 1 + j] = true;
                }
                any = true;
            }
        }
        return any ? replaceRuns(body, hidden) : body;
    }

    /** Which bytes of a value belong to a token long enough to be a secret. */
    private static boolean[] secretBytes(byte[] value) {
        boolean[] secret = new boolean[value.length];
        int start = 0;
        for (int i = 0; i <= value.length; i++) {
            if (i == value.length || isSeparator(value[i])) {
                if (i - start >= MIN_LENGTH) Arrays.fill(secret, start, i, true);
                start = i + 1;
            }
        }
        return secret;
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\t' || b == ',' || b == ';';
    }

    private static byte[] replaceRuns(byte[] body, boolean[] hidden) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            if (!hidden[i]) {
                out.write(body[i]);
            } else if (i == 0 || !hidden[i - 1]) {
                out.writeBytes(MARK_BYTES);
            }
        }
        return out.toByteArray();
    }

    private static boolean regionMatches(byte[] body, int offset, byte[] piece) {
        for (int j = 0; j < piece.length; j++) {
            if (lower(body[offset + j]) != piece[j]) return false;
        }
        return true;
    }

    private static long pack(byte[] bytes, int start) {
        long packed = 0;
        for (int i = start; i < start + MIN_LENGTH; i++) packed = (packed << 8) | (bytes[i] & 0xFF);
        return packed;
    }

    private static byte[] lower(byte[] bytes) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) out[i] = lower(out[i]);
        return out;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }
}
