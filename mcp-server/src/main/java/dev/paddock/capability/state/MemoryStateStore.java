package dev.paddock.capability.state;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * State of one connection, gone when it closes. Values are kept as their JSON text, so the memory they
 * hold is what the limits count (a parsed tree can take many times more).
 */
final class MemoryStateStore implements StateStore {
    private final ConcurrentHashMap<String, byte[]> values = new ConcurrentHashMap<>();
    private final StateUsage usage = new StateUsage();

    @Override
    public Optional<JsonNode> get(String key) {
        return Optional.ofNullable(values.get(key)).map(StateCapability::parse);
    }

    @Override
    public synchronized void set(String key, byte[] json, StateCapability.Limits limits, Runnable beforeCommit) {
        usage.admit(key, json.length, limits);
        beforeCommit.run();
        values.put(key, json);
        usage.stored(key, json.length);
    }

    @Override
    public synchronized boolean delete(String key, Runnable beforeCommit) {
        beforeCommit.run();
        usage.removed(key);
        return values.remove(key) != null;
    }

    @Override
    public List<String> keys(String prefix) {
        return usage.keys(prefix);
    }
}
