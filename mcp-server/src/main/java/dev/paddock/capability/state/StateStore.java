package dev.paddock.capability.state;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Where {@code state} keeps its values: in memory per connection, or in a folder per profile. */
interface StateStore {
    Optional<JsonNode> get(String key);

    /** Stores the value; {@code serialized} is its JSON text, already checked against the limits. */
    void set(String key, JsonNode value, byte[] serialized);

    boolean delete(String key);

    /** Keys starting with {@code prefix}, sorted. */
    List<String> keys(String prefix);

    /** Total serialized bytes of the values other than {@code exceptKey}'s, for the store's size limit. */
    long bytesExcept(String exceptKey);
}
