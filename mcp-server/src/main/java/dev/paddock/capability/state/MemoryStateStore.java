package dev.paddock.capability.state;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import tools.jackson.databind.JsonNode;

/** State of one connection, gone when it closes. */
final class MemoryStateStore implements StateStore {
    private record Stored(JsonNode value, int bytes) {}

    private final ConcurrentSkipListMap<String, Stored> values = new ConcurrentSkipListMap<>();

    @Override
    public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(values.get(key)).map(Stored::value);
    }

    @Override
    public void set(String key, JsonNode value, byte[] serialized) {
        values.put(key, new Stored(value.deepCopy(), serialized.length));
    }

    @Override
    public boolean delete(String key) {
        return values.remove(key) != null;
    }

    @Override
    public List<String> keys(String prefix) {
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    @Override
    public long bytesExcept(String exceptKey) {
        return values.entrySet().stream()
                .filter(e -> !e.getKey().equals(exceptKey))
                .mapToLong(e -> e.getValue().bytes())
                .sum();
    }
}
