// Capabilities end to end: the bundled CSV example through the official SDK client, path escapes,
// per-connection state, and persisted state that survives kill -9 right after the write.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAR, ROOT, connect, execute, spawnRaw, text } from './support/paddock.mjs';

const CSV_CONFIG = path.join(ROOT, 'examples', 'csv', 'paddock.json');

describe('the files capability of examples/csv', { timeout: 180000 }, () => {
  let session;
  before(async () => { session = await connect(JAR, ['--config', CSV_CONFIG]); });
  after(async () => { await session?.close(); });

  it('declares files in the execute description', async () => {
    const { tools } = await session.client.listTools();
    const description = tools.find((t) => t.name === 'execute').description;
    assert.match(description, /declare const files: \{/);
    assert.match(description, /read\(input: \{ path: string \}\): Promise<string>;/);
  });

  it('runs an agent script chaining three capability calls over the example CSV', async () => {
    const result = await execute(session.client, `
      const [entry] = await files.list({});
      const info = await files.stat({ path: entry.name });
      const csv = await files.read({ path: entry.name });
      const rows = csv.trim().split("\\n").slice(1).map((l) => l.split(","));
      const units = rows.reduce((sum, r) => sum + Number(r[4]), 0);
      return { file: entry.name, bytes: info.size, orders: rows.length, units };`);
    assert.equal(result.isError, false, text(result));
    assert.equal(result.structuredContent.result.file, 'orders.csv');
    assert.equal(result.structuredContent.result.orders, 60);
    assert.ok(result.structuredContent.result.units > 60);
  });

  for (const [what, p] of [['dot-dot traversal', '../../etc/passwd'], ['an absolute path', '/etc/passwd'],
    ['a backslash traversal', '..\\\\..\\\\etc\\\\passwd']]) {
    it(`refuses ${what} with a clear error`, async () => {
      const result = await execute(session.client, `return await files.read({ path: ${JSON.stringify(p)} })`);
      assert.equal(result.isError, true);
      assert.match(text(result), /EACCES|EINVAL|absolute|'\.\.'|backslash/);
      assert.doesNotMatch(text(result), /root:x:0:0/);
    });
  }

  it('rejects wrong argument types with a TypeError naming the field', async () => {
    const result = await execute(session.client, 'try { await files.read({ path: 1 }) } catch (e) { return e.name + ": " + e.message }');
    assert.equal(result.structuredContent.result, 'TypeError: files.read: input.path must be a string (got a number)');
  });
});

describe('symbolic links out of a files root', { timeout: 120000 }, () => {
  let session;
  before(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-links-'));
    mkdirSync(path.join(dir, 'root'));
    writeFileSync(path.join(dir, 'secret.txt'), 'do not read');
    symlinkSync(path.join(dir, 'secret.txt'), path.join(dir, 'root', 'link.txt'));
    writeFileSync(path.join(dir, 'paddock.json'), JSON.stringify({ capabilities: { files: { root: 'root' } } }));
    session = await connect(JAR, ['--config', path.join(dir, 'paddock.json')]);
  });
  after(async () => { await session?.close(); });

  it('are refused', async () => {
    const result = await execute(session.client, 'return await files.read({ path: "link.txt" })');
    assert.equal(result.isError, true);
    assert.match(text(result), /symbolic link that points outside/);
    assert.doesNotMatch(text(result), /do not read/);
  });
});

describe('the state capability', { timeout: 180000 }, () => {
  it('keeps in-memory state per connection', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-state-'));
    writeFileSync(path.join(dir, 'paddock.json'), JSON.stringify({ capabilities: { state: {} } }));
    const config = ['--config', path.join(dir, 'paddock.json')];
    const [a, b] = await Promise.all([connect(JAR, config), connect(JAR, config)]);
    try {
      await execute(a.client, 'await state.set({ key: "cart", value: [1, 2, 3] })');
      const own = await execute(a.client, 'return await state.get({ key: "cart" })');
      const other = await execute(b.client, 'return await state.get({ key: "cart" })');
      assert.deepEqual(own.structuredContent.result, [1, 2, 3]);
      assert.equal(other.structuredContent.result, null);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('persists state that survives kill -9 right after the write', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-persist-'));
    writeFileSync(path.join(dir, 'paddock.json'), JSON.stringify({ capabilities: { state: { persistDir: 'state' } } }));
    const args = ['--config', path.join(dir, 'paddock.json'), 'serve'];
    const init = { method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } };

    const first = spawnRaw(JAR, args);
    first.send({ id: 1, ...init });
    await first.response(1, 60000);
    first.send({ method: 'notifications/initialized' });
    first.send({ id: 2, method: 'tools/call', params: { name: 'execute', arguments: { code: 'return await state.set({ key: "report", value: { total: 42 } })' } } });
    const written = await first.response(2, 60000);
    first.kill(); // SIGKILL the moment the write is acknowledged
    await first.exited;
    assert.equal(written.result.isError, false, JSON.stringify(written));

    const second = spawnRaw(JAR, args);
    try {
      second.send({ id: 1, ...init });
      await second.response(1, 60000);
      second.send({ method: 'notifications/initialized' });
      second.send({ id: 2, method: 'tools/call', params: { name: 'execute', arguments: { code: 'return await state.get({ key: "report" })' } } });
      const read = await second.response(2, 60000);
      assert.deepEqual(read.result.structuredContent.result, { total: 42 });
    } finally {
      second.kill();
    }
  });
});
