// Driver of `scripts/bench peers`: Paddock and its peers (workerd's Worker Loader, @cloudflare/codemode on
// workerd, isolated-vm, quickjs-emscripten, Node `vm`, plain Node) on the same workloads in one run. Prints a
// Markdown table of medians with ratios Paddock ÷ peer and writes the figures as JSON. Runs on the peers' Node
// 24 (isolated-vm needs it); PEERS_DIR is the folder the peers were installed into (scripts/bench does it).
//   node peers-bench.mjs [--quick] [--only fresh,memory,hostcall,fib,json,execute,cold] [--out FILE]
// Exits 1, naming the system and the error, when any system fails to run a workload.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JAVA, LAUNCHERS, ROOT, SHADED_JAR, connect, connectUrl, startHttp } from '../test/support/paddock.mjs';
import * as work from './peers/workloads.mjs';
import { startWorkerd } from './peers/workerd.mjs';
import { median, percentile, rssMiB } from './stats.mjs';

const usage = (message) => { console.error(`bench peers: ${message}`); process.exit(2); };
const PEERS_DIR = process.env.PEERS_DIR;
if (!PEERS_DIR) usage('PEERS_DIR must name the folder the peers were installed into (run scripts/bench peers)');
const argv = process.argv.slice(2);
const option = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const QUICK = argv.includes('--quick');
const WORKLOADS = ['fresh', 'memory', 'hostcall', 'fib', 'json', 'execute', 'cold'];
const only = option('only')?.split(',') ?? WORKLOADS;
for (const w of only) if (!WORKLOADS.includes(w)) usage(`unknown workload ${w} in --only; known: ${WORKLOADS.join(', ')}`);
const N = QUICK
  ? { fresh: 100, live: 200, hostcalls: 200, fib: 4, json: 2, execute: 20, cold: 1 }
  : { fresh: 500, live: 1000, hostcalls: 1000, fib: 10, json: 5, execute: 200, cold: 5 };

const SANDBOXES = path.join(import.meta.dirname, 'peers', 'sandboxes.mjs');
const CODEMODE_MCP = path.join(import.meta.dirname, 'peers', 'codemode-mcp.mjs');
const TEST_CLASSES = path.join(ROOT, 'mcp-server', 'target', 'test-classes');
const [JAR, LAUNCHER] = LAUNCHERS;
const CODEMODE = { name: 'codemode on workerd', command: process.execPath, args: [CODEMODE_MCP] };


// One row per system and workload: { workload, system, how, value, p99?, unit, paddock? }. Failures are kept
// and reported at the end, so one broken peer does not hide the others' figures.
const rows = [];
const failures = [];
async function measure(workload, system, how, fn) {
  process.stderr.write(`bench peers: ${workload}: ${system} ...\n`);
  try {
    rows.push({ workload, system, how, paddock: system.startsWith('Paddock'), ...await fn() });
  } catch (e) {
    failures.push({ workload, system, error: String(e.message ?? e).split('\n').slice(0, 6).join('\n') });
  }
}

