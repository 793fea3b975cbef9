// Prints garbage on stdout (stdio only): a banner before the first message, then before every message
// it sends one line of each kind a careless server leaks: plain text, cut-off JSON, and JSON that is
// not JSON-RPC. The messages themselves are valid; its one tool is `echo`.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { echoTool, serve, toolServer } from './lib/fixture.mjs';

const GARBAGE_LINES = ['debug: handling a message', '{"jsonrpc":"2.0","id":', '{"hello":"world"}'];

class GarbageStdioTransport extends StdioServerTransport {
  async send(message) {
    process.stdout.write(GARBAGE_LINES.map((line) => line + '\n').join(''));
    return super.send(message);
  }
}

process.stdout.write('Garbage server v1 starting up...\n');
await serve(toolServer('garbage', [echoTool]), { stdioTransport: () => new GarbageStdioTransport() });
