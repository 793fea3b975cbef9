// The adversarial suite (issue 6, item 5): escape attempts, resource bombs, SSRF and secret exfiltration,
// each sent through `execute` by the official MCP client to the real server over stdio. Every case asserts
// that the attempt was contained or denied with a message naming what stopped it, that the injected secret
// appears nowhere in what the client received, that the same session answers its next call (or said it was
// reset), and that a bystander session, connected and executing all along, keeps answering.
//
// One victim server runs every case in order (cases are cheap; a fresh server per case would cost a JVM
// start each). The bystander is a second server process with the same config, because stdio carries one
// session per process: it proves the machine and the suite's config stay usable, not isolation inside one
// JVM. Isolation between sessions sharing an Engine is checked in the victim itself with `reset: true`
// (a fresh isolate on the same Engine), and in mcp-server's IsolationTest.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { LAUNCHER, connect, execute, text } from './support/paddock.mjs';
import { egressPayloads } from './support/egress-payloads.mjs';

const SECRET = `adv-${randomUUID()}`;
const WALL_MS = 8000; // the config's wall-time limit: what calls without timeoutMs run into (room for a busy CI)
const EGRESS_TIMEOUT_MS = 2500;

/** A test server on 127.0.0.1 that the egress rule grants, recording what reached it. */
function startTarget() {
  const seen = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const auth = req.headers.authorization ?? null;
    seen.push({ method: req.method, path: url.pathname, host: req.headers.host, auth });
    const route = url.pathname;
    if (route === '/v1/echo') {
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo-auth': String(auth) });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers }));
    } else if (route === '/v1/redirect') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/' });
      res.end();
    } else if (route === '/v1/leak-redirect') {
      res.writeHead(302, { location: `http://169.254.169.254/?k=${encodeURIComponent(String(auth))}` });
      res.end();
    } else if (route === '/v1/loop') {
      res.writeHead(302, { location: '/v1/loop' });
      res.end();
    } else if (route === '/v1/hang') {
      // never answers: the egress time limit has to end it
    } else if (route === '/v1/big') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(Buffer.alloc(2 * 1024 * 1024, 120));
    } else {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, seen, port: server.address().port })));
}

function writeConfig(port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-adversarial-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.writeFileSync(path.join(dir, 'data', 'sales.csv'), 'region,amount\nnorth,10\nsouth,32\n');
  const config = path.join(dir, 'paddock.json');
  fs.writeFileSync(config, JSON.stringify({
    limits: { wallTimeMs: WALL_MS },
    capabilities: { files: { root: 'data' }, state: {} },
    egress: {
      timeoutMs: EGRESS_TIMEOUT_MS, maxResponseBytes: 1024 * 1024, maxRedirects: 3,
      rules: [
        { url: `http://127.0.0.1:${port}/v1/*`, methods: ['GET', 'POST'],
          headers: { Authorization: 'Bearer ${env:PADDOCK_TEST_SECRET}' } },
        { url: `http://localhost:${port}/*` },
      ],
    },
  }));
  return { dir, config };
}

// ---------------------------------------------------------------------------------------------------
// The cases. `error`: the call fails and its text matches; `value`: the call succeeds and the check
// holds for its result; `caught`: the code runs inside try/catch and the check holds for what it caught.

const error = (pattern) => ({ error: pattern });
const value = (check) => ({ value: check });
const WALL = /WallTimeLimitExceeded: execution exceeded the \d+ ms wall-time limit/;
// A memory bomb ends with a memory error (retained-memory limit or heap pressure); with a short timeoutMs on a
// loaded machine the wall-time limit may come first. Both contain it.
const MEMORY_OR_WALL = /memory|heap|ResourceExhausted|wall-time limit|Invalid array length|Invalid string length/i;

/** The code inside try/catch, returning what it caught, so a test can check the error's `code`. */
const caught = (code) => `try { ${code}\n; return { escaped: true }; } catch (e) { return { name: e?.name, code: e?.code, message: String(e?.message) }; }`;

