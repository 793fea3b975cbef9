package dev.paddock.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded source map (version 3 "mappings"), enough to point a position in transpiled TypeScript back
 * at the agent's TypeScript.
 */
final class SourceMap {

    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** One mapping: generated column to original line and column, all 0-based. */
    private record Segment(int generatedColumn, int line, int column) {}

    private final List<List<Segment>> lines;

    private SourceMap(List<List<Segment>> lines) {
        this.lines = lines;
    }

    /** Decodes the {@code mappings} field of a source map. */
    static SourceMap decode(String mappings) {
        List<List<Segment>> lines = new ArrayList<>();
        int sourceLine = 0;
        int sourceColumn = 0;
        for (String line : mappings.split(";", -1)) {
            List<Segment> segments = new ArrayList<>();
            int generatedColumn = 0;
            for (String segment : line.split(",")) {
                if (segment.isEmpty()) continue;
                int[] fields = decodeVlq(segment);
                generatedColumn += fields[0];
                if (fields.length >= 4) {
                    sourceLine += fields[2];
                    sourceColumn += fields[3];
                    segments.add(new Segment(generatedColumn, sourceLine, sourceColumn));
                }
            }
            lines.add(segments);
        }
        return new SourceMap(lines);
    }

    /**
     * The original 1-based {line, column} for a 1-based generated position: the nearest mapping at or
     * before the column (or the line's first mapping), or null when the line has none.
     */
    int[] original(int line, int column) {
        if (line < 1 || line > lines.size()) return null;
        List<Segment> segments = lines.get(line - 1);
        if (segments.isEmpty()) return null;
        Segment best = segments.getFirst();
        for (Segment s : segments) {
            if (s.generatedColumn() <= column - 1) best = s;
        }
        int offset = Math.max(0, column - 1 - best.generatedColumn());
        return new int[] {best.line() + 1, best.column() + 1 + offset};
    }

    private static int[] decodeVlq(String segment) {
        List<Integer> values = new ArrayList<>(5);
        int value = 0;
        int shift = 0;
        for (int i = 0; i < segment.length(); i++) {
            int digit = BASE64.indexOf(segment.charAt(i));
            if (digit < 0) throw new IllegalArgumentException("invalid source map character: " + segment.charAt(i));
            value += (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                boolean negative = (value & 1) != 0;
                values.add(negative ? -(value >>> 1) : value >>> 1);
                value = 0;
                shift = 0;
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
