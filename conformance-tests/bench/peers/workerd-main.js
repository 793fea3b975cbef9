// The workerd side of `scripts/bench peers`: one parent Worker with a Worker Loader binding (LOADER), driven
// over loopback HTTP by peers-bench.mjs. Each route is one workload; the sandboxes are dynamic Workers.
//   /baseline           answers at once (the HTTP round trip to subtract)
//   /fresh              load() a new isolate, run a tiny script in it through its fetch handler, drop it
//   /hold?id=N          get() a named isolate and keep it loaded (memory per live isolate)
//   /host?n=N           a dynamic Worker that awaits N RPC calls to an RpcTarget of this parent
//   /codemode (POST)    @cloudflare/codemode's DynamicWorkerExecutor runs the body as agent code, with one
//                       host function `codemode.ping(x)`; answers {result, error, logs} as JSON
import { RpcTarget } from 'cloudflare:workers';
import { DynamicWorkerExecutor } from './index.js';

const COMPAT = { compatibilityDate: '2025-06-01' };
const TINY = { ...COMPAT, mainModule: 'tiny.js',
  modules: { 'tiny.js': 'export default { fetch() { return new Response(String(1 + 1)); } };' } };
const HOST_CALLER = { ...COMPAT, mainModule: 'caller.js', modules: { 'caller.js': `
import { WorkerEntrypoint } from 'cloudflare:workers';
export default class extends WorkerEntrypoint {
  async run(host, n) { let x = 0; for (let i = 0; i < n; i++) x = await host.ping(x); return x; }
}` } };

class Host extends RpcTarget {
  ping(x) { return x + 1; }
}

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/baseline':
        return new Response('2');
      case '/fresh':
        return env.LOADER.load(TINY).getEntrypoint().fetch('http://sandbox/');
      case '/hold':
        return env.LOADER.get(`held-${url.searchParams.get('id')}`, () => TINY).getEntrypoint().fetch('http://sandbox/');
      case '/host': {
        const n = Number(url.searchParams.get('n'));
        const caller = env.LOADER.get('host-caller', () => HOST_CALLER).getEntrypoint();
        return new Response(String(await caller.run(new Host(), n)));
      }
      case '/codemode': {
        const executor = new DynamicWorkerExecutor({ loader: env.LOADER });
        const outcome = await executor.execute(await request.text(), [{ name: 'codemode', fns: { ping: async (x) => x } }]);
        return Response.json(outcome);
      }
      default:
        return new Response('no such workload', { status: 404 });
    }
  },
};
