// Driver for `scripts/bench upstream`: what an upstream call costs through Paddock. In one run, the same
// server-memory `read_graph` (a graph of three entities, one file shared by every server process) is
// called directly with the official TypeScript SDK client over stdio, and as
// `return await memory.read_graph({})` in an `execute` on each Paddock build (stdio, "mcpServers" naming
// server-memory), and beside it `return 1` in an `execute` (what execute costs without an upstream call),
// the ways taking turns in every round so machine noise falls on all of them alike.
// Prints p50/p90 per way and each Paddock build's p50 overhead over the direct call; a build that
// rejects the config prints "not measured: …" and the direct figures still come out.
// Usage: node upstream-overhead.mjs [--rounds 200] [--jar A.jar]...   (default: the built paddock.jar)
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAVA, connect, text } from '../test/support/paddock.mjs';
import { connectStdio, memoryServer, writeMcpServersConfig } from '../test/support/upstreams.mjs';
import { jarsOption, numberOption } from './options.mjs';

const jars = jarsOption();
const ROUNDS = numberOption('rounds', 200);
const WARMUP = 30;

const work = mkdtempSync(path.join(tmpdir(), 'paddock-upstream-overhead-'));
const memory = memoryServer(path.join(work, 'memory.jsonl'));
const config = writeMcpServersConfig(work, { memory });

const direct = await connectStdio(memory);
await direct.client.callTool({ name: 'create_entities', arguments: { entities: ['Ada', 'Grace', 'Linus'].map((name) => (
  { name, entityType: 'person', observations: [`${name} wrote software`] })) } });
const graphOf = (result) => result.structuredContent ?? JSON.parse(text(result));
const expected = graphOf(await direct.client.callTool({ name: 'read_graph', arguments: {} }));
assert.equal(expected.entities.length, 3);

const ways = [{
  name: 'direct (TS SDK client → server-memory, stdio)',
  call: async () => graphOf(await direct.client.callTool({ name: 'read_graph', arguments: {} })),
  times: [],
}];
const sessions = [direct];
for (const jar of jars) {
  try {
    const session = await connect({ name: jar, command: JAVA, args: ['-jar', jar] }, ['--config', config]);
    sessions.push(session);
    const run = async (code) => {
      const result = await session.client.callTool({ name: 'execute', arguments: { code } });
      if (result.isError) throw new Error(`execute failed: ${text(result)}`);
      return result.structuredContent.result;
    };
    ways.push({ name: `through ${jar} (execute → memory.read_graph)`, call: () => run('return await memory.read_graph({})'),
      times: [] });
    ways.push({ name: `through ${jar} (execute alone, no upstream call)`, call: () => run('return 1'), expected: 1, times: [] });
  } catch (e) {
    const reason = e.message.split('\n').find((l) => /unknown key|error:/i.test(l)) ?? e.message.split('\n')[0];
    console.log(`bench upstream: ${jar}: not measured: ${reason.trim()}`);
  }
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
try {
  // Warm-up, which also checks that every way reads the same graph (or, alone, returns 1).
  for (const way of ways) for (let i = 0; i < WARMUP; i++) assert.deepEqual(await way.call(), way.expected ?? expected, way.name);
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? ways : [...ways].reverse();
    for (const way of order) {
      const t0 = performance.now();
      await way.call();
      way.times.push(performance.now() - t0);
    }
  }
  console.log(`bench upstream: ${ROUNDS} rounds of read_graph, ms`);
  for (const way of ways) {
    const overhead = way === ways[0] ? '' : `, overhead p50 +${(pct(way.times, 0.5) - pct(ways[0].times, 0.5)).toFixed(2)} ms`;
    console.log(`bench upstream: ${way.name}: p50 ${pct(way.times, 0.5).toFixed(2)}, p90 ${pct(way.times, 0.9).toFixed(2)}${overhead}`);
  }
} finally {
  for (const session of sessions) await session.close().catch(() => {});
}
