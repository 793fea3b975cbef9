// The peer of Paddock's own MCP server for `scripts/bench peers`: an `execute` tool served by the official
// TypeScript SDK (over stdio, or Streamable HTTP with --http) whose code runs in @cloudflare/codemode's
// DynamicWorkerExecutor on workerd (workerd-main.js, /codemode): a fresh Worker Loader isolate per execute,
// as codemode does. Starts its own workerd, so a cold start counts it. PEERS_DIR names the peers' folder.
//   node codemode-mcp.mjs            stdio
//   node codemode-mcp.mjs --http     prints "listening on http://127.0.0.1:PORT/mcp" on stderr
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startWorkerd } from './workerd.mjs';

const peersDir = process.env.PEERS_DIR ?? import.meta.dirname;
const requirePeer = createRequire(path.join(peersDir, 'package.json'));
const load = (specifier) => import(requirePeer.resolve(specifier));
const { McpServer } = await load('@modelcontextprotocol/sdk/server/mcp.js');
const { StdioServerTransport } = await load('@modelcontextprotocol/sdk/server/stdio.js');
const { StreamableHTTPServerTransport } = await load('@modelcontextprotocol/sdk/server/streamableHttp.js');
const { z } = await load('zod');

const workerd = await startWorkerd(peersDir);
process.on('exit', () => workerd.child.kill('SIGKILL'));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));

function newServer() {
  const server = new McpServer({ name: 'codemode-on-workerd', version: '1.0.0' });
  server.registerTool('execute', { description: 'Runs JavaScript in a fresh Worker Loader isolate (codemode).',
    inputSchema: { code: z.string() } }, async ({ code }) => {
    // codemode runs an async arrow function; Paddock's execute runs a function body.
    const response = await fetch(`${workerd.url}/codemode`, { method: 'POST', body: `async () => { ${code} }` });
    const outcome = await response.json();
    if (outcome.error) return { isError: true, content: [{ type: 'text', text: outcome.error }] };
    return { content: [{ type: 'text', text: JSON.stringify(outcome.result) }], structuredContent: { result: outcome.result } };
  });
  return server;
}

if (!process.argv.includes('--http')) {
  process.stdin.on('end', () => process.exit(0));
  await newServer().connect(new StdioServerTransport());
} else {
  const sessions = new Map();
  const http = createServer(async (req, res) => {
    const chunks = [];
    for await (const c of req) chunks.push(c);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks)) : undefined;
    let transport = sessions.get(req.headers['mcp-session-id']);
    if (!transport) {
      transport = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID,
        onsessioninitialized: (id) => sessions.set(id, transport) });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await newServer().connect(transport);
    }
    await transport.handleRequest(req, res, body);
  });
  http.listen(0, '127.0.0.1', () => console.error(`listening on http://127.0.0.1:${http.address().port}/mcp`));
}
