// Upstream MCP servers for the tests and benchmarks of Paddock's `mcpServers`: the real npm servers, run
// from node_modules with this Node (no network), and the bad fixtures in ../../upstreams/. Each comes as a
// {command, args, env} launch spec, the shape of a Claude Desktop `mcpServers` entry.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { entryPoint } from './corpus.mjs';

export const UPSTREAMS_DIR = path.resolve(import.meta.dirname, '../../upstreams');
const LOOPBACK = path.join(UPSTREAMS_DIR, 'lib', 'loopback.mjs');

/** A fixture server from upstreams/ (`name` without .mjs); extra args tag the process or pass `--http PORT`. */
export function fixture(name, args = [], env = {}) {
  return { command: process.execPath, args: [path.join(UPSTREAMS_DIR, `${name}.mjs`), ...args], env };
}

/** server-memory keeping its graph in `file` (by default it writes into node_modules). */
export function memoryServer(file, args = []) {
  return { command: process.execPath, args: [entryPoint('@modelcontextprotocol/server-memory'), ...args],
    env: { MEMORY_FILE_PATH: file } };
}

/** server-filesystem allowed to read and write `dir` only. */
export function filesystemServer(dir) {
  return { command: process.execPath, args: [entryPoint('@modelcontextprotocol/server-filesystem'), dir], env: {} };
}

/** server-everything over stdio. */
export function everythingServer(args = []) {
  return { command: process.execPath, args: [entryPoint('@modelcontextprotocol/server-everything'), 'stdio', ...args], env: {} };
}

/**
 * server-everything in its Streamable HTTP mode (`streamableHttp`, port from $PORT, path /mcp), made to
 * bind 127.0.0.1 (it listens on every interface otherwise). Resolves once it listens.
 */
export async function startEverythingHttp(args = []) {
  const port = await freePort();
  const spec = { command: process.execPath,
    args: ['--import', LOOPBACK, entryPoint('@modelcontextprotocol/server-everything'), 'streamableHttp', ...args],
    env: { PORT: String(port) } };
  return startHttpServer(spec, /listening on port (\d+)/);
}

/** A fixture from upstreams/ over Streamable HTTP on a free loopback port; resolves once it listens. */
export function startFixtureHttp(name, args = [], env = {}) {
  return startHttpServer(fixture(name, ['--http', '0', ...args], env), /listening on http:\/\/127\.0\.0\.1:(\d+)\/mcp/);
}

async function startHttpServer(spec, listening) {
  const child = spawn(spec.command, spec.args, { env: { ...process.env, ...spec.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${spec.args.join(' ')} did not listen within 20 s:\n${stderr}`)); }, 20000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${spec.args.join(' ')} exited (${code}):\n${stderr}`)); });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      const m = stderr.match(listening);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
  });
  child.removeAllListeners('exit');
  return {
    child, url: `http://127.0.0.1:${port}/mcp`, stderr: () => stderr,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** A TCP port free on 127.0.0.1 right now, for servers that cannot be told to pick one. */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** The official TypeScript SDK client on a launch spec over stdio; `timeout` (ms) bounds `initialize`. */
export async function connectStdio(spec, { capabilities = {}, timeout } = {}) {
  const transport = new StdioClientTransport({
    command: spec.command, args: spec.args, env: { ...process.env, ...spec.env }, stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  const client = new Client({ name: 'paddock-upstream-check', version: '1.0.0' }, { capabilities });
  try {
    await client.connect(transport, { timeout });
  } catch (e) {
    await transport.close().catch(() => {});
    throw e;
  }
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

/** The official TypeScript SDK client on a Streamable HTTP URL; `timeout` (ms) bounds `initialize`. */
export async function connectHttp(url, { timeout } = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url));
  const client = new Client({ name: 'paddock-upstream-check', version: '1.0.0' });
  await client.connect(transport, { timeout });
  return { client, transport, close: async () => { await transport.terminateSession().catch(() => {}); await client.close(); } };
}

/** Writes `dir/paddock.json` naming `servers` ({key: launch spec or {url}}) under "mcpServers"; returns its path. */
export function writeMcpServersConfig(dir, servers, extra = {}) {
  const mcpServers = Object.fromEntries(Object.entries(servers).map(([key, spec]) => [key,
    spec.url ? { url: spec.url } : { command: spec.command, args: spec.args, ...(Object.keys(spec.env ?? {}).length ? { env: spec.env } : {}) }]));
  const file = path.join(dir, 'paddock.json');
  writeFileSync(file, JSON.stringify({ ...extra, mcpServers }, null, 2));
  return file;
}
