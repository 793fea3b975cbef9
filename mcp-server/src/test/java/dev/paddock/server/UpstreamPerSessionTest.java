package dev.paddock.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paddock.config.PaddockConfig;
import dev.paddock.sandbox.Capacity;
import dev.paddock.sandbox.Limits;
import dev.paddock.sandbox.Sandbox;
import dev.paddock.upstream.FixtureUpstream;
import dev.paddock.upstream.Upstreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A "perSession" upstream over real sessions: one process each, ended when the session ends or is evicted. */
class UpstreamPerSessionTest {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path dir;

    @Test
    void eachSessionHasItsOwnProcessUntilItIsEvictedOrEnds() throws Exception {
        String java = JSON.writeValueAsString(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path config = dir.resolve("paddock.json");
        Files.writeString(config, "{\"mcpServers\": {\"fix\": {\"perSession\": true, \"command\": " + java + ", \"args\": [\""
                + FixtureUpstream.class.getName() + "\"], \"env\": {\"CLASSPATH\": "
                + JSON.writeValueAsString(System.getProperty("java.class.path")) + "}}}}");
        ProfileGrants grants = ProfileGrants.loadAll(PaddockConfig.load(config)).get("default");
        try (Sandbox oneIsolate = Sandbox.start(Limits.DEFAULTS, new Capacity(2, 1, Capacity.DEFAULT_HEAP_PRESSURE, Capacity.DEFAULT_WARM_CONTEXTS));
                Upstreams upstreams = Upstreams.start(Map.of("default", grants.upstreamSpecs()))) {
            SessionHostApi.dropStateOnEviction(oneIsolate);
            grants.connect(upstreams);
            StdioClient first = new StdioClient(oneIsolate::newIsolate, grants);
            StdioClient second = new StdioClient(oneIsolate::newIsolate, grants);
            first.initialize("2025-11-25");
            second.initialize("2025-11-25");

            ProcessHandle firstProcess = pid(first, 1);
            assertThat(pid(first, 2).pid()).isEqualTo(firstProcess.pid());
            ProcessHandle secondProcess = pid(second, 1); // the cap is one live isolate: the first session's is evicted
            assertThat(secondProcess.pid()).isNotEqualTo(firstProcess.pid());
            firstProcess.onExit().get(10, TimeUnit.SECONDS);

            ProcessHandle afterEviction = pid(first, 3);
            assertThat(afterEviction.pid()).isNotIn(firstProcess.pid(), secondProcess.pid());
            first.close();
            afterEviction.onExit().get(10, TimeUnit.SECONDS);
            second.close();
            secondProcess.onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** The fixture's process as this session's execute sees it. */
    private static ProcessHandle pid(StdioClient client, int id) {
        String code = JSON.createObjectNode().put("code", "return await fix.pid({})").toString();
        String pid = client.callExecute(id, code, null).at("/result/structuredContent/result").asString();
        return ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }
}
