// Starts the real Paddock server the two documented ways and connects real MCP clients to it.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const LAUNCHER_SCRIPT = path.join(ROOT, 'scripts', 'paddock');
export const SHADED_JAR = path.join(ROOT, 'mcp-server', 'target', 'paddock.jar');

// The same JDK the scripts pick (scripts/test exports it; otherwise ask scripts/lib/jdk.sh).
export const JAVA = process.env.PADDOCK_JAVA || execFileSync('bash', ['-c',
  'source "$1/scripts/lib/jdk.sh" && paddock_select_jdk >&2 && printf %s "$JAVA"', 'jdk', ROOT],
  { encoding: 'utf8' });

/**
 * The two ways to run Paddock: README's `java -jar`, here interpreted (with its AOT cache once recorded), and
 * the launcher, which runs `java -jar` with the JIT where the JDK allows: both runtimes are tested.
 */
export const LAUNCHERS = [
  { name: 'java -jar paddock.jar (PADDOCK_JIT=off)', command: JAVA, args: ['-jar', SHADED_JAR], env: { PADDOCK_JIT: 'off' } },
  { name: 'scripts/paddock', command: LAUNCHER_SCRIPT, args: [], env: {} },
];
export const [JAR, LAUNCHER] = LAUNCHERS;

/**
 * Streamable HTTP: one `paddock serve --http` (java -jar, JIT where the JDK allows) per test file, started on first use;
 * each connect() is a new MCP session on it.
 */
export const HTTP = { name: 'Streamable HTTP (java -jar paddock.jar serve --http)', http: true, command: JAVA,
  args: ['-jar', SHADED_JAR] };
/** The transports the client-facing tests run over. */
export const TRANSPORTS = [LAUNCHER, HTTP];

let sharedHttp;

/**
 * Starts `paddock serve --http 127.0.0.1:0` with extra arguments (and env); resolves once it logs its URL.
 * Returns { url, base, stderr(), stop() } — stop() sends SIGTERM and resolves with the exit code.
 */
export function startHttp(args = [], { env = {}, command = JAVA, commandArgs = ['-jar', SHADED_JAR], listen = '127.0.0.1:0' } = {}) {
  const child = spawn(command, [...commandArgs, 'serve', '--http', listen, ...args],
  { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`no URL logged within 60 s:\n${stderr}`)); }, 60000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`paddock serve --http exited (${code}):\n${stderr}`)); });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
      const m = stderr.match(/serving MCP over Streamable HTTP at (http:\/\/\S+\/mcp)/);
      if (m) {
        clearTimeout(timer);
        const url = m[1];
        resolve({
          child, url, base: url.slice(0, -'/mcp'.length), stderr: () => stderr,
          stop: () => {
            if (child.exitCode !== null) return Promise.resolve(child.exitCode);
            child.kill('SIGTERM');
            return once(child, 'exit').then(([code]) => code);
          },
        });
      }
    });
  });
}

/** An MCP session on a Streamable HTTP URL through the official TypeScript SDK client. */
export async function connectUrl(url, { token, stderr = () => '' } = {}) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: 'paddock-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, transport, stderr, close: async () => { await transport.terminateSession().catch(() => {}); await client.close(); } };
}

let sharedChild;

async function connectHttp() {
  // Unreferenced, so the test file can end while it runs; killed when the file's process exits.
  sharedHttp ??= startHttp().then((s) => { sharedChild = s.child; s.child.unref(); s.child.stderr.unref(); return s; });
  const server = await sharedHttp;
  return connectUrl(server.url, { stderr: server.stderr });
}

process.on('exit', () => { sharedChild?.kill('SIGKILL'); });

/**
 * Opens one MCP session (one server process; over HTTP a new session on the file's shared server) through
 * the official TypeScript SDK client; `serveArgs` go after `serve` (e.g. ['--config', file]) and `env` is
 * added to the server's environment (stdio only).
 */
export async function connect(launcher = LAUNCHER, serveArgs = [], { env = {} } = {}) {
  if (launcher.http) return connectHttp();
  const transport = new StdioClientTransport({
    command: launcher.command,
    args: [...launcher.args, 'serve', ...serveArgs],
    env: { ...process.env, ...launcher.env, ...env },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  const client = new Client({ name: 'paddock-e2e', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (e) {
    await transport.close().catch(() => {});
    throw new Error(`${launcher.name} did not complete initialize: ${e.message}\nserver stderr:\n${stderr}`);
  }
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

/** Calls `execute` and returns the raw tool result. */
export function execute(client, code, extra = {}, options = {}) {
  return client.callTool({ name: 'execute', arguments: { code, ...extra } }, undefined, options);
}

/** Text of a tool result's content, for error assertions and messages. */
export function text(result) {
  return (result.content ?? []).filter((c) => c.type === 'text').map((c) => c.text).join('\n');
}

/** A server process driven by raw JSON lines, for what the SDK client never sends. */
export function spawnRaw(launcher = LAUNCHER, args = []) {
  const child = spawn(launcher.command, [...launcher.args, ...args], {
    env: { ...process.env, ...launcher.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines = [];
  const waiters = [];
  let buffered = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const w of [...waiters]) w();
    }
  });
  const exited = once(child, 'exit');
  let closed = false; // after 'close' all of stdout has been read
  child.on('close', () => { closed = true; for (const w of [...waiters]) w(); });

  /** Resolves with the first stdout message (parsed) that satisfies `predicate`. */
  function waitFor(predicate, timeoutMs = 20000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        remove();
        reject(new Error(`no matching line within ${timeoutMs} ms; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
      }, timeoutMs);
      const check = () => {
        for (let i = 0; i < lines.length; i++) {
          let message;
          try { message = JSON.parse(lines[i]); } catch { continue; }
          if (predicate(message)) { clearTimeout(timer); remove(); resolve(message); return; }
        }
        if (closed) {
          clearTimeout(timer);
          remove();
          reject(new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering; stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`));
          return;
        }
      };
      const remove = () => { const i = waiters.indexOf(check); if (i >= 0) waiters.splice(i, 1); };
      waiters.push(check);
      check();
    });
  }

  return {
    child,
    lines,
    exited,
    stderr: () => stderr,
    writeLine: (line) => child.stdin.write(line + '\n'),
    send: (message) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n'),
    waitFor,
    response: (id, timeoutMs) => waitFor((m) => m.id === id && ('result' in m || 'error' in m), timeoutMs),
    kill: () => { if (child.exitCode === null) child.kill('SIGKILL'); },
  };
}

/** Runs a Paddock CLI command to completion. */
export function run(launcher, args, { input, timeoutMs = 60000, env = {} } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(launcher.command, [...launcher.args, ...args], {
      cwd: ROOT, env: { ...process.env, ...launcher.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`timed out: ${args.join(' ')}\n${stderr}`)); }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
    child.stdin.end(input ?? '');
  });
}
