// Figures for README's "upstream servers" numbers (issue 11, item 8), for server-memory, server-filesystem
// and server-everything (stdio) together:
//   1. o200k_base tokens of their combined `tools/list` (compact JSON of all their tools, each server
//      listed directly with the official TypeScript SDK client) against Paddock's tool surface (its own
//      `tools/list` JSON with the same three servers under "mcpServers"). If this Paddock rejects the
//      config, that half prints "not measured: …".
//   2. Model round trips of one multi-step task (TASK below) without Paddock, where each upstream call is
//      a tool call the model makes and waits for, and with Paddock, where one `execute` makes them all.
// Usage: node upstream-tokens.mjs [--jar paddock.jar | --paddock scripts/paddock]   (default: the built jar)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAVA, LAUNCHER_SCRIPT, SHADED_JAR, connect } from '../test/support/paddock.mjs';
import { countTokens } from '../test/support/tokens.mjs';
import { connectStdio, everythingServer, filesystemServer, memoryServer, writeMcpServersConfig } from '../test/support/upstreams.mjs';

const argv = process.argv.slice(2);
const option = (name) => { const at = argv.indexOf(name); return at >= 0 ? argv[at + 1] : undefined; };
const launcher = option('--paddock')
  ? { name: option('--paddock'), command: path.resolve(option('--paddock') ?? LAUNCHER_SCRIPT), args: [] }
  : { name: `java -jar ${option('--jar') ?? SHADED_JAR}`, command: JAVA, args: ['-jar', path.resolve(option('--jar') ?? SHADED_JAR)] };

const work = mkdtempSync(path.join(tmpdir(), 'paddock-upstream-tokens-'));
const SERVERS = {
  memory: memoryServer(path.join(work, 'memory.jsonl')),
  filesystem: filesystemServer(work),
  everything: everythingServer(),
};

/**
 * The multi-step task of the e2e test: record two people and how they relate, read the graph back, list
 * a folder and read its three files. `after` names the calls whose results the call needs first.
 */
const TASK = [
  { call: 'memory.create_entities', after: [] },
  { call: 'memory.create_relations', after: ['memory.create_entities'] },
  { call: 'memory.read_graph', after: ['memory.create_relations'] },
  { call: 'filesystem.list_directory', after: [] },
  ...['a', 'b', 'c'].map((f) => ({ call: `filesystem.read_text_file ${f}.txt`, after: ['filesystem.list_directory'] })),
];

console.log('Tool definitions the model reads, o200k_base tokens (compact JSON of the tools array):');
const all = [];
for (const [key, spec] of Object.entries(SERVERS)) {
  const session = await connectStdio(spec);
  const { tools } = await session.client.listTools();
  await session.close();
  all.push(...tools);
  console.log(`  ${key.padEnd(12)} ${String(tools.length).padStart(3)} tools ${String(countTokens(JSON.stringify(tools))).padStart(7)} tokens`);
}
const direct = countTokens(JSON.stringify(all));
console.log(`  three servers directly: ${all.length} tools, ${direct} tokens`);

/** Paddock's tools/list with `servers` under "mcpServers": { tools, tokens }. */
async function paddockSurface(dir, servers) {
  const session = await connect(launcher, ['--config', writeMcpServersConfig(dir, servers)]);
  const { tools } = await session.client.listTools();
  await session.close();
  return { tools, tokens: countTokens(JSON.stringify(tools)) };
}

try {
  const { tools, tokens } = await paddockSurface(work, SERVERS);
  const alone = await paddockSurface(mkdtempSync(path.join(work, 'none-')), {});
  console.log(`  through Paddock (${launcher.name}): ${tools.length} tools (${tools.map((t) => t.name).join(', ')}), `
    + `${tokens} tokens: ${(direct / tokens).toFixed(2)}× fewer`);
  console.log(`    of which Paddock without servers: ${alone.tokens} tokens; the three servers' types add ${tokens - alone.tokens}`);
} catch (e) {
  console.log(`  through Paddock: not measured: ${firstLines(e.message)}`);
}

console.log('\nModel round trips for one task (a round trip: the model emits tool calls and waits for their results):');
for (const step of TASK) console.log(`  ${step.call}${step.after.length ? `  (needs ${step.after.join(', ')})` : ''}`);
const depth = new Map();
for (const step of TASK) depth.set(step.call, 1 + Math.max(0, ...step.after.map((a) => depth.get(a))));
console.log(`  without Paddock, one tool call per turn: ${TASK.length} round trips`);
console.log(`  without Paddock, independent calls in parallel in one turn: ${Math.max(...depth.values())} round trips`);
console.log('  with Paddock: 1 round trip (one execute makes every call; only its combined result reaches the model)');
console.log('  (the model\'s final answer after the last result is one more turn in every case)');

function firstLines(message) {
  const lines = message.split('\n').filter((l) => l.trim());
  const reason = lines.find((l) => /unknown key|error|invalid/i.test(l) && l !== lines[0]);
  return reason ? `${lines[0]} — ${reason.trim()}` : lines.slice(0, 3).join(' / ');
}
