package dev.paddock.sandbox;

import static dev.paddock.sandbox.SandboxTestSupport.error;
import static dev.paddock.sandbox.SandboxTestSupport.run;
import static dev.paddock.sandbox.SandboxTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agent code cannot reach an unguarded built-in (prelude guards.js): not through another path to the same
 * function, nor by planting traps or methods the guards would call, nor by a length that changes between
 * the check and the engine's read. And the guarded built-ins still behave as the originals do.
 */
class GuardBypassTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the property descriptor's value          | Object.getOwnPropertyDescriptor(Array.prototype, 'slice').value.call({length: 1e8})
            the constructor of an array              | [].constructor.prototype.slice.call({length: 1e8})
            Reflect.apply                            | Reflect.apply([].slice, {length: 1e8}, [])
            Function.prototype.call.bind             | Function.prototype.call.bind([].slice)({length: 1e8})
            a trap planted on Object.prototype       | let leaked; Object.prototype.get = (t) => { leaked = t; return t.slice }; Object.prototype.getOwnPropertyDescriptor = (t) => { leaked = t }; try { [].slice.call({length: 1e8}) } finally { if (leaked) throw new Error('leaked') }
            WeakSet.prototype.has replaced           | WeakSet.prototype.has = () => false; let n = 0; return [].slice.call(new Proxy({}, {get: (t, k) => k === 'length' ? (n++ ? 1e8 : 10) : undefined})).length === 10 || 'lied'
            a revocable Proxy that lies              | let n = 0; const {proxy} = Proxy.revocable({}, {get: (t, k) => k === 'length' ? (n++ ? 1e8 : 10) : undefined}); return [].indexOf.call(proxy, 1) === -1 || 'lied'
            a Proxy of an array that lies            | let n = 0; return [].lastIndexOf.call(new Proxy([], {get: (t, k) => k === 'length' ? (n++ ? 1e9 : 10) : t[k]}), 1) === -1 || 'lied'
            a getter inherited by an array-like      | let n = 0; const proto = {get length() { return n++ ? 1e9 : 10 }}; return [].sort.call(Object.create(proto)) !== null || 'lied'
            Object.prototype.value planted           | Object.defineProperty(Object.prototype, 'value', {value: 5, configurable: true}); let n = 0; return [].slice.call({get length() { return n++ ? 1e8 : 10 }}).length === 10 || 'lied'
            an iterator that vanishes for Array.from | let n = 0; const o = {length: 1e9, get [Symbol.iterator]() { return n++ ? undefined : [][Symbol.iterator] }}; Array.from(o)
            BigInt through a BigInt object           | return Object(1n).constructor('9'.repeat(20000))
            BigInt with a valueOf that changes       | let n = 0; return BigInt({valueOf() { return n++ ? '9'.repeat(3e6) : '1' }}) === 1n || 'lied'
            toString with a radix that changes       | let n = 0; const b = BigInt.asUintN(2 ** 20, -1n) * 3n; return b.toString({valueOf() { return n++ ? 10 : 16 }})
            repeat with a count that changes         | let n = 0; return 'x'.repeat({valueOf() { return n++ ? 2 ** 29 : 1 }}).length === 1 || 'lied'
            a string whose toString changes          | let n = 0; const s = 'x'.repeat(2 ** 24) + 'x'.repeat(2 ** 24) + 'x'; return String.prototype.indexOf.call({toString() { return n++ ? s : 'x' }}, 'y') === -1
            another realm                            | return typeof ShadowRealm === 'undefined' && typeof Realm === 'undefined' || 'a realm'
            """)
    void theGuardHolds(String row, String code) {
        try (Isolate isolate = SandboxTestSupport.SANDBOX.newIsolate()) {
            ExecutionResult result = run(isolate, code, Duration.ofSeconds(2));
            if (result instanceof ExecutionResult.Succeeded ok) {
                assertThat(ok.value().asBoolean()).as(row + ": " + result).isTrue();
            } else if (!error(result).kind().equals("wall-time")) {
                // Stopped by the watchdog is as good: the engine took the path that takes interrupts.
                assertThat(error(result).message()).as(row).contains("refuses such calls up front");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            map, filter, slice, indexOf                | return [1, 2, 3].map(x => x * 2).filter(x => x > 2).slice(1).indexOf(6)          | 0
            Array.from with a map function             | return Array.from({length: 3}, (_, i) => i * 2).join()                           | 0,2,4
            Array.from of a Set and a string           | return Array.from(new Set([1, 2])).concat(Array.from('ab')).join()               | 1,2,a,b
            Array.from above the array-like cap        | return Array.from({length: 2 ** 21, 5: 'x'})[5]                                  | x
            Array.from on a subclass                   | class A extends Array {}; return A.from([1, 2]) instanceof A                     | true
            array-like methods                         | return Array.prototype.join.call({length: 2, 0: 'a', 1: 'b'}, '-')               | a-b
            reverse on an array-like returns it        | const o = {length: 2, 0: 'a', 1: 'b'}; return Array.prototype.reverse.call(o) === o && o[0] | b
            name, length and source of a guarded method | return [].slice.name + [].slice.length + String([].slice).includes('native code') | slice2true
            JSON.stringify                             | return JSON.stringify({a: [1, {b: undefined}], d: new Date(0)}, null, 0)        | {"a":[1,{}],"d":"1970-01-01T00:00:00.000Z"}
            JSON.stringify with toJSON and indent      | return JSON.stringify({toJSON() { return [1] }}, undefined, 1)                   | [\\n 1\\n]
            BigInt                                     | return String(BigInt('123') + BigInt(10) ** 20n + BigInt.asUintN(64, -1n))       | 18446744073709551615 + 100000000000000000123
            BigInt literals within the limits          | return String(2n ** 64n + (1n << 64n) + 0xffn + 1_000n - 1000n)                    | 36893488147419103487
            BigInt is not a constructor                | try { new BigInt(1) } catch (e) { return e instanceof TypeError }               | true
            BigInt toString in radix 16                | return (255n).toString(16) + (1n).constructor.name                               | ffBigInt
            typed arrays                               | return new Uint8Array([1, 2, 3]).map(x => x * 2).join() + Uint8Array.from([4]).join() | 2,4,64
            typed array subclass and constructor       | class B extends Uint8Array {}; const b = new B(4); return b instanceof B && b.length === 4 && new Uint8Array(1).constructor === Uint8Array | true
            resizable ArrayBuffer                      | const b = new ArrayBuffer(8, {maxByteLength: 16}); b.resize(12); return b.byteLength | 12
            strings                                    | return 'a,b'.split(',').join('') + 'x'.repeat(3) + 'b'.padStart(3, '-') + 'Ab'.toUpperCase() | abxxx--bAB
            Proxy still works                          | const p = new Proxy({}, {get: () => 7}); return p.x + (p instanceof Object ? 1 : 0) | 8
            """)
    void guardedBuiltInsStillWork(String row, String code, String expected) {
        var json = value(run(code));
        String value = json.isTextual() ? json.asString() : json.toString();
        String want = expected.replace("\\n", "\n");
        if (want.contains(" + ")) {
            String[] parts = want.split(" \\+ ");
            want = new java.math.BigInteger(parts[0]).add(new java.math.BigInteger(parts[1])).toString();
        }
        assertThat(value).as(row).isEqualTo(want);
    }
}