const hostAccess = [
  ['Java.type', 'Java.type("java.lang.Runtime").getRuntime().exec("id")', error(/ReferenceError: Java is not defined/)],
  ['Polyglot.eval', 'Polyglot.eval("js", "1")', error(/ReferenceError: Polyglot is not defined/)],
  ['Polyglot.import', 'Polyglot.import("anything")', error(/ReferenceError: Polyglot is not defined/)],
  ['Graal', 'Graal.versionGraalVM', error(/ReferenceError: Graal is not defined/)],
  ['load', 'load("/etc/passwd")', error(/ReferenceError: load is not defined/)],
  ['loadWithNewGlobal', 'loadWithNewGlobal({ script: "1", name: "x" })', error(/ReferenceError: loadWithNewGlobal is not defined/)],
  ['Packages', 'Packages.java.lang.System.exit(0)', error(/ReferenceError: Packages is not defined/)],
  ['java', 'java.lang.System.exit(0)', error(/ReferenceError: java is not defined/)],
  ['process', 'process.exit(1)', error(/ReferenceError: process is not defined \(Paddock runs plain JavaScript: there is no Node.js process object\)/)],
  ['require', 'require("child_process").execSync("id")', error(/ReferenceError: require is not defined \(Paddock runs plain JavaScript: there are no modules/)],
  ['dynamic import', 'await import("fs")', error(/Operation is not allowed for: fs \(import\(\) cannot load modules or files here/)],
  ['dynamic import of a file URL', 'await import("file:///etc/passwd")', error(/not allowed/)],
  ['no host globals anywhere', `return ["Java", "Polyglot", "Graal", "Packages", "java", "javax", "load", "loadWithNewGlobal",
      "print", "printErr", "quit", "exit", "readline", "readbuffer", "read", "process", "require", "module", "Buffer"]
      .filter(n => typeof globalThis[n] !== "undefined" || Object.getOwnPropertyNames(globalThis).includes(n))`,
    value((r) => assert.deepEqual(r, []))],
  ['Function constructor sees only the guest global', 'return new Function("return typeof Java + typeof Polyglot + typeof this.Packages")()',
    value((r) => assert.equal(r, 'undefinedundefinedundefined'))],
  ['indirect eval', '(0, eval)("Java.type")', error(/ReferenceError: Java is not defined/)],
];

const capabilityReflection = [
  ['files.read.constructor builds guest functions only', 'return files.read.constructor("return typeof Java + typeof hostCall + typeof hostCallHook")()',
    value((r) => assert.equal(r, 'undefinedundefinedundefined'))],
  ['Object.getPrototypeOf(files) is null', 'return [Object.getPrototypeOf(files) === null, Object.isFrozen(files), Object.getOwnPropertyNames(files.read).sort()]',
    value((r) => assert.deepEqual(r, [true, true, ['length', 'name']]))],
  ['files.read.toString shows JS, not a host object', 'return files.read.toString()',
    value((r) => { assert.match(r, /^(function|\(|async)/); assert.doesNotMatch(r, /java|Polyglot|dev\.paddock/i); })],
  ['files.read.caller and arguments are poisoned', 'return [files.read.caller, files.read.arguments]',
    error(/TypeError/)],
  ['capability objects cannot be replaced or extended', `files.read = () => "mine"; files.extra = 1;
      delete files.list; Object.defineProperty(globalThis, "files", { value: {} });`,
    error(/TypeError: Cannot (assign|redefine|delete|add)|read-only|not extensible|non-configurable/i)],
  ['capability still works after attempts to replace it', 'try { files.read = null; } catch {} return (await files.read({ path: "sales.csv" })).split("\\n")[0]',
    value((r) => assert.equal(r, 'region,amount'))],
  ['constructor.constructor chain from a capability result', `const text = await files.read({ path: "sales.csv" });
      return text.constructor.constructor("return typeof Java + typeof process")()`,
    value((r) => assert.equal(r, 'undefinedundefined'))],
  ['constructor.constructor chain from a capability error', `try { await files.read({ path: "../../etc/passwd" }); }
      catch (e) { return { chain: e.constructor.constructor("return typeof Java")(), isError: e instanceof Error, message: e.message }; }`,
    value((r) => { assert.equal(r.chain, 'undefined'); assert.equal(r.isError, true); assert.match(r.message, /may not leave the files root/); })],
];

const pollution = [
  ['prototype pollution does not break capability calls', `Object.prototype.path = "../../etc/passwd";
      Array.prototype.toJSON = () => ["evil"]; JSON.stringify = () => "{}"; JSON.parse = () => ({});
      Function.prototype.call = () => { throw new Error("hijacked"); }; Function.prototype.apply = Function.prototype.call;
      return (await files.read({ path: "sales.csv" })).length`,
    value((r) => assert.equal(r, 'region,amount\nnorth,10\nsouth,32\n'.length))],
  // An inherited toJSON applies to the agent's own arguments, as in JSON.stringify; the host still decides.
  ['Object.prototype.toJSON rewrites only the agent\'s own arguments', `Object.prototype.toJSON = function () { return { path: "/etc/shadow" }; };
      try { return await files.read({ path: "sales.csv" }); } finally { delete Object.prototype.toJSON; }`,
    { timeoutMs: 3000, error: /TypeError: files\.read|files root|nested deeper than 100 levels|wall-time limit/ }],
  ['polluted Promise.prototype.then does not break results', `Promise.prototype.then = function () { throw new Error("no then"); };
      return await state.set({ key: "k", value: 1 }) ?? "set"`,
    value(() => {})],
  ['polluted globals persist only in this isolate (checked after reset below)', `Object.prototype.polluted = "yes";
      Array.prototype.polluted = "yes"; Object.defineProperty(Object.prototype, "then", { get() { return undefined; }, configurable: true });
      globalThis.marker = 1; return ({}).polluted`,
    value((r) => assert.equal(r, 'yes'))],
];

const argumentConversion = [
  ['Symbol.species array as an argument', `class Evil extends Array { static get [Symbol.species]() { return function () { globalThis.speciesRan = true; return []; }; } }
      return await files.read({ path: Evil.from(["sales.csv"]) })`,
    error(/TypeError: files\.read: input\.path must be a string \(got an array\)/)],
  ['Proxy argument: traps run inside the isolate', `const seen = [];
      const p = new Proxy({ path: "sales.csv" }, { get(t, k) { seen.push(String(k)); return Reflect.get(t, k); },
        ownKeys(t) { seen.push("ownKeys"); return Reflect.ownKeys(t); } });
      const text = await files.read(p); return { first: text.split("\\n")[0], seen }`,
    value((r) => { assert.equal(r.first, 'region,amount'); assert.ok(r.seen.includes('ownKeys')); })],
  ['Proxy argument whose trap throws', 'await files.read(new Proxy({}, { ownKeys() { throw new Error("trap says no"); } }))',
    error(/Error: trap says no/)],
  ['revoked Proxy argument', 'const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); await files.read(proxy)',
    error(/TypeError/)],
  ['toJSON side effects run once, in the isolate', `let calls = 0;
      await files.read({ path: { toJSON() { calls++; return "sales.csv"; } } }); return calls`,
    value((r) => assert.equal(r, 1))],
  ['valueOf/toString are not called by the host', `globalThis.converted = false;
      try { await files.read({ path: { valueOf() { converted = true; return "sales.csv"; }, toString() { converted = true; return "sales.csv"; } } }); }
      catch (e) { return { converted, message: e.message }; }`,
    value((r) => { assert.equal(r.converted, false); assert.match(r.message, /input\.path must be a string \(got an object\)/); })],
  ['getter that loops forever stops at the wall-time limit', 'await files.read({ get path() { while (true) {} } })', { timeoutMs: 1500, ...error(WALL) }],
  ['toJSON that throws', 'await files.read({ toJSON() { throw new RangeError("toJSON refused"); } })', error(/RangeError: toJSON refused/)],
  // Serialising 100 nested levels is slow in a cold interpreter; either way it ends.
  ['toJSON returning itself', 'const o = { toJSON() { return o; } }; await files.read(o)', { timeoutMs: 3000, error: /TypeError: files\.read|nested deeper than 100 levels|wall-time limit/ }],
  ['BigInt and Symbol arguments', 'await files.read({ path: 10n, other: Symbol("x") })', error(/TypeError: files\.read: input\.path must be a string/)],
  ['argument over 16 MiB of JSON', 'await files.read({ path: "x".repeat(17 * 1024 * 1024) })',
    // On a loaded machine serialising 17 MB may outlast the limit (the isolate is then reset, and says so).
    { timeoutMs: 3000, error: /RangeError: files\.read: the arguments are larger than 16777216 characters as JSON|wall-time limit/ }],
];

const vm2Patterns = [
  ['this.constructor.constructor', 'return this.constructor.constructor("return typeof process + typeof Java")()',
    value((r) => assert.equal(r, 'undefinedundefined'))],
  ['arguments.callee.caller', 'return (function f() { return arguments.callee.caller; })()?.toString().slice(0, 40) ?? null',
    value((r) => assert.ok(r === null || !/java|Polyglot/i.test(r), String(r)))],
  ['caller chain through a sloppy function', `function outer() { return inner(); } function inner() { return inner.caller && inner.caller.caller; }
      const c = outer(); return c === null || c === undefined ? "none" : typeof c.constructor("return typeof Java")()`,
    value((r) => assert.ok(r === 'none' || r === 'undefined', String(r)))],
  ['Error thrown from a host call carries only guest prototypes', `try { await files.read({ path: "/etc/passwd" }); }
      catch (e) { return [Object.getPrototypeOf(e) === Error.prototype || Object.getPrototypeOf(e) === TypeError.prototype,
        Object.getOwnPropertyNames(e).sort().join(","), e.stack.includes("java")]; }`,
    value((r) => { assert.equal(r[0], true); assert.equal(r[2], false, r[1]); })],
  ['Error.prepareStackTrace sees no host frames', `Error.prepareStackTrace = (e, frames) => frames.map(f => [typeof f.getThis?.(), String(f.getTypeName?.()), String(f.getFileName?.())].join(" "));
      try { await files.read({ path: "/nope" }); } catch (e) { return String(e.stack); } return String(new Error("x").stack)`,
    value((r) => assert.doesNotMatch(String(r), /java\.|dev\.paddock|org\.graalvm|HostObject/))],
  ['Error.prepareStackTrace that loops is not run by the host', 'Error.prepareStackTrace = () => { while (true) {} }; throw new Error("x")',
    { timeoutMs: 1500, error: /Error: x|wall-time limit/ }],
  ['thrown Proxy whose traps loop', 'throw new Proxy({}, { get() { while (true) {} }, getPrototypeOf() { while (true) {} } })',
    { timeoutMs: 1500, error: /wall-time limit|not an Error|cannot be described/ }],
  ['thrown object with a looping message getter', 'throw { get message() { while (true) {} } }', { timeoutMs: 1500, error: WALL }],
  ['thrown object with a throwing name getter', 'const e = new Error("m"); Object.defineProperty(e, "name", { get() { throw new Error("gotcha"); } }); throw e',
    error(/./)],
  ['result whose toJSON loops', 'return { toJSON() { while (true) {} } }', { timeoutMs: 1500, error: WALL }],
  ['result Proxy with a million keys', 'return new Proxy({}, { ownKeys() { return Array.from({ length: 1e6 }, (_, i) => "k" + i); }, getOwnPropertyDescriptor() { return { value: 1, enumerable: true, configurable: true }; }, get() { return 1; } })',
    { timeoutMs: 2000, error: /wall-time limit|truncated|result/i, orValue: true }],
];

const bombs = [
  ['deep recursion', 'function f(n) { return f(n + 1) + 1; } return f(0)', error(/RangeError: Maximum call stack size exceeded/)],
  ['deep recursion inside toJSON of an argument', 'const o = { toJSON() { return { o }; } }; await files.read(o)', { timeoutMs: 2000, error: /RangeError|Maximum call stack|TypeError: files\.read|wall-time limit/ }],
  ['string doubling', 'let s = "x"; while (true) s += s;', error(/RangeError: Invalid string length|memory|wall-time/)],
  ['array of 2^32', 'return new Array(2 ** 32)', error(/RangeError: Invalid array length/)],
  // GraalJS's TRegex runs /^(a+)+$/ as an automaton in linear time; a back-reference forces backtracking.
  ['catastrophic regex', 'return /^(a+)+$/.test("a".repeat(40) + "!")', { timeoutMs: 1000, error: WALL, orValue: (r) => assert.equal(r, false) }],
  ['catastrophic regex with a back-reference', 'return /^(a+)+\\1b$/.test("a".repeat(5000))', { timeoutMs: 1000, error: WALL, orValue: (r) => assert.equal(r, false) }],
  ['microtask flood', 'function f() { Promise.resolve().then(f); } f(); await new Promise(() => {})', { timeoutMs: 1000, error: WALL }],
  ['queueMicrotask flood', 'function f() { queueMicrotask(f); } f(); await new Promise(() => {})', { timeoutMs: 1000, error: WALL }],
  ['timer flood', 'for (let i = 0; i < 1e6; i++) setTimeout(() => {}, 1); await new Promise(() => {})', { timeoutMs: 2000, error: /wall-time limit|never settled/ }],
  ['a million log lines', 'for (let i = 0; i < 1e6; i++) console.log("line", i); return "done"',
    { timeoutMs: 2000, error: WALL, orValue: (r, result) => assert.match(JSON.stringify(result.structuredContent), /truncat/i) }],
  ['one 20 MB log line', 'console.log("x".repeat(20e6)); return "done"',
    { timeoutMs: 2000, error: WALL, orValue: (r, result) => assert.ok(JSON.stringify(result).length < 2e6) }],
  ['50 MB result', 'return "x".repeat(50e6)',
    { timeoutMs: 2000, error: WALL, orValue: (r, result) => assert.match(text(result), /\$truncated|truncated/) }],
  ['never-settling promise', 'await new Promise(() => {})', error(/never settled/)],
  ['never-settling promise with a live interval', 'setInterval(() => {}, 100); await new Promise(() => {})', { timeoutMs: 1000, error: WALL }],
  ['while(true) with timeoutMs', 'while (true) {}', { timeoutMs: 1000, error: /exceeded the 1000 ms wall-time limit/ }],
  ['while(true) without timeoutMs hits the configured limit', 'while (true) {}', error(new RegExp(`exceeded the ${WALL_MS} ms (wall|CPU)-time limit`))],
  ['infinite loop in finally', 'try { throw new Error("x"); } finally { while (true) {} }', { timeoutMs: 1000, error: WALL }],
  ['Atomics.wait on a SharedArrayBuffer', 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)',
    { timeoutMs: 1000, error: /wall-time limit|not defined|not allowed|TypeError/ }],
  ['10,000 concurrent capability calls', 'return (await Promise.all(Array.from({ length: 10000 }, () => state.get({ key: "none" })))).length',
    { timeoutMs: 3000, error: /wall-time limit|limit/, orValue: (r) => assert.equal(r, 10000) }],
  // Memory bombs: stopped by the retained-memory limit (docs/containment.md), or by timeoutMs when the
  // machine is too busy to keep 256 MiB within it.
  ['memory bomb: arrays', 'const keep = []; while (true) keep.push(new Array(1e6).fill(1.5));', { timeoutMs: 2500, error: MEMORY_OR_WALL }],
  ['memory bomb: strings', 'const keep = []; for (let i = 0; ; i++) keep.push("x".repeat(1e6) + i);', { timeoutMs: 2500, error: MEMORY_OR_WALL }],
  ['memory bomb: one huge array', 'return new Array(1e9).fill(0).length', { timeoutMs: 2500, error: MEMORY_OR_WALL }],
];

/** SSRF and exfiltration beyond the egress author's list (support/egress-payloads.mjs). */
function egressExtras(port) {
  const base = `http://127.0.0.1:${port}`;
  return [
    ['other port on the granted address', caught(`await fetch("http://127.0.0.1:${port + 1}/v1/echo")`),
      (r) => { assert.equal(r.code, 'EGRESS_DENIED'); assert.match(r.message, /no egress rule matches/); }],
    ['0.0.0.0', caught(`await fetch("http://0.0.0.0:${port}/v1/echo")`), (r) => assert.equal(r.code, 'EGRESS_DENIED')],
    ['IPv6 unspecified', caught(`await fetch("http://[::]:${port}/v1/echo")`), (r) => assert.equal(r.code, 'EGRESS_DENIED')],
    ['fragment trick', caught(`await fetch("http://evil.example#@127.0.0.1:${port}/v1/echo")`), (r) => assert.equal(r.code, 'EGRESS_DENIED')],
    ['encoded dot segments', caught(`await fetch("${base}/v1/%2e%2e/admin")`), (r) => { assert.equal(r.code, 'EGRESS_DENIED'); assert.match(r.message, /\/admin is not allowed/); }],
    ['redirect to a data: URL', caught(`await fetch("${base}/v1/redirect?to=" + encodeURIComponent("data:text/plain,hi"))`),
      (r) => assert.equal(r.code, 'EGRESS_DENIED')],
    ['redirect to 10.0.0.1', caught(`await fetch("${base}/v1/redirect?to=" + encodeURIComponent("http://10.0.0.1/"))`),
      (r) => { assert.equal(r.code, 'EGRESS_DENIED'); assert.match(r.message, /10\.0\.0\.1/); }],
    ['307 redirect keeps the method and is re-checked', caught(`await fetch("${base}/v1/redirect?status=307&to=" + encodeURIComponent("${base}/admin"), { method: "POST", body: "x" })`),
      (r) => { assert.equal(r.code, 'EGRESS_DENIED'); assert.match(r.message, /\/admin is not allowed/); }],
    ['redirect loop', caught(`await fetch("${base}/v1/loop")`), (r) => { assert.equal(r.code, 'EGRESS_LIMIT'); assert.match(r.message, /redirected more than 3 times/); }],
    ['server that never answers', caught(`await fetch("${base}/v1/hang")`), (r) => { assert.equal(r.code, 'EGRESS_TIMEOUT'); assert.match(r.message, new RegExp(`${EGRESS_TIMEOUT_MS} ms egress time limit`)); }],
    ['response over the size limit', caught(`await fetch("${base}/v1/big")`), (r) => { assert.equal(r.code, 'EGRESS_LIMIT'); assert.match(r.message, /1048576-byte egress limit/); }],
    ['CONNECT method', caught(`await fetch("${base}/v1/echo", { method: "CONNECT" })`), (r) => { assert.equal(r.name, 'TypeError'); assert.match(r.message, /CONNECT method is not allowed/); }],
    ['header injection through a value', caught(`await fetch("${base}/v1/echo", { headers: { "x-a": "1\\r\\nHost: evil.example" } })`),
      (r) => { assert.equal(r.name, 'TypeError'); assert.match(r.message, /line break/); }],
    ['GET with a body', caught(`await fetch("${base}/v1/echo", { body: "x" })`), (r) => { assert.equal(r.name, 'TypeError'); assert.match(r.message, /GET request cannot have a body/); }],
  ];
}

/** Ways to read the injected credential back; none may show it. */
function exfiltration(port) {
  const base = `http://127.0.0.1:${port}`;
  return [
    ['echoed request headers in the body', `const r = await fetch("${base}/v1/echo"); const j = await r.json(); return j.headers.authorization`,
      value((r) => assert.equal(r, '[redacted]'))],
    ['echoed credential in a response header', `const r = await fetch("${base}/v1/echo"); return r.headers.get("x-echo-auth")`,
      value((r) => assert.equal(r, '[redacted]'))],
    ['credential echoed into a redirect surfaces in the denial', caught(`await fetch("${base}/v1/leak-redirect")`),
      value((r) => { assert.equal(r.code, 'EGRESS_DENIED'); assert.match(r.message, /169\.254\.169\.254.*\[redacted\]/); })],
    ['Request objects never carry the credential', `const q = new Request("${base}/v1/echo"); return [...q.headers]`,
      value((r) => assert.deepEqual(r, []))],
    ['logging responses, headers and bodies', `const r = await fetch("${base}/v1/echo"); console.log(r, [...r.headers], await r.text()); console.log(new Request("${base}/v1/echo"))`,
      value(() => {})],
    ['the code cannot read or replace the credential the server gets', `const r = await fetch("${base}/v1/echo", { headers: { Authorization: "Bearer mine" } }); return (await r.json()).headers.authorization`,
      value((r) => assert.equal(r, '[redacted]'))],
  ];
}

// ---------------------------------------------------------------------------------------------------

describe(`adversarial suite (${LAUNCHER.name})`, { timeout: 240000 }, () => {
  let target;
  let setup;
  let victim;
  let bystander;
  const bystanderLog = []; // every periodic bystander call: { ok, ms, detail }
  let bystanderTimer;
  let bystanderBusy = false;

  const noSecret = (what, s) => assert.ok(!String(s).includes(SECRET), `${what} contains the injected secret`);

  before(async () => {
    target = await startTarget();
    setup = writeConfig(target.port);
    const serve = [LAUNCHER, ['--config', setup.config], { env: { PADDOCK_TEST_SECRET: SECRET } }];
    [victim, bystander] = await Promise.all([connect(...serve), connect(...serve)]);
    // The first fetch in a JVM starts Reactor Netty (a second or more when loaded): not what cases measure.
    const warm = `(await fetch("http://127.0.0.1:${target.port}/v1/warm")).status`;
    await Promise.all([execute(victim.client, warm), execute(bystander.client, `globalThis.n = 0; ${warm}`)]);
    bystanderTimer = setInterval(async () => {
      if (bystanderBusy) return;
      bystanderBusy = true;
      const started = performance.now();
      try {
        const r = await execute(bystander.client, 'return ++globalThis.n', {}, { timeout: 15000 });
        bystanderLog.push({ ok: !r.isError && typeof r.structuredContent?.result === 'number', ms: performance.now() - started, detail: text(r) });
      } catch (e) {
        bystanderLog.push({ ok: false, ms: performance.now() - started, detail: e.message });
      } finally {
        bystanderBusy = false;
      }
    }, 1000);
  });

  after(async () => {
    clearInterval(bystanderTimer);
    await Promise.all([victim?.close(), bystander?.close()]);
    target?.server.closeAllConnections();
    target?.server.close();
    if (setup) fs.rmSync(setup.dir, { recursive: true, force: true });
  });

  /** The per-case checks after the attempt itself. */
  async function afterwards(name, result) {
    noSecret(`${name}: the result`, JSON.stringify(result));
    const next = await execute(victim.client, 'return 6 * 7', {}, { timeout: 20000 });
    assert.ok(!next.isError, `${name}: the next call in the same session failed: ${text(next)}`);
    assert.equal(next.structuredContent.result, 42);
    const started = performance.now();
    const other = await execute(bystander.client, 'return typeof globalThis.n', {}, { timeout: 20000 });
    assert.ok(!other.isError, `${name}: the bystander failed: ${text(other)}`);
    assert.equal(other.structuredContent.result, 'number', `${name}: the bystander lost its globals`);
    assert.ok(performance.now() - started < 10000, `${name}: the bystander took ${Math.round(performance.now() - started)} ms`);
  }

  async function attempt(name, code, expect) {
    const extra = expect.timeoutMs ? { timeoutMs: expect.timeoutMs } : {};
    const result = await execute(victim.client, code, extra, { timeout: 30000 });
    const body = text(result);
    if (expect.value) {
      assert.ok(!result.isError, `${name}: expected a contained result, got the error: ${body}`);
      expect.value(result.structuredContent.result, result);
    } else if (result.isError) {
      assert.match(body, expect.error, `${name}: unexpected error text`);
    } else if (expect.orValue) {
      if (typeof expect.orValue === 'function') expect.orValue(result.structuredContent.result, result);
    } else {
      assert.fail(`${name}: expected an error matching ${expect.error}, but the call succeeded: ${body.slice(0, 500)}`);
    }
    if (result.isError) {
      // An error names what stopped it: a JS error name, a limit, or a rule, never a bare stack or nothing.
      assert.match(body, /^\w*(Error|Exceeded|Exhausted|Cancelled)\b|limit|not allowed|not defined|never settled/m, `${name}: unclear error: ${body}`);
    }
    await afterwards(name, result);
  }

  // Pollution last: it stays in the victim's isolate until the reset test right after it.
  for (const [name, code, expect] of [...hostAccess, ...capabilityReflection, ...argumentConversion, ...vm2Patterns, ...bombs, ...pollution]) {
    it(name, async () => attempt(name, code, expect));
  }

  it('pollution of the last session is gone after reset (a fresh isolate on the same Engine)', async () => {
    const polluted = await execute(victim.client, 'return [({}).polluted, [].polluted, globalThis.marker]');
    assert.deepEqual(polluted.structuredContent.result, ['yes', 'yes', 1], 'the pollution case ran first in this session');
    const fresh = await execute(victim.client, `return [({}).polluted, [].polluted, globalThis.marker, typeof Promise.prototype.then,
      JSON.stringify({ a: 1 }), (await files.read({ path: "sales.csv" })).length]`, { reset: true });
    assert.ok(!fresh.isError, text(fresh));
    assert.deepEqual(fresh.structuredContent.result, [null, null, null, 'function', '{"a":1}', 32]);
    const other = await execute(bystander.client, 'return [({}).polluted, [].polluted, typeof Object.prototype.then]');
    assert.deepEqual(other.structuredContent.result, [null, null, 'undefined']);
  });

  describe('egress: SSRF and secret exfiltration', () => {
    const wrap = (code) => `try { ${code}\n; return { escaped: true }; } catch (e) { return { name: e?.name, code: e?.code, message: String(e?.message) }; }`;

    for (const payload of egressPayloads) {
      it(`payload: ${payload.name}`, async () => {
        const port = target.port;
        const seenBefore = target.seen.length;
        const code = wrap(payload.code.replaceAll('PORT', String(port)));
        const result = await execute(victim.client, code, {}, { timeout: 30000 });
        assert.ok(!result.isError, text(result));
        const r = result.structuredContent.result;
        const expect = payload.expect;
        if (expect.code) {
          assert.equal(r.code, expect.code, `${payload.name}: ${JSON.stringify(r)}`);
          if (expect.message) assert.match(r.message, expect.message);
        }
        const reached = target.seen.slice(seenBefore);
        if (expect.serverSawOnlyTheSecret) {
          assert.ok(reached.length > 0, 'the request reached the server');
          for (const s of reached) assert.equal(s.auth, `Bearer ${SECRET}`);
        }
        if (expect.serverSawNoSecretOnLocalhost) {
          assert.ok(reached.every((s) => !/^localhost/.test(s.host) || s.auth === null), JSON.stringify(reached));
        }
        if (expect.code === 'EGRESS_DENIED' && !payload.code.includes('/v1/redirect')) {
          assert.deepEqual(reached, [], `${payload.name}: a denied request reached the server`);
        }
        await afterwards(payload.name, result);
      });
    }

    // The port is known only once the target runs: cases are named now and built then.
    for (const [name] of egressExtras(0)) {
      it(`ssrf: ${name}`, async () => {
        const [, code, verify] = egressExtras(target.port).find(([n]) => n === name);
        const result = await execute(victim.client, code, {}, { timeout: 30000 });
        assert.ok(!result.isError, text(result));
        verify(result.structuredContent.result);
        await afterwards(name, result);
      });
    }

    for (const [name] of exfiltration(0)) {
      it(`exfiltration: ${name}`, async () => {
        const [, code, expect] = exfiltration(target.port).find(([n]) => n === name);
        await attempt(name, code, expect);
      });
    }

    it('the tool description lists the rule without the credential', async () => {
      const { tools } = await victim.client.listTools();
      const description = tools.find((t) => t.name === 'execute').description;
      assert.match(description, new RegExp(`fetch may reach only: GET, POST http://127\\.0\\.0\\.1:${target.port}/v1/\\*`));
      noSecret('the tool description', JSON.stringify(tools));
    });
  });

  it('the secret never reached either server\'s stderr, and the bystander answered throughout', async () => {
    noSecret('the victim server\'s stderr', victim.stderr());
    noSecret('the bystander server\'s stderr', bystander.stderr());
    const failures = bystanderLog.filter((e) => !e.ok);
    assert.deepEqual(failures, [], 'every periodic bystander call succeeded');
    assert.ok(bystanderLog.length >= 30, `the bystander ran ${bystanderLog.length} times`);
    const final = await execute(bystander.client, 'return globalThis.n');
    assert.ok(final.structuredContent.result >= bystanderLog.length, 'the bystander kept its globals: never reset');
  });
});
