// Load driver for `scripts/bench http` and `scripts/bench scaling` over Streamable HTTP on loopback.
//
// http: N concurrent MCP sessions (official TypeScript SDK client), each running M `execute` calls one after
// another. Counts failed and lost responses (each call's result is checked: a per-session counter in the
// session's globals), prints p50/p99 latency, executions per second and resident memory per idle session
// (RSS delta over N sessions that each hold an isolate).
//   node http-bench.mjs --sessions 500 --calls 20 [--jar A.jar]
//
// scaling: the same load at 1, 10, 100 and 1,000 concurrent sessions (at least 1,000 calls per level), then
// memory (RSS, and heap used after a full GC) as live idle sessions grow to 100, 1,000 and 10,000; prints a
// Markdown table. Idle sessions are opened with plain JSON-RPC POSTs (initialize, initialized, one execute),
// since 10,000 SDK clients would measure the client more than the server.
//   node http-bench.mjs --scaling [--levels 1,10,100,1000] [--idle 100,1000,10000] [--jar A.jar]
//
// With --jar (repeatable) each given paddock.jar is measured in turn, in one run, so a change can be compared
// with a build from before it.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectUrl, startHttp } from '../test/support/paddock.mjs';
import { jarsOption } from './options.mjs';
import { percentile, rssMiB } from './stats.mjs';

const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const list = (name, fallback) => (option(name) ?? fallback).split(',').map(Number);
const SCALING = argv.includes('--scaling');
const SESSIONS = Number(option('sessions') ?? 500);
const CALLS = Number(option('calls') ?? 20);
const LEVELS = list('levels', '1,10,100,1000');
const IDLE = list('idle', '100,1000,10000');
const JARS = jarsOption();

