package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.SANDBOX;
import static dev.paddock.sandbox.SandboxTestSupport.await;
import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The built-ins of docs/containment.md ("Built-ins") that loop inside the engine without taking the
 * watchdog's interrupt: each call that would run long is refused before it starts, with a message that
 * names the built-in and the size; the isolate keeps its globals (unless a wall-time stop had to close
 * its context, which the error then says) and a bystander session is answered meanwhile. One row per
 * line of the table.
 */
class RunawayBuiltinsTest {

    private static final Duration LIMIT = Duration.ofMillis(1000);
    /** A safety net, far above the limit: before the guards these ran 5–190 s. */
    private static final long MAX_MILLIS = 8_000;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Array.from({length: 2**32-1})                    | return Array.from({length: 2**32-1}).length                   | Array.from: the array-like object has length 4294967295
            Array.from({length: 3e7})                        | return Array.from({length: 3e7}).length                       | Array.from: the array-like object has length 30000000
            Array.from({length: 1.6e7}), copied stoppably    | return Array.from({length: 1.6e7}).length                     | wall-time
            Array.from({length: 3e7}), subclass              | class A extends Array {}; return A.from({length: 3e7}).length  | Array.from: the array-like object has length 30000000
            Array.prototype.slice on an array-like           | return Array.prototype.slice.call({length: 1e8}).length       | Array.prototype.slice: the array-like object has length 100000000
            Array.prototype.indexOf on an array-like         | return Array.prototype.indexOf.call({length: 2**53-1}, 1)     | Array.prototype.indexOf: the array-like object has length 9007199254740991
            Array.prototype.lastIndexOf on a string          | return Array.prototype.lastIndexOf.call('x'.repeat(3e6), 1)  | Array.prototype.lastIndexOf: the array-like object has length 3000000
            Array.prototype.sort on an array-like            | return Array.prototype.sort.call({length: 1e8}).length        | Array.prototype.sort: the array-like object
            Array.prototype.copyWithin on an array-like      | return [].copyWithin.call({length: 1e9}, 1, 0).length         | Array.prototype.copyWithin: the array-like object
            Array.prototype.toSorted on an array-like        | return Array.prototype.toSorted.call({length: 1e8}).length    | Array.prototype.toSorted
            Array.prototype.flat on an array-like            | return Array.prototype.flat.call({length: 1e8}).length        | Array.prototype.flat
            Array.prototype.splice on an array-like          | return Array.prototype.splice.call({length: 1e8}, 0, 1).length | Array.prototype.splice
            Array.prototype.map on an array-like             | return Array.prototype.map.call({length: 1e8}, x => x).length | Array.prototype.map
            Array.prototype.forEach on an array-like         | return Array.prototype.forEach.call({length: 1e9}, x => x)    | Array.prototype.forEach
            Array.prototype.includes on a sparse array       | return Array(2**32-1).includes(1)                             | Array.prototype.includes: the array has length 4294967295
            Array.prototype.toReversed on a sparse array     | return new Array(1e8).toReversed().length                     | Array.prototype.toReversed: the array has length 100000000
            Array.prototype.toSpliced on a sparse array      | return new Array(1e8).toSpliced(0, 0).length                  | Array.prototype.toSpliced
            Array.prototype.lastIndexOf on a sparse array    | return new Array(1e8).lastIndexOf(1)                          | Array.prototype.lastIndexOf
            Array.prototype.forEach on a long array           | const a = new Array(1e7); a[5] = 1; return a.forEach(x => x)  | Array.prototype.forEach: the array has length 10000000
            slice on a length that lies (getter)             | let n = 0; return [].slice.call({get length() { return n++ ? 1e9 : 10 }}).length | 10
            slice on a length that lies (valueOf)            | let n = 0; return [].slice.call({length: {valueOf() { return n++ ? 1e9 : 10 }}}).length | 10
            slice on a Proxy that lies                       | let n = 0; return [].slice.call(new Proxy({}, {get: (t, k) => k === 'length' ? (n++ ? 1e9 : 10) : undefined})).length | 10
            new Uint8Array(2**31-9)                          | return new Uint8Array(2**31-9).length                         | new Uint8Array: it would allocate 2147483639 bytes, more than the 67108864
            new Uint8Array from a huge array-like            | return new Uint8Array({length: 2**31-9}).length               | new Uint8Array: it would allocate 2147483639 bytes
            Float64Array.from a huge array-like              | return Float64Array.from({length: 2**27}).length              | TypedArray.from: it would allocate 1073741824 bytes
            new ArrayBuffer(2**31-1)                         | return new ArrayBuffer(2**31-1).byteLength                    | new ArrayBuffer: it would allocate 2147483647 bytes
            resizable ArrayBuffer                            | return new ArrayBuffer(1, {maxByteLength: 2**31}).byteLength  | new ArrayBuffer (maxByteLength)
            TypedArray.prototype.fill                        | return new Uint8Array(2**24).fill(1).length                   | TypedArray.prototype.fill: the typed array has length 16777216
            TypedArray.prototype.sort                        | return new Uint8Array(2**23 + 1).sort().length                | TypedArray.prototype.sort: the typed array has length 8388609
            String.prototype.repeat                          | return 'x'.repeat(2**29).length                               | String.prototype.repeat: the string length would be 536870912
            String.prototype.padStart                        | return 'x'.padStart(2**29, 'ab').length                       | String.prototype.padStart: the string length would be 536870912
            String.prototype.split on a rope                 | let s = 'x'; for (let i = 0; i < 28; i++) s += s; return s.split('').length | String.prototype.split: the string length would be 268435456
            String.prototype.indexOf on a rope               | let s = 'a'; for (let i = 0; i < 28; i++) s += s; return s.indexOf('b') | String.prototype.indexOf
            String.prototype.replaceAll on a rope            | let s = 'x'; for (let i = 0; i < 28; i++) s += s; return s.replaceAll('x', 'y').length | String.prototype.replaceAll
            String.prototype.toUpperCase on a rope           | let s = 'x'; for (let i = 0; i < 28; i++) s += s; return s.toUpperCase().length | String.prototype.toUpperCase
            RegExp.prototype[Symbol.split] on a rope         | let s = 'x'; for (let i = 0; i < 28; i++) s += s; return /(?:)/[Symbol.split](s).length | RegExp.prototype[Symbol.split]
            encodeURIComponent on a rope                     | let s = 'é'; for (let i = 0; i < 27; i++) s += s; return encodeURIComponent(s).length | encodeURIComponent
            JSON.parse of a huge text                        | let s = '0,'; for (let i = 0; i < 26; i++) s += s; return JSON.parse('[' + s + '0]').length | JSON.parse
            JSON.stringify of a huge sparse array            | return JSON.stringify(new Array(1e8)).length                  | wall-time
            BigInt of a long string                          | return BigInt('9'.repeat(3e6)) > 0n                           | BigInt: the string has 3000000 characters
            BigInt of an object with a long string           | return BigInt({valueOf() { return '9'.repeat(3e6) }}) > 0n    | BigInt: the string has 3000000 characters
            BigInt through its prototype                     | return Object.getPrototypeOf(1n).constructor('9'.repeat(3e6)) > 0n | BigInt: the string has 3000000 characters
            BigInt.asUintN with many bits                    | return BigInt.asUintN(2**30, -1n) > 0n                        | BigInt.asUintN: 1073741824 bits
            BigInt toString of 20 million bits               | const b = BigInt.asUintN(2**20, -1n) << 20000000n; return b.toString().length | exponent or shift
            BigInt toString of a big BigInt                  | return (BigInt.asUintN(2**20, -1n) << 1n).toString().length   | BigInt.prototype.toString: the BigInt has more than the 1048576 bits
            BigInt squared in a loop (each step ~3x the last) | let x = 3n; for (let i = 0; i < 40; i++) x = x * x; return 1 | wall-time
            BigInt multiplied by 100000 digits in a loop     | const a = BigInt('9'.repeat(10000)) ** 10n; let x = a; for (;;) x *= a | wall-time
            BigInt of 100000 digits to multiply in a loop    | const a = BigInt('9'.repeat(100000)); let x = a; for (;;) x *= a | BigInt: the string has 100000 characters
            BigInt shifted by a computed 2**30 (linear)      | let s = 1n << BigInt(2**30); return 1                        | 1
            (2n ** 1000000n).toString()                      | return (2n ** 1000000n).toString().length                     | exponent or shift
            3n ** 60000000n                                  | return (3n ** 60000000n) > 0n                                 | exponent or shift
            3n ** 2000000n                                   | return (3n ** 2000000n) > 0n                                  | exponent or shift
            x **= with a huge literal                        | let x = 3n; x **= (60000000n); return x > 0n                  | exponent or shift
            a huge BigInt literal                            | return 1n + 9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999n > 0n | BigInt literal
            """)
    void endsWithinItsLimitWithAClearMessage(String row, String code, String expected) {
        try (Isolate isolate = SANDBOX.newIsolate(); Isolate bystander = SANDBOX.newIsolate()) {
            run(isolate, "globalThis.kept = 'yes'");
            long start = System.nanoTime();
            Execution execution = isolate.submit(new ExecutionRequest(code, Optional.of(LIMIT), false), ExecutionListener.NONE);
            long bystanderStart = System.nanoTime();
            assertThat(value(run(bystander, "return 1")).asInt()).isEqualTo(1);
            long bystanderMillis = (System.nanoTime() - bystanderStart) / 1_000_000;
            ExecutionResult result = await(execution);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%-50s %6d ms (bystander %4d ms): %s%n", row, millis, bystanderMillis, result);
            assertThat(millis).as("ended long after its limit: %s", result).isLessThan(MAX_MILLIS);
            if (expected.matches("\\d+")) {
                assertThat(value(result).asLong()).as(row).isEqualTo(Long.parseLong(expected));
            } else if (expected.equals("wall-time")) {
                assertThat(error(result).kind()).as("%s", result).isEqualTo("wall-time");
            } else {
                assertThat(error(result).message()).as("%s", result).contains(expected);
            }
            // A loop stopped by the wall-time limit may sit in one BigInt multiply for longer than the
            // watchdog waits after its interrupt; then the context is closed, and the error must say so.
            boolean reset = result instanceof ExecutionResult.Failed failed && failed.error().isolateReset();
            if (reset) {
                assertThat(expected).as("%s reset its isolate: %s", row, result).isEqualTo("wall-time");
                assertThat(error(result).message()).as(row).contains("its globals were lost");
                assertThat(value(run(isolate, "return typeof kept")).asString()).as(row).isEqualTo("undefined");
            } else {
                assertThat(value(run(isolate, "return kept")).asString()).as(row).isEqualTo("yes");
            }
            assertThat(value(run(isolate, "return [1, 2, 3].slice(1).indexOf(3)")).asInt()).isEqualTo(1);
        }
    }
}
