package dev.paddock.upstream;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.paddock.tooldefs.Declarations;
import dev.paddock.tooldefs.ToolDefs;
import dev.paddock.tooldefs.ToolNaming;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * An upstream's {@code tools/list} as the namespace agent code sees: the granted tools whose schemas
 * tool-defs can render, as TypeScript (input types, output types from {@code outputSchema}, descriptions as
 * JSDoc), each method mapped back to its tool's real name and input schema. A tool that cannot be rendered
 * is left out with its reason; the rest of the server stays.
 *
 * @param typeScript   the namespace's declarations; empty when no tool is left
 * @param toolNames    method name ({@code list_issues}) → the server's tool name ({@code list-issues})
 * @param inputSchemas method name → the tool's own input schema, what arguments are checked against
 * @param withheld     method name of each tool the grant leaves out → why
 * @param leftOut      tool name → why it could not be offered (its schema, a name clash)
 */
record UpstreamTypes(String typeScript, Map<String, String> toolNames, Map<String, JsonNode> inputSchemas,
        Map<String, String> withheld, Map<String, String> leftOut) {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static UpstreamTypes of(UpstreamSpec spec, List<McpSchema.Tool> tools) {
        String ns = spec.namespace();
        Map<String, String> leftOut = new LinkedHashMap<>();
        List<JsonNode> granted = new ArrayList<>();
        List<JsonNode> refused = new ArrayList<>();
        for (McpSchema.Tool tool : tools) {
            JsonNode json = JSON.valueToTree(tool);
            if (!spec.tools().grants(tool.name())) {
                refused.add(json);
                continue;
            }
            String problem = renderProblem(ns, json);
            if (problem == null) granted.add(json);
            else leftOut.put(tool.name(), problem);
        }
        Map<String, String> withheld = new LinkedHashMap<>();
        if (!refused.isEmpty()) {
            String why = "the grant of upstream '" + spec.name() + "' (" + spec.tools().describe() + ") leaves it out";
            ToolDefs.fromToolsList(array(refused), ns).toolNames().keySet().forEach(method -> withheld.put(method, why));
        }
        if (granted.isEmpty()) return new UpstreamTypes("", Map.of(), Map.of(), withheld, leftOut);
        Declarations declarations = ToolDefs.fromToolsList(array(granted), ns);
        String typeScript = ToolDefs.render(declarations, ns);
        ToolDefs.compile(ns + ".d.ts", typeScript, ns, ToolNaming.DEFAULT);
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        Map<String, JsonNode> byTool = new LinkedHashMap<>();
        granted.forEach(tool -> byTool.put(tool.get("name").asString(), tool.path("inputSchema")));
        declarations.toolNames().forEach((method, tool) -> inputs.put(method, inputSchema(byTool.get(tool))));
        return new UpstreamTypes(typeScript, declarations.toolNames(), inputs, withheld, leftOut);
    }

    /** Why one tool cannot be offered, or null: its types must render and compile, its input schema compile. */
    private static String renderProblem(String ns, JsonNode tool) {
        try {
            String typeScript = ToolDefs.render(ToolDefs.fromToolsList(array(List.of(tool)), ns), ns);
            ToolDefs.compile(ns + ".d.ts", typeScript, ns, ToolNaming.DEFAULT);
            SCHEMAS.getSchema(inputSchema(tool.path("inputSchema")));
            return null;
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            return message.length() > 300 ? message.substring(0, 300) + "…" : message;
        }
    }

    /** A tool without an input schema takes an object with anything in it. */
    private static JsonNode inputSchema(JsonNode schema) {
        return schema == null || !schema.isObject() ? JSON.createObjectNode().put("type", "object") : schema;
    }

    private static ArrayNode array(List<JsonNode> tools) {
        ArrayNode array = JSON.createArrayNode();
        tools.forEach(array::add);
        return array;
    }
}
