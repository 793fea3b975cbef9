package dev.paddock.config;

import dev.paddock.sandbox.Limits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads paddock.json token by token, one method per object in the file, so every mistake is reported
 * where it is: "paddock.json:3:15: limits.wallTimeMs must be a positive integer (milliseconds)". Unknown
 * keys are errors too: a misspelt limit that is silently ignored is a limit that does not hold.
 */
final class ConfigReader {
    private final String fileName;
    private final String text;
    private JsonParser parser;

    ConfigReader(String fileName, String text) {
        this.fileName = fileName;
        this.text = text;
    }

    PaddockConfig read(Path baseDir) throws ConfigException {
        try (JsonParser p = JsonMapper.shared().createParser(text)) {
            parser = p;
            parser.nextToken();
            PaddockConfig config = new PaddockConfig(root(), baseDir);
            if (parser.nextToken() != null) throw error("unexpected content after the config object");
            return config;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? fileName : fileName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + ": invalid JSON: " + e.getOriginalMessage());
        }
    }

    private Limits root() throws ConfigException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) throw error("the config must be a JSON object");
        Limits limits = Limits.DEFAULTS;
        Set<String> seen = new HashSet<>();
        while (nextKey("", seen)) {
            String key = parser.currentName();
            TokenStreamLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            switch (key) {
                case "limits" -> limits = limits("limits");
                default -> throw unknownKey(keyAt, "", key, "limits");
            }
        }
        return limits;
    }

    private Limits limits(String path) throws ConfigException {
        if (!parser.hasToken(JsonToken.START_OBJECT)) throw error(path + " must be an object");
        Limits l = Limits.DEFAULTS;
        Set<String> seen = new HashSet<>();
        while (nextKey(path, seen)) {
            String key = parser.currentName();
            String at = path + "." + key;
            TokenStreamLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            try {
                long allocated = l.maxAllocatedBytes();
                l = switch (key) {
                    case "wallTimeMs" -> new Limits(millis(at), l.cpuTime(), l.maxResultBytes(), l.maxLogBytes(), l.maxLogLines());
                    case "cpuTimeMs" -> new Limits(l.wallTime(), millis(at), l.maxResultBytes(), l.maxLogBytes(), l.maxLogLines());
                    case "maxResultBytes" -> new Limits(l.wallTime(), l.cpuTime(), count(at, "bytes"), l.maxLogBytes(), l.maxLogLines());
                    case "maxLogBytes" -> new Limits(l.wallTime(), l.cpuTime(), l.maxResultBytes(), count(at, "bytes"), l.maxLogLines());
                    case "maxLogLines" -> new Limits(l.wallTime(), l.cpuTime(), l.maxResultBytes(), l.maxLogBytes(), count(at, "lines"));
                    case "maxAllocatedBytes" -> l;
                    default -> throw unknownKey(keyAt, path, key,
                            "wallTimeMs, cpuTimeMs, maxResultBytes, maxLogBytes, maxLogLines, maxAllocatedBytes");
                };
                l = l.withMaxAllocatedBytes(key.equals("maxAllocatedBytes")
                        ? positiveInteger(at, "bytes", Long.MAX_VALUE) : allocated);
            } catch (IllegalArgumentException e) {
                // Limits owns its own rules (e.g. minimum sizes); report them at the value that broke them.
                throw error(at + " is out of range: " + e.getMessage());
            }
        }
        return l;
    }

    /** Moves to the next key of the current object; false at its end. Duplicate keys are errors. */
    private boolean nextKey(String path, Set<String> seen) throws ConfigException {
        if (parser.nextToken() == JsonToken.END_OBJECT) return false;
        String key = parser.currentName();
        if (!seen.add(key)) throw error(join(path, key) + " appears twice");
        return true;
    }

    private Duration millis(String path) throws ConfigException {
        return Duration.ofMillis(positiveInteger(path, "milliseconds", Long.MAX_VALUE));
    }

    private int count(String path, String unit) throws ConfigException {
        return (int) positiveInteger(path, unit, Integer.MAX_VALUE);
    }

    private long positiveInteger(String path, String unit, long max) throws ConfigException {
        String rule = path + " must be a positive integer (" + unit + ")";
        if (!parser.hasToken(JsonToken.VALUE_NUMBER_INT)) throw error(rule);
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) throw error(rule + " no larger than " + max);
        long value = parser.getLongValue();
        if (value < 1) throw error(rule);
        if (value > max) throw error(rule + " no larger than " + max);
        return value;
    }

    private ConfigException unknownKey(TokenStreamLocation at, String path, String key, String known) {
        String where = path.isEmpty() ? "at the top level" : "in " + path;
        return error(at, "unknown key \"" + key + "\" " + where + " (known keys: " + known + ")");
    }

    /** An error at the current token. */
    private ConfigException error(String message) {
        return error(parser.currentTokenLocation(), message);
    }

    private ConfigException error(TokenStreamLocation at, String message) {
        return new ConfigException(fileName + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + message);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
