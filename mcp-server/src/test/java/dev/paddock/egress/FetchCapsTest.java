package dev.paddock.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paddock.capability.CallContext;
import dev.paddock.capability.CapabilityException;
import dev.paddock.capability.CapabilitySet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Fetches to a host that never answers, fanned out past the per-execution, per-session and per-process caps. */
class FetchCapsTest {
    private static final JsonMapper JSON = JsonMapper.shared();
    private TestServer server;
    private final AtomicInteger processFetches = new AtomicInteger();
    private final List<CompletableFuture<Void>> executions = new ArrayList<>();
    private EgressGrant grant;

    @BeforeEach
    void start() {
        server = new TestServer();
        grant = new EgressGrant(EgressPolicy.fromConfig(JSON.readTree("""
                {"rules": [{"url": "http://127.0.0.1:%d/*"}], "maxConcurrentFetches": 2,
                 "maxConcurrentFetchesPerSession": 3, "maxConcurrentFetchesPerProcess": 4}""".formatted(server.port()))),
                processFetches);
    }

    @AfterEach
    void stop() {
        executions.forEach(ended -> ended.complete(null));
        server.close();
    }

    @Test
    void eachCapRefusesOneFetchMoreSayingWhichCapAndWhatToDo() throws Exception {
        CapabilitySet sessionA = session();
        CapabilitySet sessionB = session();
        CallContext first = execution();
        hang(sessionA, first);
        hang(sessionA, first);
        assertRefused(sessionA, first, "this execution already has 2 fetches running (egress.maxConcurrentFetches). "
                + "Await some before starting more, for example in batches of 2.");

        CallContext second = execution();
        hang(sessionA, second);
        assertRefused(sessionA, second, "this session already has 3 fetches running");

        CallContext other = execution();
        hang(sessionB, other);
        assertRefused(sessionB, other, "this Paddock process already has 4 fetches running over all sessions "
                + "(egress.maxConcurrentFetchesPerProcess)");
        assertThat(processFetches).hasValue(4);
    }

    @Test
    void anExecutionThatEndsGivesItsSlotsBack() throws Exception {
        CapabilitySet session = session();
        CallContext first = execution();
        List<CompletableFuture<JsonNode>> pending = List.of(hang(session, first), hang(session, first));

        first.whenCancelled().complete(null);

        assertThat(processFetches).hasValue(0);
        for (CompletableFuture<JsonNode> fetch : pending) {
            assertThatThrownBy(() -> fetch.get(10, TimeUnit.SECONDS)).isNotInstanceOf(TimeoutException.class);
        }
        CallContext next = execution();
        hang(session, next);
        hang(session, next);
        assertThat(processFetches).hasValue(2);
    }

    private CapabilitySet session() {
        return CapabilitySet.bind(List.of(grant.newSession()), ForkJoinPool.commonPool());
    }

    private CallContext execution() {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        executions.add(ended);
        return CallContext.withoutClient("default", Instant.MAX, ended);
    }

    /** A fetch the server has received and will never answer: it holds its slot until its execution ends. */
    private CompletableFuture<JsonNode> hang(CapabilitySet session, CallContext execution) throws InterruptedException {
        CompletableFuture<JsonNode> fetch = call(session, execution);
        server.next();
        assertThat(fetch).isNotDone();
        return fetch;
    }

    private void assertRefused(CapabilitySet session, CallContext execution, String why) {
        assertThatThrownBy(() -> call(session, execution).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(CapabilityException.class, e -> {
                    assertThat(e.code()).isEqualTo("EGRESS_LIMIT");
                    assertThat(e.getMessage()).startsWith("fetch to " + server.url("/hang") + " was not started: ")
                            .contains(why);
                });
    }

    private CompletableFuture<JsonNode> call(CapabilitySet session, CallContext execution) {
        var request = JSON.createObjectNode().put("url", server.url("/hang"));
        return session.call(EgressCapability.NAMESPACE, "fetch", JSON.createArrayNode().add(request), execution);
    }
}
