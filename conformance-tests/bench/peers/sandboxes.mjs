// The in-process peers of `scripts/bench peers`, one workload per process so that memory figures start
// clean: node --expose-gc sandboxes.mjs <system> <workload> [count]; prints one JSON object.
//   systems: node-vm (not a security boundary), isolated-vm, quickjs (quickjs-emscripten, one shared WASM
//            module), node (plain Node, no sandbox: only fib and json)
//   workloads: fresh (new sandbox + tiny script + dispose, each timed), memory (RSS per live sandbox with
//            `count` live), hostcall (sandboxed code calls a host function `count` times), fib, json
// PEERS_DIR names the folder whose node_modules holds the peers (the bench's cache).
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { median, percentile } from '../stats.mjs';
import * as work from './workloads.mjs';

const [system, workload, countArg] = process.argv.slice(2);
const count = Number(countArg ?? 500);
const requirePeer = createRequire(path.join(process.env.PEERS_DIR ?? import.meta.dirname, 'package.json'));

// One way per system to make a sandbox, run a script in it (optionally with a host function `ping(x)` that
// answers x + 1) and dispose of it.
const SYSTEMS = {
  'node-vm': async () => ({
    create(withPing) { return vm.createContext(withPing ? { ping: (x) => x + 1 } : {}); },
    run(context, code) { return vm.runInContext(`(() => { ${code} })()`, context); },
    dispose() {},
  }),
  'isolated-vm': async () => {
    const ivm = requirePeer('isolated-vm');
    return {
      create(withPing) {
        const isolate = new ivm.Isolate({ memoryLimit: 64 });
        const context = isolate.createContextSync();
        if (withPing) context.global.setSync('ping', new ivm.Callback((x) => x + 1));
        return { isolate, context };
      },
      run(s, code) { return s.context.evalSync(`(() => { ${code} })()`); },
      dispose(s) { s.isolate.dispose(); },
    };
  },
  quickjs: async () => {
    const { getQuickJS } = await import(requirePeer.resolve('quickjs-emscripten'));
    const quickjs = await getQuickJS();
    return {
      create(withPing) {
        const context = quickjs.newContext();
        if (withPing) {
          const ping = context.newFunction('ping', (x) => context.newNumber(context.getNumber(x) + 1));
          context.setProp(context.global, 'ping', ping);
          ping.dispose();
        }
        return context;
      },
      run(context, code) {
        const handle = context.unwrapResult(context.evalCode(`(() => { ${code} })()`));
        const value = context.dump(handle);
        handle.dispose();
        return value;
      },
      dispose(context) { context.dispose(); },
    };
  },
};

const ownRssMiB = () => { globalThis.gc(); globalThis.gc(); return process.memoryUsage().rss / 1048576; };
const check = (value, expected, what) => {
  if (value !== expected) throw new Error(`${system} ${what} returned ${value}, expected ${expected}`);
};

async function measure() {
  if (system === 'node') {
    const code = { fib: [work.FIB, work.FIB_RESULT], json: [work.JSON_200K, work.JSON_200K_RESULT] }[workload];
    if (!code) throw new Error(`plain node runs only fib and json, not ${workload}`);
    const times = [];
    for (let i = 0; i < count; i++) { // the first runs warm the JIT; best of all is reported
      const t0 = performance.now();
      check(new Function(code[0])(), code[1], workload);
      times.push(performance.now() - t0);
    }
    return { best_ms: Math.min(...times), median_ms: median(times) };
  }
  const sandbox = await SYSTEMS[system]?.();
  if (!sandbox) throw new Error(`unknown system ${system}`);
  if (workload === 'fresh') {
    const once = () => { const s = sandbox.create(false); check(sandbox.run(s, work.TINY), 2, 'tiny script'); sandbox.dispose(s); };
    for (let i = 0; i < Math.min(50, count); i++) once();
    const times = [];
    for (let i = 0; i < count; i++) {
      const t0 = performance.now();
      once();
      times.push(performance.now() - t0);
    }
    return { p50_ms: percentile(times, 0.5), p99_ms: percentile(times, 0.99) };
  }
  if (workload === 'memory') {
    const before = ownRssMiB();
    const live = [];
    for (let i = 0; i < count; i++) {
      const s = sandbox.create(false);
      check(sandbox.run(s, work.TINY), 2, 'tiny script');
      live.push(s);
    }
    const after = ownRssMiB();
    live.forEach((s) => sandbox.dispose(s));
    return { live: count, rss_before_mib: before, rss_after_mib: after, mib_per_sandbox: (after - before) / count };
  }
  if (workload === 'hostcall') {
    const s = sandbox.create(true);
    const loop = `let x = 0; for (let i = 0; i < ${count}; i++) x = ping(x); return x;`;
    check(sandbox.run(s, loop), count, 'host call loop');
    const perCall = [];
    for (let round = 0; round < 7; round++) {
      const t0 = performance.now();
      sandbox.run(s, loop);
      perCall.push((performance.now() - t0) * 1000 / count);
    }
    sandbox.dispose(s);
    return { us_per_call: median(perCall), calls: count };
  }
  throw new Error(`unknown workload ${workload}`);
}

try {
  console.log(JSON.stringify({ system, workload, ...await measure() }));
} catch (e) {
  console.error(`${system} ${workload}: ${e.stack ?? e}`);
  process.exit(1);
}
