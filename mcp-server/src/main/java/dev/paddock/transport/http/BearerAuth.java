package dev.paddock.transport.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Bearer tokens → profiles. Tokens are kept only as SHA-256 hashes and every configured hash is compared
 * with {@link MessageDigest#isEqual}, so neither the comparison nor the loop leaks how close a guess was.
 */
final class BearerAuth {
    /** Who made a request: the profile the token grants and a key naming the token (its hash) for limits. */
    record Caller(String profile, String key) {}

    static final Caller ANONYMOUS = new Caller(HttpSettings.DEFAULT_PROFILE, "anonymous");

    private record Entry(byte[] hash, String profile) {}

    private final List<Entry> entries;

    BearerAuth(Map<String, String> tokens) {
        this.entries = tokens.entrySet().stream().map(e -> {
            if (e.getKey().isBlank()) throw new IllegalArgumentException("a bearer token must not be blank");
            return new Entry(sha256(e.getKey()), e.getValue());
        }).toList();
    }

    boolean enabled() {
        return !entries.isEmpty();
    }

    /** The caller named by an {@code Authorization} header, or null when it names none of ours. */
    Caller authenticate(String authorization) {
        if (!enabled()) return ANONYMOUS;
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        byte[] presented = sha256(authorization.substring(7).trim());
        Entry match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), presented)) match = entry;
        }
        return match == null ? null : new Caller(match.profile(), HexFormat.of().formatHex(match.hash(), 0, 8));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