/** Runs a program to completion and parses the JSON object it prints last. */
function runJson(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').pop();
      if (code === 0 && last?.startsWith('{')) resolve(JSON.parse(last));
      else reject(new Error(`${path.basename(command)} ${args.slice(-3).join(' ')} exited ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
}
const sandbox = (system, workload, count) => runJson(process.execPath, ['--expose-gc', SANDBOXES, system, workload, String(count)],
  { PEERS_DIR });
// Paddock's in-process figures: IsolateBench (a test-scope main) on paddock.jar's classpath, interpreter; GraalJS
// is not shaded into paddock.jar, so its jars come from the build's lib/modules.
const GRAAL_JARS = path.join(ROOT, 'mcp-server', 'target', 'lib', 'modules', '*');
const isolateBench = (workload, count) => runJson(JAVA, ['-Xmx2g', '--sun-misc-unsafe-memory-access=allow',
  '--enable-native-access=ALL-UNNAMED', '-cp', `${SHADED_JAR}:${TEST_CLASSES}:${GRAAL_JARS}`, 'dev.paddock.sandbox.IsolateBench',
  workload, String(count)]);
const IN_PROCESS_PEERS = [['isolated-vm 7 (Node 24)', 'isolated-vm'], ['quickjs-emscripten', 'quickjs'],
  ['Node vm (no security boundary)', 'node-vm']];

/**
 * The marginal cost of one host call in µs: runs of n and 2n calls (`loop(n)` answers milliseconds) take turns,
 * and the difference of their medians is divided by n, so what a run costs once (an HTTP request, an
 * execution's submission) is left out, and reported as `note`. IsolateBench does the same for Paddock.
 */
async function marginalCost(loop, n) {
  await loop(n);
  const single = [];
  const twice = [];
  for (let round = 0; round < 7; round++) {
    single.push(await loop(n));
    twice.push(await loop(2 * n));
  }
  const perCallMs = (median(twice) - median(single)) / n;
  return { value: perCallMs * 1000, note: `plus ${(median(single) - n * perCallMs).toFixed(1)} ms once per run` };
}

/** Milliseconds of one HTTP GET to workerd. */
async function timedGet(url) {
  const t0 = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - t0, body };
}

async function inProcessWorkloads() {
  const workerd = only.some((w) => ['fresh', 'memory', 'hostcall'].includes(w)) ? await startWorkerd(PEERS_DIR) : null;
  try {
    if (only.includes('fresh')) {
      await measure('fresh', 'Paddock', 'in-process: Sandbox.newIsolate + `return 1 + 1` + close (IsolateBench)', async () => {
        const r = await isolateBench('fresh', N.fresh);
        return { value: r.p50_ms, p99: r.p99_ms, unit: 'ms' };
      });
      for (const [system, id] of IN_PROCESS_PEERS) {
        await measure('fresh', system, 'in-process: new sandbox + tiny script + dispose', async () => {
          const r = await sandbox(id, 'fresh', N.fresh);
          return { value: r.p50_ms, p99: r.p99_ms, unit: 'ms' };
        });
      }
      await measure('fresh', 'workerd Worker Loader', '`LOADER.load()` + fetch to it, over loopback HTTP minus the baseline round trip',
        async () => {
          const fresh = [];
          const baseline = [];
          for (let i = 0; i < N.fresh + 20; i++) {
            const b = await timedGet(`${workerd.url}/baseline`);
            const f = await timedGet(`${workerd.url}/fresh`);
            if (f.body !== '2') throw new Error(`/fresh answered ${f.body}`);
            if (i >= 20) { baseline.push(b.ms); fresh.push(f.ms); }
          }
          const base = median(baseline);
          return { value: median(fresh) - base, p99: percentile(fresh, 0.99) - base, unit: 'ms' };
        });
    }
    if (only.includes('memory')) {
      await measure('memory', 'Paddock', `in-process: RSS per live isolate, ${N.live} live (IsolateBench)`, async () => {
        const r = await isolateBench('memory', N.live);
        return { value: r.mib_per_sandbox, unit: 'MiB', note: `heap ${(r.heap_mib_per_sandbox * 1024).toFixed(0)} KiB` };
      });
      for (const [system, id] of IN_PROCESS_PEERS) {
        await measure('memory', system, `in-process: RSS per live sandbox, ${N.live} live`, async () => {
          const r = await sandbox(id, 'memory', N.live);
          return { value: r.mib_per_sandbox, unit: 'MiB' };
        });
      }
      await measure('memory', 'workerd Worker Loader', `workerd RSS per live named worker (\`LOADER.get()\`), ${N.live} live`, async () => {
        await timedGet(`${workerd.url}/hold?id=warm`);
        const before = rssMiB(workerd.pid);
        for (let i = 0; i < N.live; i++) await timedGet(`${workerd.url}/hold?id=${i}`);
        return { value: (rssMiB(workerd.pid) - before) / N.live, unit: 'MiB' };
      });
    }
    if (only.includes('hostcall')) {
      await measure('hostcall', 'Paddock', 'in-process: `await bench.ping(x)`, a HostApi capability (IsolateBench)', async () => {
        const r = await isolateBench('hostcall', N.hostcalls);
        return { value: r.us_per_call, unit: 'µs', note: `plus ${r.fixed_ms_per_execution.toFixed(1)} ms once per execution` };
      });
      for (const [system, id] of IN_PROCESS_PEERS) {
        await measure('hostcall', system, 'in-process: synchronous `ping(x)` host function', async () => {
          const r = await sandbox(id, 'hostcall', N.hostcalls * 10);
          return { value: r.us_per_call, unit: 'µs' };
        });
      }
      await measure('hostcall', 'workerd Worker Loader', '`await host.ping(x)` over Workers RPC to an RpcTarget of the parent',
        async () => {
          const loop = async (n) => {
            const r = await timedGet(`${workerd.url}/host?n=${n}`);
            if (r.body !== String(n)) throw new Error(`/host answered ${r.body}`);
            return r.ms;
          };
          return { unit: 'µs', ...await marginalCost(loop, N.hostcalls) };
        });
    }
  } finally {
    await workerd?.stop();
  }
}

