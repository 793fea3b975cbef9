// Runaway code: the wall-time limit and cancellation stop it, and the session goes on.
// Over stdio through the launcher (the JIT path) and over Streamable HTTP (cancellation travels differently).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TRANSPORTS, connect, execute, text } from './support/paddock.mjs';

for (const transport of TRANSPORTS) {
describe(`runaway code (${transport.name})`, { timeout: 120000 }, () => {
  let session;
  before(async () => {
    session = await connect(transport);
    await execute(session.client, '0'); // first run warms the engine; the bounds below are about limits
  });
  after(async () => { await session?.close(); });

  it('stops while(true){} at timeoutMs with a wall-time error, and the next call works', async () => {
    const started = performance.now();
    const result = await execute(session.client, 'while (true) {}', { timeoutMs: 500 });
    const elapsed = performance.now() - started;
    assert.equal(result.isError, true);
    assert.match(text(result), /wall-time/);
    // Far below the 30 s server limit either way; the HTTP run uses the interpreter jar plus an HTTP round
    // trip per call, so its margin is wider on a loaded 2-core machine.
    assert.ok(elapsed < (transport.http ? 3000 : 1500), `took ${Math.round(elapsed)} ms`);

    const next = await execute(session.client, 'async () => "still alive"');
    assert.ok(!next.isError, text(next));
    assert.equal(next.structuredContent.result, 'still alive');
  });

  it('stops a running call when the client cancels it, and the next call is answered at once', async () => {
    const controller = new AbortController();
    const running = execute(session.client, 'globalThis.beforeCancel = 1; while (true) {}', {}, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 500));
    controller.abort('the user changed their mind');
    await assert.rejects(running);

    // The isolate runs one call at a time: a run that went on would hold this one for 30 s.
    const started = performance.now();
    const next = await execute(session.client, 'globalThis.beforeCancel', {}, { timeout: 10000 });
    const elapsed = performance.now() - started;
    assert.ok(!next.isError, text(next));
    assert.equal(next.structuredContent.result, 1, 'the session and its globals survive cancellation');
    assert.ok(elapsed < 2000, `next call took ${Math.round(elapsed)} ms`);
  });
});
}
