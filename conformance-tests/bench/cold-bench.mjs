// Load driver for `scripts/bench cold`: how soon a new Paddock answers, for one or more paddock.jar builds and
// each way of running them, side by side in one run, the ways taking turns start by start. Each start is a
// real MCP client (the official TypeScript SDK) spawning `java -jar`: spawn → `initialize` answered, spawn →
// first `execute` answered, then the median of 40 trivial executions on that warm session.
// Ways: jit (the default where the JDK fits), int-aot (PADDOCK_JIT=off, with the AOT cache that a first
// session recorded beforehand) and int (PADDOCK_JIT=off PADDOCK_AOT=off). GraalJS is unpacked and the AOT
// cache kept in a fresh PADDOCK_CACHE_DIR, so no earlier run's cache is measured. A jar from before paddock.jar
// carried GraalJS (it unpacks nothing) is measured one way only, as built.
// Usage: node cold-bench.mjs [--rounds 7] [--jar base.jar] [--jar new.jar]
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { JAVA, connect } from '../test/support/paddock.mjs';
import { median } from './stats.mjs';
import { jarsOption, numberOption } from './options.mjs';

const jars = jarsOption();
const ROUNDS = numberOption('rounds', 7);
const TRIVIAL = 40;
const cache = mkdtempSync(path.join(tmpdir(), 'paddock-cold-'));
const WAYS = { jit: {}, 'int-aot': { PADDOCK_JIT: 'off' }, int: { PADDOCK_JIT: 'off', PADDOCK_AOT: 'off' } };

const runtimes = () => readdirSync(cache).filter((d) => d.startsWith('graal-'));
const aotFiles = () => runtimes().flatMap((d) => readdirSync(path.join(cache, d)).filter((f) => f.endsWith('.aot')));
const waysOf = new Map();

async function start(jar, env) {
  const t0 = performance.now();
  const session = await connect({ name: jar, command: JAVA, args: ['-jar', jar] }, [], { env: { ...env, PADDOCK_CACHE_DIR: cache } });
  const init = performance.now() - t0;
  const call = async (code) => {
    const result = await session.client.callTool({ name: 'execute', arguments: { code } });
    if (result.isError) throw new Error(`${jar}: ${JSON.stringify(result)}`);
  };
  await call('return 1 + 1');
  const first = performance.now() - t0;
  const trivial = [];
  for (let i = 0; i < TRIVIAL; i++) {
    const t = performance.now();
    await call('return 2');
    trivial.push(performance.now() - t);
  }
  return { session, init, first, trivial: median(trivial) };
}

try {
  // The AOT cache is recorded by a first interpreted session that runs for a while (cli/AotCache).
  for (const jar of jars) {
    const before = aotFiles().length;
    const unpacked = runtimes().length;
    const { session } = await start(jar, WAYS['int-aot']);
    if (runtimes().length === unpacked) {
      waysOf.set(jar, { 'as built': {} });
      await session.close();
      continue;
    }
    waysOf.set(jar, WAYS);
    for (let waited = 0; aotFiles().length === before; waited += 500) {
      if (waited > 120000) throw new Error(`${jar}: no AOT cache recorded within 120 s`);
      await sleep(500);
    }
    await session.close();
  }
  const results = new Map();
  for (let round = 0; round < ROUNDS; round++) {
    for (const jar of jars) {
      for (const [way, env] of Object.entries(waysOf.get(jar))) {
        const { session, ...figures } = await start(jar, env);
        await session.close();
        const key = `${jar} ${way}`;
        results.set(key, [...(results.get(key) ?? []), figures]);
      }
    }
  }
  console.log(`bench cold: medians of ${ROUNDS} starts each, the ways taking turns`);
  console.log('| jar | way | spawn → initialize | spawn → first execute | trivial execute p50 |');
  console.log('|---|---|---|---|---|');
  for (const [key, runs] of results) {
    const jar = key.slice(0, key.indexOf(' '));
    const way = key.slice(jar.length + 1);
    const ms = (f) => median(runs.map(f));
    console.log(`| ${jar} | ${way} | ${(ms((r) => r.init) / 1000).toFixed(2)} s | ${(ms((r) => r.first) / 1000).toFixed(2)} s | `
      + `${ms((r) => r.trivial).toFixed(1)} ms |`);
  }
} finally {
  if (existsSync(cache)) rmSync(cache, { recursive: true, force: true });
}
