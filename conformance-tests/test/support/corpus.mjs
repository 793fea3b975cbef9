// Captures `tools/list` of real MCP servers installed from npm, so tool-defs is checked against what
// servers actually publish rather than hand-copied schemas.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The servers of the corpus: npm package, extra arguments, and the namespace their types get. */
export const CORPUS_SERVERS = [
  { namespace: 'everything', pkg: '@modelcontextprotocol/server-everything', args: ['stdio'] },
  { namespace: 'memory', pkg: '@modelcontextprotocol/server-memory', args: [] },
  { namespace: 'filesystem', pkg: '@modelcontextprotocol/server-filesystem', args: ['<tmpdir>'] },
  { namespace: 'sequential_thinking', pkg: '@modelcontextprotocol/server-sequential-thinking', args: [] },
];

/** The three servers the token-economy target is stated for (issue: ≥ 3× fewer tokens together). */
export const TOKEN_TARGET_SERVERS = ['everything', 'memory', 'filesystem'];

/** The file an npm package's (first) bin points at, to run with this Node rather than a shebang's. */
export function entryPoint(pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`);
  const manifest = require(manifestPath);
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin)[0];
  return join(dirname(manifestPath), bin);
}

/** Starts one server over stdio, returns its `tools/list` result as served. */
export async function captureTools(server) {
  const scratch = mkdtempSync(join(tmpdir(), 'paddock-corpus-'));
  const args = server.args.map((a) => (a === '<tmpdir>' ? scratch : a));
  const client = new Client({ name: 'paddock-corpus', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [entryPoint(server.pkg), ...args],
    stderr: 'ignore',
    env: { ...process.env, HOME: scratch, MEMORY_FILE_PATH: join(scratch, 'memory.jsonl') },
  });
  await client.connect(transport);
  try {
    const result = await client.listTools();
    return { tools: result.tools };
  } finally {
    await client.close();
  }
}

/** Captures every corpus server into `dir/<namespace>.tools.json`; returns {namespace: path}. */
export async function captureCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const server of CORPUS_SERVERS) {
    const listed = await captureTools(server);
    const file = join(dir, `${server.namespace}.tools.json`);
    writeFileSync(file, JSON.stringify(listed, null, 2));
    files[server.namespace] = file;
  }
  return files;
}
