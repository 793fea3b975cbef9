package dev.paddock.capability;

import com.networknt.schema.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A method as the TypeScript declarations state it.
 *
 * @param params            parameter names in order
 * @param singleObjectInput true when the method takes one object parameter, which is then the tool input
 *                          itself (so the schema's paths start at that parameter)
 * @param inputSchema       the compiled JSON Schema of the tool input (an object of named parameters, or the
 *                          single object parameter)
 * @param inputJson         the same schema as JSON, for comparing declared shapes with Java types at startup
 */
public record DeclaredMethod(
        String name, List<String> params, boolean singleObjectInput, Schema inputSchema, JsonNode inputJson) {

    public DeclaredMethod {
        params = List.copyOf(params);
    }

    /** The declared JSON Schema of one parameter, as it appears in the tool input. */
    JsonNode paramSchema(int index) {
        return singleObjectInput ? inputJson : inputJson.path("properties").path(params.get(index));
    }
}
