package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.config.ConfigException;
import dev.paddock.config.PaddockConfig;
import dev.paddock.config.Profile;
import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Capabilities granted in paddock.json, called from agent code and as direct tools, over in-process stdio. */
class CapabilitiesOverStdioTest {
    private static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(Limits.DEFAULTS);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private ProfileGrants grants(String json) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/sales.csv"), "region,amount\nnorth,10\nsouth,32\n");
        Path config = dir.resolve("paddock.json");
        Files.writeString(config, json);
        return ProfileGrants.loadAll(PaddockConfig.load(config)).get(Profile.DEFAULT);
    }

    private StdioClient connect(ProfileGrants grants) throws Exception {
        StdioClient client = new StdioClient(sandbox::newIsolate, grants);
        client.initialize("2025-11-25");
        return client;
    }

    private static String code(String js) {
        return JsonMapper.shared().createObjectNode().put("code", js).toString();
    }

    private static JsonNode execute(StdioClient client, int id, String js) {
        return client.callExecute(id, code(js), null).get("result");
    }

    @Test
    void agentCodeChainsCapabilityCallsAndTheDescriptionDeclaresThem() throws Exception {
        ProfileGrants grants = grants("""
                {"capabilities": {"files": {"root": "data"}, "state": {}}}""");
        try (StdioClient client = connect(grants)) {
            JsonNode result = execute(client, 1, """
                    const names = (await files.list({})).map(e => e.name);
                    const csv = await files.read({ path: names[0] });
                    const total = csv.trim().split("\\n").slice(1).reduce((s, l) => s + Number(l.split(",")[1]), 0);
                    await state.set({ key: "total", value: total });
                    return { names, total: await state.get({ key: "total" }) };""");
            assertThat(result.at("/structuredContent/result").toString()).isEqualTo("{\"names\":[\"sales.csv\"],\"total\":42}");

            JsonNode tools = client.request(2, "tools/list", "{}").at("/result/tools");
            String description = tools.get(0).get("description").asString();
            assertThat(description).contains("declare const files: {", "declare const state: {", "read(input: { path: string }): Promise<string>;");
        }
    }

    /** Issue 18: the error said only that write is not a function, leaving the operator to guess the key. */
    @Test
    void writingToAReadOnlyRootSaysWhichKeyMakesItWritable() throws Exception {
        try (StdioClient client = connect(grants("""
                {"capabilities": {"files": {"root": "data"}},
                 "profiles": {"team-a": {"capabilities": {"files": {"root": "data"}}}}}"""))) {
            JsonNode refused = execute(client, 1, "await files.write({ path: 'out.txt', content: 'x' })");
            assertThat(refused.get("isError").asBoolean()).isTrue();
            assertThat(refused.at("/structuredContent/error/message").asString()).isEqualTo("files.write is not a function; "
                    + "files has: list, read, readBytes, stat; the files root is read-only: to let agent code write, set "
                    + "capabilities.files.writable to true in paddock.json");
        }
        assertThat(dir.resolve("data/out.txt")).doesNotExist();
        ProfileGrants teamA = ProfileGrants.loadAll(PaddockConfig.load(dir.resolve("paddock.json"))).get("team-a");
        try (StdioClient client = connect(teamA)) {
            JsonNode refused = execute(client, 1, "await files.write({ path: 'out.txt', content: 'x' })");
            assertThat(refused.at("/structuredContent/error/message").asString())
                    .endsWith("set profiles.team-a.capabilities.files.writable to true in paddock.json");
        }
    }

    @Test
    void badArgumentsAreTypeErrorsNamingThePathAndEscapesAreRefused() throws Exception {
        try (StdioClient client = connect(grants("{\"capabilities\": {\"files\": {\"root\": \"data\"}}}"))) {
            JsonNode typeError = execute(client, 1, """
                    try { await files.read({ path: 42 }); } catch (e) { return [e.name, e.code, e.message]; }""");
            assertThat(typeError.at("/structuredContent/result").toString())
                    .isEqualTo("[\"TypeError\",\"EINVAL\",\"files.read: input.path must be a string (got a number)\"]");

            JsonNode longKey = execute(client, 9, """
                    try { await files.read({ path: 'a', ['k'.repeat(60000)]: 1 }); } catch (e) { return [e.code, e.message]; }""");
            assertThat(longKey.at("/structuredContent/result").toString()).isEqualTo("[\"EINVAL\",\"the arguments of "
                    + "files.read have an object key of 60000 characters, over the 50000-character limit for keys; use "
                    + "shorter keys (long text belongs in values, e.g. an array of {key, value} pairs)\"]");

            JsonNode traversal = execute(client, 2, "const x = 1;\nreturn await files.read({ path: '../../etc/passwd' });");
            assertThat(traversal.get("isError").asBoolean()).isTrue();
            assertThat(traversal.at("/structuredContent/error/message").asString()).contains("'..'", "may not leave the files root");
            assertThat(traversal.at("/structuredContent/error/line").asInt()).isEqualTo(2);

            JsonNode absolute = execute(client, 3, "return await files.read({ path: '/etc/passwd' })");
            assertThat(absolute.at("/structuredContent/error/message").asString()).contains("is absolute");

            JsonNode unknown = execute(client, 4, "return await files.read({ path: 'sales.csv', mode: 'x' })");
            assertThat(unknown.at("/structuredContent/error/message").asString()).contains("unknown property 'mode'");
        }
    }

    @Test
    void hostileArgumentsStayDataOrFailClearly() throws Exception {
        try (StdioClient client = connect(grants("{\"capabilities\": {\"state\": {}}}"))) {
            JsonNode polluted = execute(client, 1, """
                    const value = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}');
                    await state.set({ key: "k", value });
                    const back = await state.get({ key: "k" });
                    return [Object.keys(back), ({}).polluted === undefined, back.__proto__ === Object.prototype];""");
            assertThat(polluted.at("/structuredContent/result").toString()).isEqualTo("[[\"__proto__\",\"constructor\"],true,false]");

            JsonNode huge = execute(client, 2, "await state.set({ key: 'big', value: 'x'.repeat(2 * 1024 * 1024) })");
            assertThat(huge.at("/structuredContent/error/message").asString()).contains("limit is 1048576");

            JsonNode deep = execute(client, 3, """
                    let v = 1; for (let i = 0; i < 500; i++) v = [v];
                    await state.set({ key: 'deep', value: v });""");
            assertThat(deep.at("/structuredContent/error/name").asString()).isEqualTo("RangeError");
            assertThat(deep.at("/structuredContent/error/message").asString())
                    .isEqualTo("state.set: the arguments are nested deeper than 100 levels; flatten the data");

            JsonNode wrongType = execute(client, 4, "await state.set({ key: ['not', 'a', 'string'], value: 1 })");
            assertThat(wrongType.at("/structuredContent/error/name").asString()).isEqualTo("TypeError");
            assertThat(wrongType.at("/structuredContent/error/message").asString()).isEqualTo("state.set: input.key must be a string (got an array)");
        }
    }

    @Test
    void inMemoryStateOfOneConnectionIsInvisibleToAnother() throws Exception {
        ProfileGrants grants = grants("{\"capabilities\": {\"state\": {}}}");
        try (StdioClient first = connect(grants); StdioClient second = connect(grants)) {
            execute(first, 1, "await state.set({ key: 'secret', value: { n: 1 } })");
            assertThat(execute(first, 2, "return await state.get({ key: 'secret' })").at("/structuredContent/result/n").asInt()).isEqualTo(1);
            assertThat(execute(second, 1, "return await state.get({ key: 'secret' })").at("/structuredContent/result").isNull()).isTrue();
        }
    }

    @Test
    void anEvictedSessionLosesItsInMemoryStateWithItsGlobalsAndIsToldSo() throws Exception {
        ProfileGrants grants = grants("{\"capabilities\": {\"state\": {}}}");
        try (Sandbox oneIsolate = Sandbox.start(Limits.DEFAULTS, new Capacity(2, 1, Capacity.DEFAULT_HEAP_PRESSURE, Capacity.DEFAULT_WARM_CONTEXTS))) {
            SessionHostApi.dropStateOnEviction(oneIsolate);
            try (StdioClient first = new StdioClient(oneIsolate::newIsolate, grants);
                    StdioClient second = new StdioClient(oneIsolate::newIsolate, grants)) {
                first.initialize("2025-11-25");
                second.initialize("2025-11-25");
                execute(first, 1, "globalThis.g = 1; await state.set({ key: 'k', value: 1 })");
                execute(second, 1, "1"); // the cap is one live isolate: the first session's is evicted

                JsonNode after = execute(first, 2, "return [typeof g, await state.get({ key: 'k' })]");
                assertThat(after.at("/structuredContent/result").toString()).isEqualTo("[\"undefined\",null]");
                assertThat(after.at("/structuredContent/logs/0/level").asString()).isEqualTo("warn");
                assertThat(after.at("/structuredContent/logs/0/message").asString())
                        .contains("evicted", "globals and in-memory state were lost");
            }
        }
    }

    @Test
    void declarationsArePublishedAsResourcesAndMethodsAsDirectToolsWhenAsked() throws Exception {
        ProfileGrants grants = grants("{\"capabilities\": {\"files\": {\"root\": \"data\"}}, \"exposeAsTools\": true}");
        try (StdioClient client = connect(grants)) {
            JsonNode resources = client.request(1, "resources/list", "{}").at("/result/resources");
            assertThat(resources.get(0).get("uri").asString()).isEqualTo("paddock://types/files.d.ts");
            JsonNode read = client.request(2, "resources/read", "{\"uri\": \"paddock://types/files.d.ts\"}");
            assertThat(read.at("/result/contents/0/text").asString()).contains("declare const files");

            JsonNode tools = client.request(3, "tools/list", "{}").at("/result/tools");
            List<String> names = new ArrayList<>();
            tools.forEach(tool -> names.add(tool.get("name").asString()));
            assertThat(names).contains("execute", "files_read", "files_list");
            JsonNode direct = client.request(4, "tools/call", "{\"name\": \"files_read\", \"arguments\": {\"path\": \"sales.csv\"}}");
            assertThat(direct.at("/result/content/0/text").asString()).contains("north,10");
            JsonNode denied = client.request(5, "tools/call", "{\"name\": \"files_read\", \"arguments\": {\"path\": \"../x\"}}");
            assertThat(denied.at("/result/isError").asBoolean()).isTrue();
            assertThat(denied.at("/result/content/0/text").asString()).contains("EACCES");
        }
    }

    @Test
    void badCapabilityConfigStopsStartupAtItsLine() {
        assertThatThrownBy(() -> grants("{\n  \"capabilities\": {\"files\": {\"root\": \"nope\"}}\n}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("paddock.json:2:38: capabilities.files.root:")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> grants("{\"capabilities\": {\"weather\": {}}}"))
                .hasMessageContaining("no capability named \"weather\"; available: files, state");
    }
}
