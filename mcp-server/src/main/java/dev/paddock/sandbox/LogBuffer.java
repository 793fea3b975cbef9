package dev.paddock.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Console output of one execution, kept in Java so it survives whatever stops the code. Past the line or
 * byte limit, lines are counted but dropped, and a final entry says how many.
 */
final class LogBuffer {

    private final int maxLines;
    private final int maxBytes;
    private final List<LogEntry> entries = new ArrayList<>();
    private int bytes;
    private int dropped;
    private String limitHit;

    LogBuffer(int maxLines, int maxBytes) {
        this.maxLines = maxLines;
        this.maxBytes = maxBytes;
    }

    synchronized void add(String level, String message) {
        if (limitHit != null) {
            dropped++;
            return;
        }
        int size = message.getBytes(StandardCharsets.UTF_8).length;
        if (entries.size() >= maxLines) {
            limitHit = maxLines + " lines";
            dropped++;
        } else if (bytes + size > maxBytes) {
            limitHit = maxBytes + " bytes";
            int room = maxBytes - bytes;
            if (room > 0) {
                entries.add(new LogEntry(level, cut(message, room) + " [… line cut]"));
                bytes = maxBytes;
            } else {
                dropped++;
            }
        } else {
            entries.add(new LogEntry(level, message));
            bytes += size;
        }
    }

    synchronized boolean truncated() {
        return limitHit != null;
    }

    synchronized List<LogEntry> entries() {
        if (limitHit == null) return List.copyOf(entries);
        List<LogEntry> all = new ArrayList<>(entries);
        if (dropped > 0) {
            all.add(new LogEntry("warn", "[… " + dropped + " more log line" + (dropped == 1 ? "" : "s")
                    + " dropped: log limit " + limitHit + "]"));
        }
        return List.copyOf(all);
    }

    /** The longest prefix of {@code s} whose UTF-8 encoding fits in {@code maxBytes}. */
    private static String cut(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + n > maxBytes) break;
            used += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}