// paddock.jar started without the launcher's memory settings starts its JVM again with them (JarLauncher):
// measure the JVM that serves, not the small one that waits for it.
const servingJvm = (pid) => {
  const tasks = `/proc/${pid}/task`;
  const children = readdirSync(tasks).flatMap((t) => readFileSync(`${tasks}/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
  return children.length ? Number(children[0]) : pid;
};
const jcmd = (pid, command) => execFileSync(path.join(path.dirname(process.env.PADDOCK_JAVA || 'java'), 'jcmd'),
  [String(pid), command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const gc = (pid) => {
  try { jcmd(pid, 'GC.run'); } catch { /* best effort */ }
};
// "garbage-first heap   total reserved 2097152K, committed 262144K, used 123456K"
const heapUsedMiB = (pid) => Number(jcmd(pid, 'GC.heap_info').match(/used (\d+)K/)[1]) / 1024;
const settle = () => new Promise((r) => setTimeout(r, 1000));

// The server's defaults admit 200 busy sessions; above that the per-token limits (running requests and open
// sessions), the connections per address and the live isolates are raised, since every session may have a
// request running, all share one (absent) token and one address, and each idle session holds an isolate.
function serverArgs(sessions) {
  if (sessions <= 200) return [];
  const limits = { http: { maxConcurrentPerToken: sessions * 2, maxConnectionsPerAddress: Math.max(1024, sessions * 3),
    maxSessionsPerToken: sessions + 100 }, sandbox: { maxIsolates: sessions + 100 } };
  const config = path.join(mkdtempSync(path.join(tmpdir(), 'paddock-bench-')), 'paddock.json');
  writeFileSync(config, JSON.stringify(limits));
  console.log(`bench: limits raised for ${sessions} sessions: ${JSON.stringify(limits)}`);
  return ['--config', config];
}

async function openSessions(url, count) {
  const sessions = [];
  for (let i = 0; i < count; i += 50) {
    sessions.push(...await Promise.all(Array.from({ length: Math.min(50, count - i) }, async () => {
      const s = await connectUrl(url);
      await s.client.callTool({ name: 'execute', arguments: { code: 'globalThis.n = 0' } });
      return s;
    })));
  }
  return sessions;
}

/** Each session runs `calls` executions one after another, all sessions at once; checks every result. */
async function load(sessions, calls) {
  let failed = 0;
  let lost = 0;
  const latencies = [];
  const started = performance.now();
  await Promise.all(sessions.map(async (s) => {
    for (let call = 1; call <= calls; call++) {
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
  return { total: sessions.length * calls, seconds, perSecond: sessions.length * calls / seconds, failed, lost,
    p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

const closeAll = (sessions) => Promise.all(sessions.map((s) => s.close().catch(() => {})));

async function warm(url) {
  const session = await connectUrl(url);
  for (let i = 0; i < 20; i++) await session.client.callTool({ name: 'execute', arguments: { code: '[1,2,3].map((x) => x * 2)' } });
  return session;
}

/** One JSON-RPC POST; answers the result (a JSON body or the first SSE `data:` event) and the session id. */
async function rpc(url, sessionId, message) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
    'MCP-Protocol-Version': '2025-06-18', ...(sessionId ? { 'Mcp-Session-Id': sessionId } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ jsonrpc: '2.0', ...message }) });
  const body = await response.text();
  if (!response.ok) throw new Error(`${message.method}: HTTP ${response.status} ${body.slice(0, 200)}`);
  const json = body.startsWith('{') ? body : body.match(/^data: (.*)$/m)?.[1];
  const reply = json ? JSON.parse(json) : undefined;
  if (reply?.error || reply?.result?.isError) throw new Error(`${message.method}: ${JSON.stringify(reply).slice(0, 300)}`);
  return { reply, sessionId: response.headers.get('mcp-session-id') ?? sessionId };
}

/** An MCP session that holds an isolate and then stays idle: initialize, initialized, one execute. */
async function openIdleSession(url) {
  const { sessionId } = await rpc(url, null, { id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18',
    capabilities: {}, clientInfo: { name: 'paddock-bench-idle', version: '1.0.0' } } });
  await rpc(url, sessionId, { method: 'notifications/initialized' });
  await rpc(url, sessionId, { id: 2, method: 'tools/call', params: { name: 'execute', arguments: { code: 'globalThis.n = 0' } } });
  return sessionId;
}

async function benchHttp(jar) {
  const server = await startHttp(serverArgs(SESSIONS), { commandArgs: ['-jar', jar] });
  const pid = servingJvm(server.child.pid);
  console.log(`bench: ${jar}: ${SESSIONS} sessions x ${CALLS} execute calls against ${server.url} (pid ${pid})`);
  try {
    const warmSession = await warm(server.url);
    gc(pid); await settle();
    const before = rssMiB(pid);
    const sessions = await openSessions(server.url, SESSIONS);
    gc(pid); await settle();
    const idle = rssMiB(pid);
    const r = await load(sessions, CALLS);
    console.log(`bench: ${r.total} executions in ${r.seconds.toFixed(1)} s = ${r.perSecond.toFixed(0)} executions/s`);
    console.log(`bench: latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
    console.log(`bench: failed ${r.failed}, lost ${r.lost}`);
    console.log(`bench: RSS ${before.toFixed(0)} MiB before, ${idle.toFixed(0)} MiB with ${SESSIONS} idle sessions `
      + `(each holding an isolate) = ${((idle - before) * 1024 / SESSIONS).toFixed(0)} KiB per idle session`);
    await closeAll(sessions);
    await warmSession.close();
    return r.failed + r.lost;
  } finally {
    await server.stop();
  }
}

async function benchScaling(jar) {
  const most = Math.max(...LEVELS, ...IDLE);
  const server = await startHttp(serverArgs(most), { commandArgs: ['-jar', jar] });
  const pid = servingJvm(server.child.pid);
  console.log(`bench: ${jar}: scaling against ${server.url} (pid ${pid})`);
  const lines = ['| concurrent sessions | executions | executions/s | p50 ms | p99 ms | failed + lost |', '|---|---|---|---|---|---|'];
  let errors = 0;
  try {
    const warmSession = await warm(server.url);
    for (const level of LEVELS) {
      const sessions = await openSessions(server.url, level);
      const r = await load(sessions, Math.max(20, Math.ceil(1000 / level)));
      errors += r.failed + r.lost;
      lines.push(`| ${level} | ${r.total} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.failed + r.lost} |`);
      console.log(`bench: ${level} sessions: ${r.perSecond.toFixed(0)} executions/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms`);
      await closeAll(sessions);
    }
    lines.push('', '| live idle sessions | RSS MiB | heap used MiB | RSS KiB per session | heap KiB per session | time to open |', '|---|---|---|---|---|---|');
    gc(pid); await settle();
    const rss0 = rssMiB(pid);
    const heap0 = heapUsedMiB(pid);
    lines.push(`| 0 | ${rss0.toFixed(0)} | ${heap0.toFixed(0)} | | | |`);
    let open = 0;
    for (const target of IDLE) {
      const t0 = performance.now();
      while (open < target) {
        const batch = Math.min(50, target - open);
        await Promise.all(Array.from({ length: batch }, () => openIdleSession(server.url)));
        open += batch;
      }
      const seconds = (performance.now() - t0) / 1000;
      gc(pid); await settle();
      const rss = rssMiB(pid);
      const heap = heapUsedMiB(pid);
      lines.push(`| ${target} | ${rss.toFixed(0)} | ${heap.toFixed(0)} | ${((rss - rss0) * 1024 / target).toFixed(0)} | `
        + `${((heap - heap0) * 1024 / target).toFixed(0)} | ${seconds.toFixed(1)} s |`);
      console.log(`bench: ${target} idle sessions: RSS ${rss.toFixed(0)} MiB, heap used ${heap.toFixed(0)} MiB`);
    }
    await warmSession.close();
  } finally {
    await server.stop();
  }
  console.log(`\n${jar}:\n${lines.join('\n')}\n`);
  return errors;
}

let errors = 0;
for (const jar of JARS) errors += await (SCALING ? benchScaling(jar) : benchHttp(jar));
process.exit(errors === 0 ? 0 : 1);
