package dev.paddock.capability.state;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Where {@code state} keeps its values: in memory per connection, or in a folder per profile. */
interface StateStore {
    Optional<JsonNode> get(String key);

    /**
     * Stores {@code json}, a value's JSON text, unless that breaks {@code limits}: checked and stored under
     * one lock, so concurrent writes cannot overshoot together.
     *
     * @param beforeCommit runs right before the value replaces the old one; if it throws, nothing changes
     */
    void set(String key, byte[] json, StateCapability.Limits limits, Runnable beforeCommit);

    /** @param beforeCommit as for {@link #set} */
    boolean delete(String key, Runnable beforeCommit);

    /** Keys starting with {@code prefix}, sorted. */
    List<String> keys(String prefix);
}
