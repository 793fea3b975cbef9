// Load driver for `scripts/bench waiting`: does code that only awaits hold an execution thread? For each
// paddock.jar in turn (one run, so builds compare side by side), N sessions (default 200) each start one
// `execute` that awaits a fetch to a loopback HTTP server answering after D ms (default 5000); once the
// server has seen them all (a build that holds a thread per await lets only a few in: then shortly before
// the first is answered), a bystander session runs `return 1` repeatedly until the first fetch answers. Prints the bystander's
// median latency without load (baseline) and under that load, the fetches in flight when it was measured,
// and how the N executions ended. Exits non-zero if a loaded execution of the last jar failed.
// Usage: node waiting-bench.mjs [--sessions 200] [--delay-ms 5000] [--jar base.jar] [--jar new.jar]
import { createServer } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectUrl, startHttp, text } from '../test/support/paddock.mjs';
import { jarsOption, numberOption } from './options.mjs';

const SESSIONS = numberOption('sessions', 200);
const DELAY_MS = numberOption('delay-ms', 5000);
const jars = jarsOption();

let arrived = 0;
let firstArrival = 0;
const upstream = createServer((req, res) => {
  if (req.url === '/slow') {
    if (arrived++ === 0) firstArrival = performance.now();
    setTimeout(() => res.end('ok'), DELAY_MS);
  } else {
    res.end('ok');
  }
});
upstream.keepAliveTimeout = 60000;
upstream.listen(0, '127.0.0.1');
await once(upstream, 'listening');
const base = `http://127.0.0.1:${upstream.address().port}`;
// A queued execution waits up to maxQueueMs for a thread; 30 s bounds a build that holds threads while
// awaiting (its bystander then reports queue-time) without making the run long.
const config = path.join(mkdtempSync(path.join(tmpdir(), 'paddock-waiting-bench-')), 'paddock.json');
writeFileSync(config, JSON.stringify({ http: { maxQueueMs: 30000 }, egress: { rules: [{ url: `${base}/*` }] } }));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const timed = async (session, code) => {
  const t0 = performance.now();
  const result = await session.client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 120000 });
  return { ms: performance.now() - t0, result };
};

let lastJarFailed = 0;
console.log(`bench waiting: ${SESSIONS} sessions each await a fetch answered after ${DELAY_MS} ms; `
  + 'a bystander runs `return 1`; medians in ms');
for (const jar of jars) {
  const server = await startHttp(['--config', config], { commandArgs: ['-jar', jar] });
  const sessions = [];
  try {
    const bystander = await connectUrl(server.url);
    // Warm-up: class loading, the JIT and the fetch path are not what this measures.
    for (let i = 0; i < 30; i++) await timed(bystander, 'return 1');
    await timed(bystander, `return (await fetch("${base}/fast")).status`);
    const baseline = [];
    for (let i = 0; i < 30; i++) baseline.push((await timed(bystander, 'return 1')).ms);

    // Each session's isolate exists before the load starts: what is measured is waiting, not creating contexts.
    for (let i = 0; i < SESSIONS; i += 50) {
      sessions.push(...await Promise.all(Array.from({ length: Math.min(50, SESSIONS - i) }, async () => {
        const s = await connectUrl(server.url);
        await timed(s, 'globalThis.ready = true');
        return s;
      })));
    }
    arrived = 0;
    const loadStart = performance.now();
    const loaded = sessions.map((s) => timed(s, `return (await (await fetch("${base}/slow")).text()).length`));
    // Wait for all fetches to arrive; a build holding a thread per await lets only a few in, so give up
    // shortly before the first of them is answered.
    while (arrived < SESSIONS && (arrived === 0 || performance.now() < firstArrival + DELAY_MS - 1000)
        && performance.now() - loadStart < 60000) {
      await sleep(20);
    }
    const inFlight = arrived;

    // Sample while the fetches are pending, until the first of them answers.
    const underLoad = [];
    let refused = '';
    const until = firstArrival + DELAY_MS - 200;
    do {
      const { ms, result } = await timed(bystander, 'return 1');
      if (result.isError || result.structuredContent?.result !== 1) {
        refused = `${text(result).slice(0, 120)} after ${ms.toFixed(0)} ms`;
        break;
      }
      underLoad.push(ms);
    } while (performance.now() < until);

    const outcomes = await Promise.all(loaded.map((p) => p.then(
      ({ result }) => (!result.isError && result.structuredContent?.result === 2 ? 'ok' : text(result).split(':')[0]),
      (e) => `lost (${e.message})`)));
    const counts = {};
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
    lastJarFailed = SESSIONS - (counts.ok ?? 0);
    const delay = median(underLoad) - median(baseline);
    const loadedCell = underLoad.length > 0
      ? `${median(underLoad).toFixed(2)} (${delay >= 0 ? '+' : ''}${delay.toFixed(2)}; max ${Math.max(...underLoad).toFixed(0)}, `
        + `${underLoad.length} calls)`
      : 'none completed';
    console.log(`bench waiting: ${jar}: baseline ${median(baseline).toFixed(2)}, under load ${loadedCell}`
      + `${refused ? `, refused: ${refused}` : ''}; fetches in flight ${inFlight}/${SESSIONS}; `
      + `loaded executions: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    await bystander.close().catch(() => {});
  } finally {
    await Promise.all(sessions.map((s) => s.close().catch(() => {})));
    await server.stop();
  }
}
upstream.close();
process.exit(lastJarFailed === 0 ? 0 : 1);
