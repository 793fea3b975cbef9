// Memory bombs through the real launcher with the default config: how long each takes to end, with what
// error, while a bystander session on the same server executes every 50 ms (docs/containment.md, Memory).
//
//   NODE=$(conformance-tests/setup-node.sh)
//   $NODE conformance-tests/bench/memory-bombs.mjs [name-filter] [--rounds=N] [--jar]
//
// --jar runs `java -jar paddock.jar` (interpreter) instead of scripts/paddock (JIT). Extra environment
// (PADDOCK_HEAP, PADDOCK_JAVA_OPTS) reaches the launcher.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { JAVA, LAUNCHER_SCRIPT, SHADED_JAR, connectUrl, execute, startHttp, text } from '../test/support/paddock.mjs';

export const BOMBS = [
  ['arrays of 1e6 numbers', 'const a = []; for (;;) a.push(new Array(1e6).fill(1))'],
  ['small objects', 'const a = []; for (let i = 0; ; i++) a.push({ x: Math.random(), s: "abc" + i })'],
  ['small objects on globalThis', 'globalThis.keep = []; for (let i = 0; ; i++) keep.push({ n: i, s: "abc" + i })'],
  ['string doubling', 'let s = "x"; for (;;) s += s'],
  ['Float64Array(1e7)', 'const a = []; for (;;) a.push(new Float64Array(1e7))'],
  ['new Array(2**31 - 1).fill(0)', 'return new Array(2 ** 31 - 1).fill(0).length'],
  ['new Array(1e9).fill(0)', 'return new Array(1e9).fill(0).length'],
  ['Map growth', 'const m = new Map(); for (let i = 0; ; i++) m.set(i, { i })'],
  ['Set growth', 'const s = new Set(); for (let i = 0; ; i++) s.add("k" + i)'],
  ['JSON.stringify of a huge structure', 'const o = Array.from({ length: 1e6 }, (_, i) => ({ i, s: "abcdefgh", a: [1, 2, 3] })); const keep = []; for (;;) keep.push(JSON.stringify(o))'],
  ['"x".repeat(2**29) kept', 'const a = []; for (let i = 0; ; i++) a.push("x".repeat(2 ** 29) + i)'],
  ['flat strings kept', 'const a = []; for (let i = 0; ; i++) a.push(("x".repeat(1e6) + i).split("").join(""))'],
  ['closure chain', 'let f = () => 0; for (let i = 0; ; i++) { const g = f; const big = new Array(100).fill(i); f = () => g() + big.length; }'],
];

const ORDINARY = ['JSON round trip of 200k objects', 'const a = Array.from({ length: 200000 }, (_, i) => ({ id: i, name: "item" + i, tags: ["a", "b"], score: i % 97 })); const b = JSON.parse(JSON.stringify(a)); return b.filter((x) => x.score > 50).map((x) => x.id).sort((x, y) => y - x).length'];

const args = process.argv.slice(2);
const filter = args.find((a) => !a.startsWith('--'));
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 1);
const jar = args.includes('--jar');

const server = await startHttp(process.env.BENCH_CONFIG ? ["--config", process.env.BENCH_CONFIG] : [], jar ? {} : { command: LAUNCHER_SCRIPT, commandArgs: [] });
const victim = await connectUrl(server.url);
const bystander = await connectUrl(server.url);
let stats = { ok: 0, failed: 0, maxMs: 0, failures: [] };
let stop = false;
const bystanding = (async () => {
  await execute(bystander.client, 'globalThis.n = 0');
  while (!stop) {
    const t = performance.now();
    try {
      const r = await execute(bystander.client, 'return ++globalThis.n', {}, { timeout: 60000 });
      if (r.isError) { stats.failed++; stats.failures.push(text(r)); } else stats.ok++;
    } catch (e) {
      stats.failed++;
      stats.failures.push(e.message);
    }
    stats.maxMs = Math.max(stats.maxMs, performance.now() - t);
    await new Promise((r) => setTimeout(r, 50));
  }
})();

async function timed(code) {
  const t = performance.now();
  const r = await execute(victim.client, code, {}, { timeout: 120000 });
  return { r, ms: Math.round(performance.now() - t) };
}

await timed('return 1');
const rows = [];
for (const [name, code] of [ORDINARY, ...BOMBS, ORDINARY]) {
  if (filter && !name.includes(filter) && name !== ORDINARY[0]) continue;
  for (let round = 0; round < rounds; round++) {
    stats = { ok: 0, failed: 0, maxMs: 0, failures: [] };
    const load = loadavg()[0].toFixed(1);
    const { r, ms } = await timed(code);
    const after = await timed('return 1 + 1');
    const row = {
      name, ms, load, error: r.isError, message: text(r).split('\n')[0].slice(0, 160),
      bystander: `${stats.ok} ok, ${stats.failed} failed, max ${Math.round(stats.maxMs)} ms`,
      next: after.r.isError ? `FAILED ${text(after.r).slice(0, 80)}` : 'ok',
    };
    rows.push(row);
    console.log(JSON.stringify(row));
    if (stats.failures.length) console.log('  bystander failures:', stats.failures.slice(0, 3));
  }
}
stop = true;
await bystanding;
await Promise.all([victim.close(), bystander.close()]);
if (process.env.BENCH_LOG) writeFileSync(process.env.BENCH_LOG, server.stderr());
const heapLines = server.stderr().split('\n').filter((l) => /WARN.*(heap|memory)|OutOfMemory/i.test(l));
await server.stop();
console.log('server warnings about memory:\n' + heapLines.join('\n'));
