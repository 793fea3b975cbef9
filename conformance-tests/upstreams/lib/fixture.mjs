// What every fixture upstream shares: a real MCP server (the official TypeScript SDK's low-level `Server`,
// so input schemas go out byte for byte as written, even ones no zod schema would produce) over stdio, or
// over Streamable HTTP on 127.0.0.1 with `--http PORT` (0 picks a free port; the URL is logged to stderr
// as "listening on http://127.0.0.1:PORT/mcp"). Any other argument is ignored, so a test can tag a
// process with a unique word and find it again with `pgrep -f`.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ListToolsRequestSchema, McpError, ErrorCode } from '@modelcontextprotocol/sdk/types.js';

/** `--http PORT` on the command line, else null (stdio). */
export function httpPort(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--http');
  if (at < 0) return null;
  const port = Number(argv[at + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--http needs a port number (0 for any free one), got '${argv[at + 1]}'`);
    process.exit(2);
  }
  return port;
}

/**
 * A factory of MCP servers named `name` whose tools are `tools` (a live array: [{name, description,
 * inputSchema, call(args, extra)}]); `call` returns a CallToolResult. Adding to the array and calling
 * `server.sendToolListChanged()` is how a fixture changes its tools at runtime.
 */
export function toolServer(name, tools, { capabilities = {} } = {}) {
  return () => {
    const server = new Server({ name, version: '1.0.0' },
      { capabilities: { tools: { listChanged: true }, ...capabilities } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({
      tools: tools.map(({ call, ...definition }) => definition),
    }));
    server.setRequestHandler(CallToolRequestSchema, (request, extra) => {
      const tool = tools.find((t) => t.name === request.params.name);
      if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool '${request.params.name}'`);
      return tool.call(request.params.arguments ?? {}, extra, server);
    });
    return server;
  };
}

/**
 * Serves servers from `newServer` over stdio (one server) or Streamable HTTP (one per session).
 * `observe(message)` sees every message a client sends before the SDK handles it; `stdioTransport`
 * replaces the stdio transport (the garbage fixture writes junk between messages with it).
 */
export async function serve(newServer, { observe, stdioTransport = () => new StdioServerTransport() } = {}) {
  const port = httpPort();
  if (port === null) {
    const transport = stdioTransport();
    await newServer().connect(transport);
    watch(transport, observe);
    // A slow tool's timers would keep the process alive after its client left.
    process.stdin.on('end', () => process.exit(0));
    return;
  }
  const sessions = new Map();
  const http = createHttpServer(async (req, res) => {
    if (new URL(req.url, 'http://x').pathname !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    const id = req.headers['mcp-session-id'];
    let transport = id && sessions.get(id);
    if (!transport) {
      if (id) {
        res.writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32001, message: 'Session not found' }, id: null }));
        return;
      }
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: randomUUID,
        onsessioninitialized: (sessionId) => sessions.set(sessionId, transport),
      });
      transport.onclose = () => sessions.delete(transport.sessionId);
      await newServer().connect(transport);
      watch(transport, observe);
    }
    await transport.handleRequest(req, res);
  });
  http.listen(port, '127.0.0.1', () => {
    console.error(`listening on http://127.0.0.1:${http.address().port}/mcp`);
  });
}

function watch(transport, observe) {
  if (!observe) return;
  const handle = transport.onmessage;
  transport.onmessage = (message, extra) => {
    observe(message);
    handle(message, extra);
  };
}

/** A tool result of one text item holding `value` as JSON. */
export function json(value) {
  return { content: [{ type: 'text', text: JSON.stringify(value) }] };
}

/** The normal tool fixtures carry beside their odd one, so a test can tell "server up" from "tool works". */
export const echoTool = {
  name: 'echo',
  description: 'Returns its message.',
  inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
  call: ({ message }) => json({ echo: message }),
};
