package dev.paddock.capability;

import com.networknt.schema.Schema;
import java.util.List;

/**
 * A method as the TypeScript declarations state it.
 *
 * @param params            parameter names in order
 * @param singleObjectInput true when the method takes one object parameter, which is then the tool input
 *                          itself (so the schema's paths start at that parameter)
 * @param inputSchema       the compiled JSON Schema of the tool input (an object of named parameters, or the
 *                          single object parameter)
 */
public record DeclaredMethod(
        String name, List<String> params, boolean singleObjectInput, Schema inputSchema) {

    public DeclaredMethod {
        params = List.copyOf(params);
    }
}
