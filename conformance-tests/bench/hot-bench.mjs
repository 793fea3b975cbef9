// Load driver for `scripts/bench hot`: the two figures a warm server should make cheap, for one or more
// paddock.jar builds side by side in one run, the jars taking turns within each round:
//   stdio    a trivial `execute` ("return 1") on a warm stdio session (official TypeScript SDK client)
//   fresh    a fresh Streamable HTTP session (initialize) plus its first `execute`, then its close
// Prints the median and p90 per jar and, with two jars or more, each one's median ratio to the first.
// Usage: node hot-bench.mjs [--rounds 200] [--jar base.jar] [--jar new.jar]
import { JAVA, connect, connectUrl, startHttp } from '../test/support/paddock.mjs';
import { percentile as pct } from './stats.mjs';
import { jarsOption, numberOption } from './options.mjs';

const jars = jarsOption();
const ROUNDS = numberOption('rounds', 200);

const servers = [];
const check = (result, where) => {
  if (result.isError || result.structuredContent?.result !== 1) throw new Error(`${where}: ${JSON.stringify(result)}`);
};
try {
  for (const jar of jars) {
    const stdio = await connect({ name: jar, command: JAVA, args: ['-jar', jar] });
    const http = await startHttp([], { commandArgs: ['-jar', jar] });
    servers.push({ jar, stdio, http, times: { stdio: [], fresh: [] } });
  }
  const trivial = async (s) => {
    const t0 = performance.now();
    check(await s.stdio.client.callTool({ name: 'execute', arguments: { code: 'return 1' } }), s.jar);
    return performance.now() - t0;
  };
  const fresh = async (s) => {
    const t0 = performance.now();
    const session = await connectUrl(s.http.url);
    check(await session.client.callTool({ name: 'execute', arguments: { code: 'return 1' } }), s.jar);
    const ms = performance.now() - t0;
    await session.close();
    return ms;
  };
  // Warm-up: class loading and compilation are not what this measures.
  for (let i = 0; i < 50; i++) for (const s of servers) { await trivial(s); if (i % 5 === 0) await fresh(s); }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const s of order) s.times.stdio.push(await trivial(s));
    if (round % 4 === 0) for (const s of order) s.times.fresh.push(await fresh(s));
  }
  console.log(`bench hot: ${ROUNDS} rounds; ms, median / p90 (stdio: trivial execute; fresh: new HTTP session + execute)`);
  const first = servers[0];
  for (const s of servers) {
    const cells = ['stdio', 'fresh'].map((w) => {
      const ratio = s === first ? '' : ` (${(pct(s.times[w], 0.5) / pct(first.times[w], 0.5)).toFixed(2)}x)`;
      return `${w} ${pct(s.times[w], 0.5).toFixed(2)} / ${pct(s.times[w], 0.9).toFixed(2)}${ratio}`;
    });
    console.log(`bench hot: ${s.jar}: ${cells.join(', ')}`);
  }
} finally {
  for (const s of servers) {
    await s.stdio.close().catch(() => {});
    await s.http.stop();
  }
}