/** An MCP session over stdio with the official SDK client: { client, close }. */
async function stdioSession(target) {
  if (target !== CODEMODE) return connect(target);
  const transport = new StdioClientTransport({ command: target.command, args: target.args, env: { ...process.env, PEERS_DIR },
    stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (c) => { stderr += c; });
  const client = new Client({ name: 'paddock-bench-peers', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (e) {
    throw new Error(`${target.name} did not complete initialize: ${e.message}\n${stderr}`);
  }
  return { client, close: () => client.close() };
}

async function executeValue(client, code, expected) {
  const result = await client.callTool({ name: 'execute', arguments: { code } }, undefined, { timeout: 120000 });
  const value = result.structuredContent?.result;
  if (result.isError || value !== expected) throw new Error(`execute returned ${JSON.stringify(result).slice(0, 300)}`);
}
const timedExecute = async (client, code, expected) => {
  const t0 = performance.now();
  await executeValue(client, code, expected);
  return performance.now() - t0;
};

async function computeWorkloads() {
  for (const [workload, code, expected, runs] of [['fib', work.FIB, work.FIB_RESULT, N.fib],
    ['json', work.JSON_200K, work.JSON_200K_RESULT, N.json]]) {
    if (!only.includes(workload)) continue;
    await measure(workload, 'Node 24 (plain, no sandbox)', `best of ${runs} in one process`, async () => {
      const r = await sandbox('node', workload, runs);
      return { value: r.best_ms, unit: 'ms' };
    });
    for (const target of [JAR, LAUNCHER]) {
      await measure(workload, `Paddock ${target.name}`, `\`execute\` over stdio, best of ${runs} in one session (includes the MCP round trip)`,
        async () => {
          const session = await stdioSession(target);
          try {
            const times = [];
            for (let i = 0; i < runs; i++) times.push(await timedExecute(session.client, code, expected));
            return { value: Math.min(...times), unit: 'ms' };
          } finally {
            await session.close();
          }
        });
    }
  }
}

/**
 * Trivial `execute` in a warm session (each system's sessions take turns call by call, so load on the
 * machine hits all alike), and a fresh HTTP session + one execute.
 */
async function executeWorkloads() {
  const paddockHttp = await startHttp();
  let codemodeHttp;
  try {
    codemodeHttp = await startCodemodeHttp();
    const targets = [
      [`Paddock ${JAR.name}`, 'stdio', () => stdioSession(JAR)],
      [`Paddock ${LAUNCHER.name}`, 'stdio', () => stdioSession(LAUNCHER)],
      ['codemode on workerd', 'stdio', () => stdioSession(CODEMODE)],
      [`Paddock ${JAR.name}`, 'HTTP', () => connectUrl(paddockHttp.url)],
      ['codemode on workerd', 'HTTP', () => connectUrl(codemodeHttp.url)],
    ];
    const sessions = [];
    for (const [system, transport, open] of targets) {
      try {
        const session = await open();
        for (let i = 0; i < 10; i++) await executeValue(session.client, work.TINY, 2);
        sessions.push({ system, transport, session, times: [] });
      } catch (e) {
        failures.push({ workload: `execute-${transport}`, system, error: e.message });
      }
    }
    for (let i = 0; i < N.execute; i++) {
      for (const s of sessions) {
        if (s.error) continue;
        try { s.times.push(await timedExecute(s.session.client, work.TINY, 2)); } catch (e) { s.error = e.message; }
      }
    }
    for (const s of sessions) {
      await measure(`execute-${s.transport}`, s.system, `trivial \`execute\` (\`return 1 + 1\`) in a warm session, official TS SDK client, ${N.execute} calls`,
        async () => {
          if (s.error) throw new Error(s.error);
          return { value: median(s.times), p99: percentile(s.times, 0.99), unit: 'ms' };
        });
      await s.session.close().catch(() => {});
    }
    const fresh = [[`Paddock ${JAR.name}`, paddockHttp.url], ['codemode on workerd', codemodeHttp.url]].map(([system, url]) => ({ system, url, times: [] }));
    for (let i = 0; i < N.execute / 2 + 5; i++) {
      for (const f of fresh) {
        if (f.error) continue;
        try {
          const t0 = performance.now();
          const session = await connectUrl(f.url);
          await executeValue(session.client, work.TINY, 2);
          const ms = performance.now() - t0;
          await session.close();
          if (i >= 5) f.times.push(ms);
        } catch (e) { f.error = e.message; }
      }
    }
    for (const f of fresh) {
      await measure('fresh-session-http', f.system, 'new MCP session over HTTP (initialize) + one trivial `execute`', async () => {
        if (f.error) throw new Error(f.error);
        return { value: median(f.times), p99: percentile(f.times, 0.99), unit: 'ms' };
      });
    }
  } finally {
    await paddockHttp.stop();
    codemodeHttp?.stop();
  }
}

function startCodemodeHttp() {
  const child = spawn(process.execPath, [CODEMODE_MCP, '--http'], { env: { ...process.env, PEERS_DIR }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`codemode-mcp.mjs --http not listening within 60 s:\n${stderr}`)); }, 60000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`codemode-mcp.mjs --http exited (${code}):\n${stderr}`)); });
    child.stderr.setEncoding('utf8').on('data', (c) => {
      stderr += c;
      const m = stderr.match(/listening on (http:\/\/\S+\/mcp)/);
      if (m) { clearTimeout(timer); resolve({ url: m[1], stop: () => child.kill('SIGTERM') }); }
    });
  });
}

