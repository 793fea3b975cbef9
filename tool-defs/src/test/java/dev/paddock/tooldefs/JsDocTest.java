package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** JSDoc as people write it ends up in tool descriptions and schema keywords. */
class JsDocTest {

    static JsonNode tool(String source) {
        return ToolDefs.compile("doc.d.ts", source, "doc", ToolNaming.DEFAULT).mcpTools().getFirst();
    }

    @Test
    void paramTagsInTheirUsualSpellingsDescribeTheParameters() {
        JsonNode tool = tool("""
                export interface A {
                  /**
                   * Does it.
                   * @param {string} name - The name.
                   * @param [count] How many.
                   * @param options.exact Match exactly.
                   * @returns the count
                   * @see elsewhere
                   */
                  f(name: string, count?: number, options?: { exact?: boolean }): Promise<void>;
                }
                """);

        assertThat(tool.get("description").asString()).isEqualTo("Does it.\n@see elsewhere\nReturns: the count");
        assertThat(tool.at("/inputSchema/properties/name/description").asString()).isEqualTo("The name.");
        assertThat(tool.at("/inputSchema/properties/count/description").asString()).isEqualTo("How many.");
        assertThat(tool.at("/inputSchema/properties/options/properties/exact/description").asString()).isEqualTo("Match exactly.");
    }

    @Test
    void aJsDocWrittenBeforeAParameterDocumentsAndConstrainsIt() {
        JsonNode tool = tool("""
                export interface A {
                  /** @param page which page */
                  f(/** Search text. @minLength 1 */ q: string, /** @minimum 1 */ page?: number): Promise<void>;
                }
                """);

        assertThat(tool.at("/inputSchema/properties/q").toString()).isEqualTo("""
                {"type":"string","description":"Search text.","minLength":1}""");
        assertThat(tool.at("/inputSchema/properties/page").toString()).isEqualTo("""
                {"type":"number","description":"which page","minimum":1}""");
    }

    @Test
    void theJsDocOfTheApiItselfIntroducesItsRendering() {
        String source = """
                /** Issue tracker: talks to its REST API. */
                export interface Tracker { close(id: string): Promise<void>; }
                """;

        String rendered = ToolDefs.compile("t.d.ts", source, "tracker", ToolNaming.DEFAULT).typeScript();

        assertThat(rendered).startsWith("/** Issue tracker: talks to its REST API. */\ndeclare const tracker: {\n");
        assertThat(ToolDefs.compile("r.d.ts", rendered, "tracker", ToolNaming.DEFAULT).typeScript()).isEqualTo(rendered);
    }

    @Test
    void theTypeInAReturnsTagIsLeftOutOfTheDescription() {
        assertThat(tool("""
                export interface A { /** Gets it. @returns {Promise<{ a: string }>} the item */ f(): Promise<void>; }
                """).get("description").asString()).isEqualTo("Gets it.\nReturns: the item");
    }

    @Test
    void constraintTagsMayShareALineAndAnEscapedAtIsText() {
        JsonNode tool = tool("""
                export interface A {
                  f(input: {
                    /** Mail me at \\@home or a@b.c @format email @maxLength 80 */
                    mail: string;
                    /** @minimum -1.5 @exclusiveMaximum 10 @multipleOf 0.5 @default 2 */
                    step?: number;
                  }): Promise<void>;
                }
                """);

        JsonNode mail = tool.at("/inputSchema/properties/mail");
        assertThat(mail.get("description").asString()).isEqualTo("Mail me at @home or a@b.c");
        assertThat(mail.get("format").asString()).isEqualTo("email");
        assertThat(mail.get("maxLength").asInt()).isEqualTo(80);
        JsonNode step = tool.at("/inputSchema/properties/step");
        assertThat(step.get("minimum").asDouble()).isEqualTo(-1.5);
        assertThat(step.get("exclusiveMaximum").asInt()).isEqualTo(10);
        assertThat(step.get("multipleOf").asDouble()).isEqualTo(0.5);
        assertThat(step.get("default").asInt()).isEqualTo(2);
    }

    @Test
    void examplesKeepTheirLinesAndIndentation() {
        JsonNode tool = tool("""
                export interface A {
                  /**
                   * Sums.
                   * @example
                   * const r = await doc.sum([1, 2]);
                   * if (r > 2) {
                   *   console.log(r);
                   * }
                   */
                  sum(xs: number[]): Promise<number>;
                }
                """);

        assertThat(tool.get("description").asString()).isEqualTo(
                "Sums.\nExample:\nconst r = await doc.sum([1, 2]);\nif (r > 2) {\n  console.log(r);\n}");
    }
}
