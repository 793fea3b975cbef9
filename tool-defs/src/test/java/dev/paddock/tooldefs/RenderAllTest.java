package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.tooldefs.schema.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several namespaces share one text (the execute description) without clashing type names. */
class RenderAllTest {

    @Test
    void aTypeNameTakenByAnEarlierNamespaceGetsTheNamespaceInFrontUnlessDeclaredAlike() {
        CompiledDeclarations local = ToolDefs.compile("store.d.ts", """
                export type Entity = { id: string };
                type integer = number;
                export interface Store { get(id: string): Promise<Entity>; put(e: Entity, n: integer): Promise<void>; }
                """, "store", ToolNaming.DEFAULT);
        Declarations upstream = ToolDefs.fromToolsList(Json.MAPPER.readTree("""
                {"tools": [{"name": "find", "inputSchema": {"type": "object", "properties": {"e": {"$ref": "#/$defs/Entity"}, "n": {"type": "integer"}},
                  "$defs": {"Entity": {"type": "object", "description": "A graph node.", "properties": {"name": {"type": "string"}}}}}}]}"""),
                "memory");

        String ts = ToolDefs.renderAll(List.of(local, ToolDefs.compile(upstream, "memory", ToolNaming.DEFAULT)));

        assertThat(ts).isEqualTo("""
                type Entity = { id: string };
                type integer = number;
                declare const store: {
                 get(id: string): Promise<Entity>;
                 put(e: Entity, n: integer): Promise<void>;
                };
                /** A graph node. */
                type MemoryEntity = { name?: string };
                declare const memory: {
                 find(input?: { e?: MemoryEntity; n?: integer }): Promise<unknown>;
                };
                """);
        assertThat(ToolDefs.compile("all.d.ts", ts, "all", ToolNaming.DEFAULT).mcpTools()).hasSize(3);
    }
}
