package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each item of the standard library, as agent code uses it. */
class StandardLibraryTest {

    private static String value(String code) {
        ExecutionResult r = run(code);
        assertThat(r).as(code).isInstanceOf(ExecutionResult.Succeeded.class);
        var v = SandboxTestSupport.value(r);
        return v.isString() ? v.asString() : v.toString();
    }

    @Test
    void shellAndHostGlobalsAreAbsent() {
        assertThat(value("['Java', 'Polyglot', 'Graal', 'load', 'print', 'printErr', 'loadWithNewGlobal', 'require', 'process']"
                + ".filter(n => typeof globalThis[n] !== 'undefined').join(',')")).isEmpty();
    }

    @Test
    void timersRunInOrderAndCanBeCleared() {
        String code = """
                const seen = [];
                setTimeout(() => seen.push('b'), 20);
                setTimeout(() => seen.push('a'), 5.7);
                const dropped = setTimeout(() => seen.push('never'), 10);
                clearTimeout(dropped);
                let n = 0;
                await new Promise(done => { const id = setInterval(() => { if (++n === 3) { clearInterval(id); done(); } }, 1); });
                await new Promise(r => setTimeout(r, 40));
                seen.join('') + n
                """;
        assertThat(value(code)).isEqualTo("ab3");
    }

    @Test
    void pendingTimersDieWithTheExecution() {
        try (Isolate isolate = SandboxTestSupport.SANDBOX.newIsolate()) {
            SandboxTestSupport.run(isolate, "globalThis.fired = false; setTimeout(() => { globalThis.fired = true }, 50); 1");
            SandboxTestSupport.run(isolate, "await new Promise(r => setTimeout(r, 100))");
            assertThat(SandboxTestSupport.value(SandboxTestSupport.run(isolate, "fired")).asBoolean()).isFalse();
        }
    }

    @Test
    void microtasksRunBeforeTimers() {
        assertThat(value("const s = []; setTimeout(() => s.push('t'), 0); queueMicrotask(() => s.push('m'));"
                + " await new Promise(r => setTimeout(r, 5)); s.join('')")).isEqualTo("mt");
    }

    @Test
    void urlParsesResolvesAndEditsSearchParams() {
        String code = """
                const u = new URL('../b/c?x=1&y=a%20b#h', 'https://User:pw@Example.COM:443/a/d/e');
                u.searchParams.append('z', 'q r');
                [u.href, u.origin, u.host, u.pathname, u.searchParams.get('y'), u.hash, URL.canParse('nope')].join(' | ')
                """;
        assertThat(value(code)).isEqualTo(
                "https://User:pw@example.com/a/b/c?x=1&y=a+b&z=q+r#h | https://example.com | example.com | /a/b/c | a b | #h | false");
    }

    @Test
    void urlSearchParamsFromObjectsAndIterables() {
        assertThat(value("new URLSearchParams({a: '1', b: 'x y'}).toString() + ' ' + [...new URLSearchParams('?c=3&c=4')].join(';')"))
                .isEqualTo("a=1&b=x+y c,3;c,4");
    }

    @Test
    void invalidUrlsThrowTypeError() {
        ExecutionResult r = run("new URL('not a url')");
        assertThat(error(r).name()).isEqualTo("TypeError");
        assertThat(error(r).message()).contains("Invalid URL");
    }

    @Test
    void textEncoderAndDecoderRoundTripUtf8() {
        assertThat(value("const b = new TextEncoder().encode('h€llo 😀'); b.length + ':' + new TextDecoder().decode(b)"))
                .isEqualTo("12:h€llo 😀");
        assertThat(value("new TextDecoder().decode(new Uint8Array([0x61, 0xff, 0x62]))")).isEqualTo("a\ufffdb");
    }

    @Test
    void base64() {
        assertThat(value("btoa('hello') + ' ' + atob('aGVsbG8=') + ' ' + btoa('ab') + ' ' + atob(' YW Jj ')"))
                .isEqualTo("aGVsbG8= hello YWI= abc");
        assertThat(error(run("btoa('€')")).name()).isEqualTo("InvalidCharacterError");
    }

    @Test
    void structuredCloneCopiesDeeplyWithCycles() {
        String code = """
                const a = { d: new Date(0), m: new Map([[1, { x: 1 }]]), s: new Set([1]), u: new Uint8Array([1, 2]) };
                a.self = a;
                const c = structuredClone(a);
                [c !== a, c.self === c, c.d.getTime(), c.m.get(1).x, c.s.has(1), c.u[1], c.m.get(1) !== a.m.get(1)].join()
                """;
        assertThat(value(code)).isEqualTo("true,true,0,1,true,2,true");
        assertThat(error(run("structuredClone({ f() {} })")).name()).isEqualTo("DataCloneError");
    }

    @Test
    void cryptoGivesRandomUuidsAndBytes() {
        assertThat(value("crypto.randomUUID()")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(value("const a = crypto.getRandomValues(new Uint32Array(8)); a.some(x => x !== 0) && a.length === 8"))
                .isEqualTo("true");
    }

    @Test
    void performanceNowAdvances() {
        assertThat(value("const t = performance.now(); await new Promise(r => setTimeout(r, 20)); performance.now() - t >= 15"))
                .isEqualTo("true");
    }

    @Test
    void declarationsDescribeEveryGlobal() {
        for (String name : new String[] {"console", "setTimeout", "setInterval", "clearTimeout", "queueMicrotask",
                "URL", "URLSearchParams", "TextEncoder", "TextDecoder", "atob", "btoa", "structuredClone", "crypto",
                "performance"}) {
            assertThat(StandardLibrary.DECLARATIONS).contains(" " + name);
            assertThat(value("typeof " + name)).isIn("object", "function");
        }
    }
}
