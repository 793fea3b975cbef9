// Load driver for `scripts/bench calls`: the capability call path, for one or more paddock.jar builds side
// by side in one run. Each jar serves Streamable HTTP with the state capability and an egress rule to a
// loopback HTTP server; one session per jar runs three workloads in rounds, the jars taking turns within
// each round so that machine noise falls on all of them alike:
//   empty   `execute` of a constant (the floor every call pays)
//   state   100 awaited capability calls (50 state.set, 50 state.get)
//   fetch   20 awaited fetches to 127.0.0.1
// Prints the median of each workload per jar and, with two jars or more, each one's ratio to the first.
// Usage: node calls-bench.mjs [--rounds 30] [--jar base.jar] [--jar new.jar]
import { createServer } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectUrl, startHttp, text } from '../test/support/paddock.mjs';
import { jarsOption, numberOption } from './options.mjs';

const jars = jarsOption();
const ROUNDS = numberOption('rounds', 30);

const upstream = createServer((req, res) => res.end('ok'));
upstream.listen(0, '127.0.0.1');
await once(upstream, 'listening');
const base = `http://127.0.0.1:${upstream.address().port}`;
const config = path.join(mkdtempSync(path.join(tmpdir(), 'paddock-calls-bench-')), 'paddock.json');
writeFileSync(config, JSON.stringify({ capabilities: { state: {} }, egress: { rules: [{ url: `${base}/*` }] } }));

const WORKLOADS = {
  empty: '1',
  state: 'for (let i = 0; i < 50; i++) await state.set({ key: "k" + i, value: i }); '
    + 'let sum = 0; for (let i = 0; i < 50; i++) sum += await state.get({ key: "k" + i }); return sum',
  fetch: `let n = 0; for (let i = 0; i < 20; i++) n += (await (await fetch("${base}/x")).text()).length; return n`,
};
const EXPECTED = { empty: 1, state: 1225, fetch: 40 };

const servers = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const jar of jars) {
    const server = await startHttp(['--config', config], { commandArgs: ['-jar', jar] });
    servers.push(server);
    const session = await connectUrl(server.url);
    server.session = session;
    server.times = Object.fromEntries(Object.keys(WORKLOADS).map((w) => [w, []]));
  }
  const run = async (server, workload) => {
    const t0 = performance.now();
    const result = await server.session.client.callTool({ name: 'execute', arguments: { code: WORKLOADS[workload] } });
    const ms = performance.now() - t0;
    if (result.isError || result.structuredContent?.result !== EXPECTED[workload]) {
      throw new Error(`${workload} on ${server.url}: unexpected result ${text(result)}`);
    }
    return ms;
  };
  // Warm-up: class loading and compilation are not what this measures.
  for (let i = 0; i < 10; i++) for (const server of servers) for (const w of Object.keys(WORKLOADS)) await run(server, w);
  for (let round = 0; round < ROUNDS; round++) {
    for (const w of Object.keys(WORKLOADS)) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order) server.times[w].push(await run(server, w));
    }
  }
  console.log(`bench calls: ${ROUNDS} rounds, medians in ms (state: 100 capability calls, fetch: 20 fetches)`);
  const first = servers[0];
  servers.forEach((server, i) => {
    const cells = Object.keys(WORKLOADS).map((w) => {
      const m = median(server.times[w]);
      const ratio = i === 0 ? '' : ` (${(m / median(first.times[w])).toFixed(2)}x)`;
      return `${w} ${m.toFixed(2)}${ratio}`;
    });
    console.log(`bench calls: ${jars[i]}: ${cells.join(', ')}`);
  });
} finally {
  for (const server of servers) {
    await server.session?.close().catch(() => {});
    await server.stop();
  }
  upstream.close();
}
