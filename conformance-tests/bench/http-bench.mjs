// Load driver for `scripts/bench http`: N concurrent MCP sessions over Streamable HTTP (official TypeScript
// SDK client), each running M `execute` calls one after another. Counts failed and lost responses (each
// call's result is checked: a per-session counter in the session's globals), prints p50/p99 latency,
// executions per second and resident memory per idle session (RSS delta over N sessions that each hold an
// isolate). With --jar (repeatable) each given paddock.jar is measured in turn, in one run, so a change can
// be compared with a build from before it. Usage: node http-bench.mjs --sessions 500 --calls 20 [--jar A.jar]
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHADED_JAR, connectUrl, startHttp } from '../test/support/paddock.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SESSIONS = arg('sessions', 500);
const CALLS = arg('calls', 20);
const argv = process.argv.slice(2);
const JARS = argv.flatMap((a, i) => (a === '--jar' ? [path.resolve(argv[i + 1])] : []));
if (JARS.length === 0) JARS.push(SHADED_JAR);

// paddock.jar started without the launcher's memory settings starts its JVM again with them (JarLauncher):
// measure the JVM that serves, not the small one that waits for it.
const servingJvm = (pid) => {
  const tasks = `/proc/${pid}/task`;
  const children = readdirSync(tasks).flatMap((t) => readFileSync(`${tasks}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  return children.length ? Number(children[0]) : pid;
};
const rssMiB = (pid) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) / 1024;
const gc = (pid) => {
  try { execFileSync(path.join(path.dirname(process.env.PADDOCK_JAVA || 'java'), 'jcmd'), [String(pid), 'GC.run'], { stdio: 'ignore' }); } catch { /* best effort */ }
};
const settle = () => new Promise((r) => setTimeout(r, 1000));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

// Defaults up to 200 sessions; above that the per-token limit (default 256 running requests) and the
// connections per address (default 1024) are raised, since every session may have a request running, and
// all share one (absent) token and one address.
let args = [];
if (SESSIONS > 200) {
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'paddock-bench-')), 'paddock.json');
  writeFileSync(config, JSON.stringify({ http: { maxConcurrentPerToken: SESSIONS * 2,
    maxConnectionsPerAddress: Math.max(1024, SESSIONS * 3) } }));
  args = ['--config', config];
  console.log(`bench: http.maxConcurrentPerToken raised to ${SESSIONS * 2} and http.maxConnectionsPerAddress to `
    + `${Math.max(1024, SESSIONS * 3)} for ${SESSIONS} sessions`);
}
let failed = 0;
let lost = 0;
for (const jar of JARS) {
  const server = await startHttp(args, { commandArgs: ['-jar', jar] });
  const pid = servingJvm(server.child.pid);
  console.log(`bench: ${jar}: ${SESSIONS} sessions x ${CALLS} execute calls against ${server.url} (pid ${pid})`);
  try {
    const warm = await connectUrl(server.url);
    for (let i = 0; i < 20; i++) await warm.client.callTool({ name: 'execute', arguments: { code: '[1,2,3].map((x) => x * 2)' } });
    gc(pid); await settle();
    const before = rssMiB(pid);

    const sessions = [];
    for (let i = 0; i < SESSIONS; i += 50) {
      sessions.push(...await Promise.all(Array.from({ length: Math.min(50, SESSIONS - i) }, async () => {
        const s = await connectUrl(server.url);
        await s.client.callTool({ name: 'execute', arguments: { code: 'globalThis.n = 0' } });
        return s;
      })));
    }
    gc(pid); await settle();
    const idle = rssMiB(pid);

    const latencies = [];
    const started = performance.now();
    await Promise.all(sessions.map(async (s) => {
      for (let call = 1; call <= CALLS; call++) {
        const t0 = performance.now();
        try {
          const result = await s.client.callTool({ name: 'execute', arguments: { code: 'globalThis.n += 1; n' } },
            undefined, { timeout: 120000 });
          latencies.push(performance.now() - t0);
          if (result.isError || result.structuredContent?.result !== call) {
            failed++;
            if (failed <= 3) console.log(`bench: unexpected result ${JSON.stringify(result).slice(0, 300)}`);
          }
        } catch (e) {
          lost++;
          if (lost <= 3) console.log(`bench: call failed: ${e.message}`);
        }
      }
    }));
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const total = SESSIONS * CALLS;
    console.log(`bench: ${total} executions in ${seconds.toFixed(1)} s = ${(total / seconds).toFixed(0)} executions/s`);
    console.log(`bench: latency p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`);
    console.log(`bench: failed ${failed}, lost ${lost}`);
    console.log(`bench: RSS ${before.toFixed(0)} MiB before, ${idle.toFixed(0)} MiB with ${SESSIONS} idle sessions `
      + `(each holding an isolate) = ${((idle - before) * 1024 / SESSIONS).toFixed(0)} KiB per idle session`);
    await Promise.all(sessions.map((s) => s.close().catch(() => {})));
    await warm.close();
  } finally {
    await server.stop();
  }
}
process.exit(failed + lost === 0 ? 0 : 1);
