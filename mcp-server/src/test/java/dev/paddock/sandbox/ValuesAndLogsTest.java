package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Results become documented JSON shapes; logs print like Node and stay within their limits. */
class ValuesAndLogsTest {

    private static String json(String code) {
        ExecutionResult r = run(code);
        assertThat(r).as(code).isInstanceOf(ExecutionResult.Succeeded.class);
        return value(r).toString();
    }

    @Test
    void jsonValuesPassThrough() {
        assertThat(json("({a: 1, b: [true, null, 'x'], c: {d: 1.5}})")).isEqualTo("{\"a\":1,\"b\":[true,null,\"x\"],\"c\":{\"d\":1.5}}");
        assertThat(json("undefined")).isEqualTo("null");
        assertThat(json("({a: undefined, f() {}, [Symbol('s')]: 1, b: [undefined, () => 1]})")).isEqualTo("{\"b\":[null,null]}");
        assertThat(json("[NaN, Infinity]")).isEqualTo("[null,null]");
    }

    @Test
    void specialValuesHaveDocumentedShapes() {
        assertThat(json("new Date(0)")).isEqualTo("\"1970-01-01T00:00:00.000Z\"");
        assertThat(json("new Map([['a', 1]])")).isEqualTo("{\"$type\":\"Map\",\"entries\":[[\"a\",1]]}");
        assertThat(json("new Set([1, 2])")).isEqualTo("{\"$type\":\"Set\",\"values\":[1,2]}");
        assertThat(json("123n")).isEqualTo("{\"$type\":\"BigInt\",\"value\":\"123\"}");
        assertThat(json("new Uint8Array([1, 2])")).isEqualTo("{\"$type\":\"Uint8Array\",\"length\":2,\"data\":[1,2]}");
        assertThat(json("new Uint8Array([7]).buffer")).isEqualTo("{\"$type\":\"ArrayBuffer\",\"length\":1,\"data\":[7]}");
        assertThat(json("new TypeError('bad')")).startsWith("{\"$type\":\"Error\",\"name\":\"TypeError\",\"message\":\"bad\",\"stack\":");
        assertThat(json("/a+/g")).isEqualTo("\"/a+/g\"");
        assertThat(json("({toJSON() { return 'custom' }})")).isEqualTo("\"custom\"");
    }

    @Test
    void cyclesBecomeReferences() {
        assertThat(json("const a = {name: 'a'}; a.self = a; a.list = [a]; a")).isEqualTo(
                "{\"name\":\"a\",\"self\":{\"$ref\":\"[Circular]\"},\"list\":[{\"$ref\":\"[Circular]\"}]}");
        assertThat(json("const shared = {x: 1}; ({a: shared, b: shared})")).isEqualTo("{\"a\":{\"x\":1},\"b\":{\"x\":1}}");
    }

    @Test
    void agentOverridesOfBuiltInsDoNotBreakResults() {
        try (Isolate isolate = SandboxTestSupport.SANDBOX.newIsolate()) {
            SandboxTestSupport.run(isolate, "JSON.stringify = () => 'hacked'; Array.prototype.map = null; Object.keys = () => []; 1");
            assertThat(value(SandboxTestSupport.run(isolate, "({a: [1, 2]})")).toString()).isEqualTo("{\"a\":[1,2]}");
        }
    }

    @Test
    void aGetterThatNeverReturnsHitsTheDeadline() {
        try (Isolate isolate = SandboxTestSupport.SANDBOX.newIsolate()) {
            ExecutionResult r = SandboxTestSupport.run(isolate, "({ get forever() { while (true) {} } })", Duration.ofMillis(300));
            assertThat(error(r).kind()).isEqualTo("wall-time");
            assertThat(value(SandboxTestSupport.run(isolate, "1 + 1")).asInt()).isEqualTo(2);
        }
    }

