package dev.paddock.capability.state;

import dev.paddock.capability.CapabilityException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * What a store's keys cost against its {@link StateCapability.Limits}. A store checks and records a write
 * under its own lock, so concurrent writes cannot each pass the check and together exceed the limit;
 * reading the keys needs no lock.
 *
 * <p>A key costs its UTF-8 bytes, its value's JSON bytes and {@link StateCapability.Limits#overheadPerKey}:
 * on disk each key is a file, and even a one-byte value takes a block and an inode.
 */
final class StateUsage {
    /** Key → its value's JSON bytes. */
    private final ConcurrentSkipListMap<String, Long> sizes = new ConcurrentSkipListMap<>();
    /** The UTF-8 bytes of every key plus the JSON bytes of every value. */
    private long bytes;

    /** Refuses storing {@code valueBytes} under {@code key} when that would break a limit. Call under the store's lock. */
    void admit(String key, long valueBytes, StateCapability.Limits limits) {
        Long old = sizes.get(key);
        if (old == null && sizes.size() >= limits.maxKeys()) {
            throw new CapabilityException("ENOSPC", "state.set: the state already holds " + sizes.size()
                    + " keys, the most it may; delete keys you no longer need (state.list, state.delete)"
                    + " or keep related values together in one object under one key");
        }
        int keys = sizes.size() + (old == null ? 1 : 0);
        long total = bytes + (old == null ? keyBytes(key) : -old) + valueBytes + (long) keys * limits.overheadPerKey();
        if (total > limits.maxTotalBytes()) {
            throw new CapabilityException("ENOSPC", "state.set: storing " + StateCapability.quoted(key) + " would make the state "
                    + total + " bytes (each key counts its own bytes, its value's JSON bytes and " + limits.overheadPerKey()
                    + " bytes of overhead); the limit is " + limits.maxTotalBytes()
                    + ". Delete keys you no longer need (state.list, state.delete)");
        }
    }

    /** Records a stored value; call under the store's lock, after {@link #admit}. */
    void stored(String key, long valueBytes) {
        Long old = sizes.put(key, valueBytes);
        bytes += (old == null ? keyBytes(key) : -old) + valueBytes;
    }

    /** Records a removed key; call under the store's lock. */
    void removed(String key) {
        Long old = sizes.remove(key);
        if (old != null) bytes -= keyBytes(key) + old;
    }

    /** Keys starting with {@code prefix}, sorted. */
    List<String> keys(String prefix) {
        return sizes.tailMap(prefix).keySet().stream().takeWhile(k -> k.startsWith(prefix)).toList();
    }

    private static int keyBytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length;
    }
}
