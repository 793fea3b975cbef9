package dev.paddock.sandbox;

import tools.jackson.databind.json.JsonMapper;

/** The sandbox's one JSON mapper. */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}
}
