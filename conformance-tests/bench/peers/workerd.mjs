// Starts workerd with workerd-main.js and a Worker Loader binding (loaders need --experimental) on a free
// loopback port. workerd's config embeds modules by paths relative to the config file, so the config and
// links to the modules (workerd-main.js, @cloudflare/codemode's dist files and acorn) go in a temp folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';

// index.js of @cloudflare/codemode and the chunks it imports (a bare `acorn` import is served by acorn.mjs).
const CODEMODE_MODULES = ['index.js', 'json-schema-types-D_m9tVnI.js', 'run-code-Q3Jh6Dcu.js', 'resolve-34dC47Il.js',
  'truncate-Dd-VZZYQ.js', 'base-BqhlNCSH.js'];

export function workerdBinary(peersDir) {
  return path.join(peersDir, 'node_modules', '@cloudflare', 'workerd-linux-64', 'bin', 'workerd');
}

export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

/** Resolves with { url, pid, stop() } once workerd answers /baseline; rejects naming what went wrong. */
export async function startWorkerd(peersDir) {
  const dir = mkdtempSync(path.join(tmpdir(), 'paddock-workerd-'));
  const codemode = path.join(peersDir, 'node_modules', '@cloudflare', 'codemode', 'dist');
  symlinkSync(path.join(import.meta.dirname, 'workerd-main.js'), path.join(dir, 'main.js'));
  for (const m of CODEMODE_MODULES) symlinkSync(path.join(codemode, m), path.join(dir, m));
  symlinkSync(path.join(peersDir, 'node_modules', 'acorn', 'dist', 'acorn.mjs'), path.join(dir, 'acorn.mjs'));
  const port = await freePort();
  writeFileSync(path.join(dir, 'config.capnp'), `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .main) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const main :Workerd.Worker = (
  modules = [
    (name = "main.js", esModule = embed "main.js"),
${CODEMODE_MODULES.map((m) => `    (name = "${m}", esModule = embed "${m}"),`).join('\n')}
    (name = "acorn", esModule = embed "acorn.mjs"),
  ],
  compatibilityDate = "2025-06-01",
  compatibilityFlags = ["nodejs_compat"],
  bindings = [ (name = "LOADER", workerLoader = ()) ],
);
`);
  const child = spawn(workerdBinary(peersDir), ['serve', '--experimental', path.join(dir, 'config.capnp')],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) { child.kill('SIGTERM'); await once(child, 'exit'); }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}) before serving:\n${stderr}`);
    try {
      if ((await fetch(`${url}/baseline`)).ok) return { url, pid: child.pid, child, stderr: () => stderr, stop };
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`workerd did not answer within 30 s:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 20));
  }
}