/** Spawn → `initialize` → first `execute` answered, over stdio; the systems take turns, run by run. */
async function coldStart() {
  const targets = [[`Paddock ${JAR.name}`, JAR], [`Paddock ${LAUNCHER.name}`, LAUNCHER], ['codemode on workerd', CODEMODE]]
    .map(([system, target]) => ({ system, target, times: [] }));
  for (let run = 0; run < N.cold; run++) {
    for (const t of targets) {
      if (t.error) continue;
      try {
        const t0 = performance.now();
        const session = await stdioSession(t.target);
        await executeValue(session.client, work.TINY, 2);
        t.times.push(performance.now() - t0);
        await session.close();
      } catch (e) { t.error = e.message; }
    }
  }
  for (const t of targets) {
    await measure('cold', t.system, `spawn → initialize → first trivial \`execute\` answered over stdio, median of ${N.cold}`, async () => {
      if (t.error) throw new Error(t.error);
      return { value: median(t.times), unit: 'ms' };
    });
  }
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function machine() {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? os.cpus()[0]?.model;
  // `java -version` writes to stderr; its first line names the version.
  const jdk = spawnSync(JAVA, ['-version'], { encoding: 'utf8' }).stderr.split('\n')[0].trim();
  const workerd = execFileSync(path.join(PEERS_DIR, 'node_modules/@cloudflare/workerd-linux-64/bin/workerd'), ['--version'],
    { encoding: 'utf8' }).trim();
  return { nproc: os.availableParallelism(), cpu, ram_gib: Math.round(os.totalmem() / 2 ** 30), jdk, node: process.version,
    workerd, load_average: loadAverage() };
}

const LABELS = { fresh: 'fresh sandbox + tiny script + dispose', memory: 'memory per live sandbox',
  hostcall: 'host call round trip from sandboxed code', fib: '`fib(27)`', json: 'JSON round trip + filter/map/sort, 200k objects',
  'execute-stdio': 'trivial `execute`, warm session, stdio', 'execute-HTTP': 'trivial `execute`, warm session, HTTP',
  'fresh-session-http': 'fresh HTTP session + `execute`', cold: 'cold start: spawn → first `execute` answered (stdio)' };

function table(header) {
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toPrecision(2));
  const lines = [`Machine: ${header.nproc} cores, ${header.cpu}, ${header.ram_gib} GiB; ${header.jdk}; Node ${header.node}; `
    + `${header.workerd}; load average ${header.load_average} at start, ${header.load_average_end} at the end. Command: \`scripts/bench peers${argv.length ? ' ' + argv.join(' ') : ''}\`.`,
  '', '| workload | system | median | p99 | Paddock ÷ this | how |', '|---|---|---|---|---|---|'];
  for (const workload of Object.keys(LABELS)) {
    const group = rows.filter((r) => r.workload === workload);
    const paddock = group.filter((r) => r.paddock);
    for (const r of group) {
      const ratios = r.paddock ? '' : paddock.map((p) => `${fmt(p.value / r.value)}${paddock.length > 1 ? ` (${p.system.replace('Paddock ', '')})` : ''}`).join(', ');
      lines.push(`| ${LABELS[workload]} | ${r.system} | ${fmt(r.value)} ${r.unit} | ${r.p99 === undefined ? '' : `${fmt(r.p99)} ${r.unit}`} | `
        + `${ratios} | ${r.how}${r.note ? `; ${r.note}` : ''} |`);
    }
  }
  return lines.join('\n');
}

const header = machine();
process.stderr.write(`bench peers: ${JSON.stringify(header)}\n`);
// A group whose set-up fails (a server that does not start) is reported like any failed workload.
for (const [name, group, wanted] of [['fresh/memory/hostcall', inProcessWorkloads, true], ['fib/json', computeWorkloads, true],
  ['execute', executeWorkloads, only.includes('execute')], ['cold', coldStart, only.includes('cold')]]) {
  if (!wanted) continue;
  try { await group(); } catch (e) { failures.push({ workload: name, system: 'set-up', error: e.message }); }
}

header.load_average_end = loadAverage();
console.log(table(header));
const out = option('out') ?? path.join(PEERS_DIR, 'results', `peers-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ machine: header, quick: QUICK, rows, failures }, null, 2));
console.log(`\nJSON: ${out}`);
if (failures.length) {
  for (const f of failures) console.error(`bench peers: FAILED ${f.system} on ${f.workload}: ${f.error}`);
  process.exit(1);
}
process.exit(0);
