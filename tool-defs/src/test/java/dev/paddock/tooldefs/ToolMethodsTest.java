package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.tooldefs.schema.Json;
import org.junit.jupiter.api.Test;

/** What a server needs to bind declared methods to implementations and tool calls. */
class ToolMethodsTest {

    @Test
    void positionalMethodsTakeInputPropertiesByNameAndObjectMethodsTakeTheWholeInput() {
        Declarations d = ToolDefs.parse("files.d.ts", """
                export interface Files {
                  read(path: string, encoding?: string): Promise<string>;
                  write(input: { path: string; text: string }): Promise<void>;
                  join(...parts: string[]): Promise<string>;
                  list(): Promise<string[]>;
                }
                """);

        assertThat(ToolDefs.methods(d, "files", ToolNaming.DEFAULT)).containsExactly(
                new ToolMethod("read", "files_read", java.util.List.of("path", "encoding"), false),
                new ToolMethod("write", "files_write", java.util.List.of("input"), true),
                new ToolMethod("join", "files_join", java.util.List.of("parts"), false),
                new ToolMethod("list", "files_list", java.util.List.of(), false));
    }

    @Test
    void anExportedTypeAliasWithMethodsOffersToolsLikeAnInterface() {
        Declarations d = ToolDefs.parse("clock.d.ts", """
                export type Clock = { now(): Promise<number>; zone: (city: string) => Promise<string> };
                export type Reading = { at: number };
                """);

        assertThat(ToolDefs.methods(d, "clock", ToolNaming.DEFAULT)).extracting(ToolMethod::toolName)
                .containsExactly("clock_now", "clock_zone");
    }

    @Test
    void anExportedInterfaceExtendingExportedOnesOffersEachInheritedMethodOnce() {
        Declarations d = ToolDefs.parse("store.d.ts", """
                export interface Reader { get(key: string): Promise<string | null>; }
                export interface Writer { put(key: string, value: string): Promise<void>; }
                export interface Store extends Reader, Writer { remove(key: string): Promise<void>; }
                """);

        assertThat(ToolDefs.methods(d, "store", ToolNaming.DEFAULT)).extracting(ToolMethod::toolName)
                .containsExactly("store_get", "store_put", "store_remove");
    }

    @Test
    void inheritedAndIntersectedMethodsMakeAnExportedDeclarationOfferTools() {
        Declarations inherited = ToolDefs.parse("store.d.ts", """
                interface Reader { get(key: string): Promise<string | null>; }
                export interface Store extends Reader {}
                export type Entry = { key: string };
                """);
        Declarations intersected = ToolDefs.parse("api.d.ts", """
                type Base = { ping(): Promise<"pong"> };
                export type Api = Base & { echo(text: string): Promise<string> };
                """);

        assertThat(ToolDefs.methods(inherited, "store", ToolNaming.DEFAULT)).extracting(ToolMethod::toolName)
                .containsExactly("store_get");
        assertThat(ToolDefs.methods(intersected, "api", ToolNaming.DEFAULT)).extracting(ToolMethod::toolName)
                .containsExactly("api_ping", "api_echo");
    }

    @Test
    void anOptionalObjectParameterWithRequiredFieldsIsAPropertyOfTheInputSoTheMethodCanBeCalledWithoutIt() {
        Declarations d = ToolDefs.parse("search.d.ts", """
                export interface Search {
                  search(options?: { query: string; limit?: number }): Promise<string[]>;
                  recent(options?: { limit?: number }): Promise<string[]>;
                }
                """);

        assertThat(ToolDefs.methods(d, "search", ToolNaming.DEFAULT)).containsExactly(
                new ToolMethod("search", "search_search", java.util.List.of("options"), false),
                new ToolMethod("recent", "search_recent", java.util.List.of("options"), true));
    }

    @Test
    void aThisParameterIsNotPartOfTheToolInput() {
        Declarations d = ToolDefs.parse("counter.d.ts", """
                export interface Counter { inc(this: Counter, by?: number): Promise<number>; reset(this: void): Promise<void>; }
                """);

        assertThat(ToolDefs.methods(d, "counter", ToolNaming.DEFAULT)).containsExactly(
                new ToolMethod("inc", "counter_inc", java.util.List.of("by"), false),
                new ToolMethod("reset", "counter_reset", java.util.List.of(), false));
    }

    @Test
    void upstreamMethodsKeepTheirServersToolNames() {
        Declarations d = ToolDefs.fromToolsList(Json.MAPPER.readTree("""
                {"tools": [{"name": "get-env", "inputSchema": {"type": "object"}},
                           {"name": "echo", "inputSchema": {"type": "object", "properties": {"m": {"type": "string"}}}}]}"""), "up");

        assertThat(ToolDefs.methods(d, "up", ToolNaming.DEFAULT)).containsExactly(
                new ToolMethod("get_env", "get-env", java.util.List.of(), false),
                new ToolMethod("echo", "echo", java.util.List.of("input"), true));
    }
}