    @Test
    void oversizedResultsAreMarkedAndStayValidJson() {
        ExecutionResult r = run("'x'.repeat(2 * 1024 * 1024)");
        assertThat(r.truncated()).isTrue();
        assertThat(value(r).get("$truncated").asBoolean()).isTrue();
        assertThat(value(r).get("limitBytes").asInt()).isEqualTo(Limits.DEFAULTS.maxResultBytes());
        assertThat(value(r).get("preview").asString()).startsWith("\"xxxx");
    }

    @Test
    void aResultWithAKeyTooLongForJsonIsRefusedInTheAgentsWordsAndTheLogsStay() {
        ExecutionResult longKey = run("console.log('before'); return {['k'.repeat(60000)]: 1}");
        assertThat(error(longKey).kind()).isEqualTo("output");
        assertThat(error(longKey).message()).isEqualTo("the result has an object key of 60000 characters, over the "
                + "50000-character limit for keys; use shorter keys (long text belongs in values, e.g. an array of "
                + "{key, value} pairs)").doesNotContain("Jackson", "StreamReadConstraints");
        assertThat(longKey.logs()).extracting(LogEntry::message).containsExactly("before");
    }

    @Test
    void consolePrintsObjectsLikeNode() {
        ExecutionResult r = run("""
                console.log({ a: 1, b: [1, 2] }, 'plain', ['q'], null, undefined, 5n);
                console.info(new Map([['k', {x: 1}]]), new Set([1]));
                const c = { name: 'c' }; c.me = c; console.warn(c);
                console.error(new Date(0), () => 1, function named() {}, class K {});
                console.debug('%s is %d years', 'Al', 42, 'extra');
                console.log({ deep: { deeper: { deepest: { gone: 1 } } } });
                """);
        assertThat(r.logs()).containsExactly(
                new LogEntry("log", "{ a: 1, b: [ 1, 2 ] } plain [ 'q' ] null undefined 5n"),
                new LogEntry("info", "Map(1) { 'k' => { x: 1 } } Set(1) { 1 }"),
                new LogEntry("warn", "{ name: 'c', me: [Circular] }"),
                new LogEntry("error", "1970-01-01T00:00:00.000Z [Function (anonymous)] [Function: named] [class K]"),
                new LogEntry("debug", "Al is 42 years extra"),
                new LogEntry("log", "{ deep: { deeper: { deepest: [Object] } } }"));
    }

    @Test
    void consoleCountsAndTimes() {
        ExecutionResult r = run("console.count(); console.count(); console.count('x'); console.time('t'); console.timeEnd('t'); console.timeEnd('nope')");
        assertThat(r.logs()).extracting(LogEntry::message).hasSize(5);
        assertThat(r.logs().subList(0, 3)).extracting(LogEntry::message).containsExactly("default: 1", "default: 2", "x: 1");
        assertThat(r.logs().get(3).message()).matches("t: \\d+\\.\\d{3}ms");
        assertThat(r.logs().get(4)).isEqualTo(new LogEntry("warn", "No such label 'nope' for console.timeEnd()"));
    }

    @Test
    void logLineLimitDropsTheRestWithAMarker() {
        ExecutionResult r = run("for (let i = 0; i < 1005; i++) console.log(i)");
        assertThat(r.truncated()).isTrue();
        assertThat(r.logs()).hasSize(1001);
        assertThat(r.logs().getLast().message()).isEqualTo("[… 5 more log lines dropped: log limit 1000 lines]");
    }

    @Test
    void logByteLimitCutsTheLineThatOverflows() {
        ExecutionResult r = run("for (let i = 0; i < 300; i++) console.log('y'.repeat(1024))");
        assertThat(r.truncated()).isTrue();
        int kept = r.logs().stream().mapToInt(l -> l.message().length()).sum();
        assertThat(kept).isBetween(Limits.DEFAULTS.maxLogBytes() - 1, Limits.DEFAULTS.maxLogBytes() + 100);
        assertThat(r.logs().getLast().message()).contains("more log lines dropped: log limit 262144 bytes");
    }
}
