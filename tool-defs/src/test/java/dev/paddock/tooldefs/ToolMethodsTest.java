package dev.paddock.tooldefs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paddock.tooldefs.schema.Json;
import org.junit.jupiter.api.Test;

/** What a server needs to bind declared methods to implementations and tool calls. */
class ToolMethodsTest {

    @Test
    void positionalMethodsTakeInputPropertiesByNameAndObjectMethodsTakeTheWholeInput() {
        CompiledDeclarations d = ToolDefs.compile("files.d.ts", """
                export interface Files {
                  read(path: string, encoding?: string): Promise<string>;
                  write(input: { path: string; text: string }): Promise<void>;
                  join(...parts: string[]): Promise<string>;
                  list(): Promise<string[]>;
                }
                """, "files", ToolNaming.DEFAULT);

        assertThat(d.methods()).extracting(ToolMethod::name, ToolMethod::toolName, ToolMethod::parameters, ToolMethod::objectInput)
                .containsExactly(
                tuple("read", "files_read", java.util.List.of("path", "encoding"), false),
                tuple("write", "files_write", java.util.List.of("input"), true),
                tuple("join", "files_join", java.util.List.of("parts"), false),
                tuple("list", "files_list", java.util.List.of(), false));
    }

    @Test
    void anExportedTypeAliasWithMethodsOffersToolsLikeAnInterface() {
        CompiledDeclarations d = ToolDefs.compile("clock.d.ts", """
                export type Clock = { now(): Promise<number>; zone: (city: string) => Promise<string> };
                export type Reading = { at: number };
                """, "clock", ToolNaming.DEFAULT);

        assertThat(d.methods()).extracting(ToolMethod::toolName)
                .containsExactly("clock_now", "clock_zone");
    }

    @Test
    void anExportedInterfaceExtendingExportedOnesOffersEachInheritedMethodOnce() {
        CompiledDeclarations d = ToolDefs.compile("store.d.ts", """
                export interface Reader { get(key: string): Promise<string | null>; }
                export interface Writer { put(key: string, value: string): Promise<void>; }
                export interface Store extends Reader, Writer { remove(key: string): Promise<void>; }
                """, "store", ToolNaming.DEFAULT);

        assertThat(d.methods()).extracting(ToolMethod::toolName)
                .containsExactly("store_get", "store_put", "store_remove");
    }

    @Test
    void inheritedAndIntersectedMethodsMakeAnExportedDeclarationOfferTools() {
        CompiledDeclarations inherited = ToolDefs.compile("store.d.ts", """
                interface Reader { get(key: string): Promise<string | null>; }
                export interface Store extends Reader {}
                export type Entry = { key: string };
                """, "store", ToolNaming.DEFAULT);
        CompiledDeclarations intersected = ToolDefs.compile("api.d.ts", """
                type Base = { ping(): Promise<"pong"> };
                export type Api = Base & { echo(text: string): Promise<string> };
                """, "api", ToolNaming.DEFAULT);

        assertThat(inherited.methods()).extracting(ToolMethod::toolName)
                .containsExactly("store_get");
        assertThat(intersected.methods()).extracting(ToolMethod::toolName)
                .containsExactly("api_ping", "api_echo");
    }

    @Test
    void anOptionalObjectParameterWithRequiredFieldsIsAPropertyOfTheInputSoTheMethodCanBeCalledWithoutIt() {
        CompiledDeclarations d = ToolDefs.compile("search.d.ts", """
                export interface Search {
                  search(options?: { query: string; limit?: number }): Promise<string[]>;
                  recent(options?: { limit?: number }): Promise<string[]>;
                }
                """, "search", ToolNaming.DEFAULT);

        assertThat(d.methods()).extracting(ToolMethod::name, ToolMethod::toolName, ToolMethod::parameters, ToolMethod::objectInput)
                .containsExactly(
                tuple("search", "search_search", java.util.List.of("options"), false),
                tuple("recent", "search_recent", java.util.List.of("options"), true));
    }

    @Test
    void aThisParameterIsNotPartOfTheToolInput() {
        CompiledDeclarations d = ToolDefs.compile("counter.d.ts", """
                export interface Counter { inc(this: Counter, by?: number): Promise<number>; reset(this: void): Promise<void>; }
                """, "counter", ToolNaming.DEFAULT);

        assertThat(d.methods()).extracting(ToolMethod::name, ToolMethod::toolName, ToolMethod::parameters, ToolMethod::objectInput)
                .containsExactly(
                tuple("inc", "counter_inc", java.util.List.of("by"), false),
                tuple("reset", "counter_reset", java.util.List.of(), false));
    }

    @Test
    void upstreamMethodsKeepTheirServersToolNames() {
        Declarations d = ToolDefs.fromToolsList(Json.MAPPER.readTree("""
                {"tools": [{"name": "get-env", "inputSchema": {"type": "object"}},
                           {"name": "echo", "inputSchema": {"type": "object", "properties": {"m": {"type": "string"}}}}]}"""), "up");

        assertThat(ToolDefs.compile(d, "up", ToolNaming.DEFAULT).methods()).extracting(ToolMethod::name, ToolMethod::toolName, ToolMethod::parameters, ToolMethod::objectInput)
                .containsExactly(
                tuple("get_env", "get-env", java.util.List.of(), false),
                tuple("echo", "echo", java.util.List.of("input"), true));
    }

    @Test
    void eachMethodCarriesItsOwnToolWithTheSchemasOfItsParametersAndResult() {
        CompiledDeclarations d = ToolDefs.compile("weather.d.ts", """
                export interface Weather {
                  forecast(city: string, days?: number): Promise<{ high: number }>;
                  alerts(input: { region: string }): Promise<string[]>;
                }
                """, "weather", ToolNaming.DEFAULT);

        ToolMethod forecast = d.methods().get(0);
        ToolMethod alerts = d.methods().get(1);
        assertThat(forecast.tool().get("name").asString()).isEqualTo("weather_forecast");
        assertThat(forecast.inputSchema().get("properties").propertyNames()).containsExactly("city", "days");
        assertThat(forecast.outputSchema()).get().extracting(s -> s.at("/properties/high/type").asString()).isEqualTo("number");
        assertThat(alerts.tool().get("name").asString()).isEqualTo("weather_alerts");
        assertThat(alerts.inputSchema().get("properties").propertyNames()).containsExactly("region");
        assertThat(alerts.outputSchema()).isEmpty();
        assertThat(d.mcpTools()).containsExactly(forecast.tool(), alerts.tool());
        assertThat(d.typeScript()).contains("declare const weather: {", "forecast(city: string, days?: number)");
    }

    @Test
    void aCompiledToolCannotBeChangedThroughWhatItHandsOut() {
        ToolMethod m = ToolDefs.compile("t.d.ts", "export interface T { f(a: string): Promise<void>; }", "t",
                ToolNaming.DEFAULT).methods().getFirst();

        m.tool().put("name", "changed");
        m.inputSchema().putObject("properties");

        assertThat(m.tool().get("name").asString()).isEqualTo("t_f");
        assertThat(m.inputSchema().get("properties").propertyNames()).containsExactly("a");
    }
}
