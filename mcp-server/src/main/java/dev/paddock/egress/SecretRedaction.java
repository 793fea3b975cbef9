package dev.paddock.egress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hides the rules' injected header values in everything a fetch hands back to agent code. Not sending them
 * to the code is not enough: a granted server may echo request headers in its body, its response headers
 * or a redirect's Location (whose URL then shows up in the final {@code url} or in a denial message). Each
 * value is hidden whole and, for "Bearer TOKEN"-like values, token by token. Pieces shorter than
 * {@link #MIN_LENGTH} are left alone: hiding "2" of "X-Api-Version: 2" would garble every body, and short
 * values are not secrets. This catches verbatim echoes only; an operator who grants a server trusts it not
 * to transform and return credentials.
 */
final class SecretRedaction {
    static final String MARK = "[redacted]";
    static final int MIN_LENGTH = 8;
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);

    private final List<String> secrets;
    private final List<byte[]> secretBytes;

    SecretRedaction(Set<String> injectedValues) {
        Set<String> pieces = new LinkedHashSet<>();
        for (String value : injectedValues) {
            pieces.add(value.strip());
            for (String token : value.strip().split("[\\s,;]+")) {
                pieces.add(token);
            }
        }
        // Longest first, so a whole value is replaced before its token would leave the rest visible.
        secrets = pieces.stream().filter(p -> p.length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        secretBytes = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    String text(String s) {
        if (s == null) return null;
        for (String secret : secrets) {
            s = s.replace(secret, MARK);
        }
        return s;
    }

    byte[] bytes(byte[] body) {
        for (byte[] secret : secretBytes) {
            body = replace(body, secret);
        }
        return body;
    }

    private static byte[] replace(byte[] body, byte[] secret) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i + secret.length <= body.length; i++) {
            if (body[i] == secret[0] && regionMatches(body, i, secret)) {
                at.add(i);
                i += secret.length - 1;
            }
        }
        if (at.isEmpty()) return body;
        byte[] out = new byte[body.length + at.size() * (MARK_BYTES.length - secret.length)];
        int from = 0;
        int to = 0;
        for (int start : at) {
            System.arraycopy(body, from, out, to, start - from);
            to += start - from;
            System.arraycopy(MARK_BYTES, 0, out, to, MARK_BYTES.length);
            to += MARK_BYTES.length;
            from = start + secret.length;
        }
        System.arraycopy(body, from, out, to, body.length - from);
        return out;
    }

    private static boolean regionMatches(byte[] body, int offset, byte[] secret) {
        for (int j = 1; j < secret.length; j++) {
            if (body[offset + j] != secret[j]) return false;
        }
        return true;
    }
}
