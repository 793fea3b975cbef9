// The stdio transport as a raw peer sees it: garbage in, clean JSON-RPC out, prompt exit at EOF.
// Run once, through the shaded jar started the README's way (no subcommand: `serve` is the default).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { JAR, spawnRaw } from './support/paddock.mjs';

describe(`the stdio transport (${JAR.name})`, { timeout: 120000 }, () => {
  let server;
  before(() => { server = spawnRaw(JAR); });
  after(() => server.kill());

  it('answers a malformed line with a -32700 parse error and goes on', async () => {
    server.writeLine('this is { not JSON');
    const error = await server.waitFor((m) => m.error?.code === -32700);
    assert.equal(error.jsonrpc, '2.0');
    assert.equal(error.id, null);

    server.send({ id: 1, method: 'initialize', params: {
      protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
    const init = await server.response(1);
    assert.equal(init.result.protocolVersion, '2025-11-25');
    assert.equal(init.result.serverInfo.name, 'paddock');
    server.send({ method: 'notifications/initialized' });
  });

  it('writes only JSON-RPC messages to stdout, even when agent code logs', async () => {
    server.send({ id: 2, method: 'tools/call', params: { name: 'execute', arguments: {
      code: 'console.log("to the log, not stdout"); console.error("also not stdout"); 7' } } });
    const call = await server.response(2);
    assert.equal(call.result.structuredContent.result, 7);
    const logs = JSON.stringify(call.result.structuredContent.logs);
    assert.match(logs, /to the log, not stdout/);
    server.writeLine('{"jsonrpc":"2.0","id":3,"method":"tools/list"');
    server.send({ id: 4, method: 'tools/list' });
    await server.response(4);
    assert.ok(server.lines.length >= 4);
    for (const line of server.lines) {
      const message = JSON.parse(line); // throws on anything that is not JSON
      assert.equal(message.jsonrpc, '2.0', line);
    }
  });

  it('exits promptly when stdin closes', async () => {
    assert.equal(server.child.exitCode, null, 'the server was still running before EOF');
    const started = performance.now();
    server.child.stdin.end();
    const [code] = await server.exited;
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 2000, `exited ${Math.round(elapsed)} ms after EOF`);
    assert.equal(code, 0, server.stderr());
  });
});
