// The bad upstream fixtures in upstreams/ do what they are for, checked by driving each one directly with
// the official TypeScript SDK client: these assertions keep the fixtures honest, so a Paddock test that
// passes against one of them shows Paddock coping, not a fixture that stopped misbehaving.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoggingMessageNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { JAVA, SHADED_JAR, spawnRaw, text } from './support/paddock.mjs';
import { connectHttp, connectStdio, fixture, startFixtureHttp } from './support/upstreams.mjs';
import { AUDIO, BLOB_RESOURCE, CONTENT, IMAGE, RESOURCE_LINK, TEXT_RESOURCE } from '../upstreams/lib/media.mjs';

const require = createRequire(import.meta.url);
const work = mkdtempSync(path.join(tmpdir(), 'paddock-upstream-fixtures-'));
const INITIALIZE = { id: 1, method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } };

const open = [];
after(async () => { for (const closeable of open.reverse()) await closeable(); });

/** Connects over stdio, or over HTTP to the fixture started on a free port; closed after the file. */
async function connect(name, transport, env = {}) {
  if (transport === 'stdio') {
    const session = await connectStdio(fixture(name, [], env));
    open.push(() => session.close());
    return session;
  }
  const server = await startFixtureHttp(name, [], env);
  open.push(() => server.stop());
  const session = await connectHttp(server.url);
  open.push(() => session.close());
  return { ...session, server };
}

/**
 * One tools/call over stdio read as raw lines: the TS SDK stdio client refuses a message over 10 MB
 * (closing the connection) and, with its limit raised, takes ~16 s for 50 MB (it re-copies its buffer on
 * every chunk); this reads it in well under a second.
 */
async function rawCall(spec, params) {
  const child = spawn(spec.command, spec.args, { stdio: ['pipe', 'pipe', 'inherit'] });
  open.push(async () => child.kill('SIGKILL'));
  const send = (message) => child.stdin.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
  send(INITIALIZE);
  send({ method: 'notifications/initialized' });
  send({ id: 2, method: 'tools/call', params });
  let pending = [];
  for await (const chunk of child.stdout) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, newline));
      const message = JSON.parse(Buffer.concat(pending).toString('utf8'));
      pending = [];
      start = newline + 1;
      if (message.id === 2) {
        child.stdin.end();
        if (message.error) throw new Error(JSON.stringify(message.error));
        return message.result;
      }
    }
    pending.push(chunk.subarray(start));
  }
  throw new Error(`${spec.args.join(' ')} ended before answering tools/call`);
}

/** Resolves once `predicate()` holds, polling; rejects with `what` after `ms`. */
async function eventually(predicate, what, ms = 10000) {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('silent: never answers initialize', () => {
  it('over stdio, initialize gets no answer at all', async () => {
    const raw = spawnRaw(fixture('silent'));
    open.push(async () => raw.kill());
    raw.send(INITIALIZE);
    await assert.rejects(raw.response(1, 1500), /no matching line within 1500 ms/);
    assert.deepEqual(raw.lines, []);
  });

  it('over HTTP, the initialize request is held open, so a client times out', async () => {
    const server = await startFixtureHttp('silent');
    open.push(() => server.stop());
    await assert.rejects(connectHttp(server.url, { timeout: 1000 }), /Request timed out/);
  });
});

describe('garbage: junk lines on stdout between valid messages', () => {
  it('prints a banner and junk of three kinds around a valid initialize answer', async () => {
    const raw = spawnRaw(fixture('garbage'));
    open.push(async () => raw.kill());
    raw.send(INITIALIZE);
    const answer = await raw.response(1);
    assert.equal(answer.result.serverInfo.name, 'garbage');
    assert.deepEqual(raw.lines.slice(0, 4),
      ['Garbage server v1 starting up...', 'debug: handling a message', '{"jsonrpc":"2.0","id":', '{"hello":"world"}']);
  });

  it('still answers calls for a client that skips the junk', async () => {
    const { client } = await connect('garbage', 'stdio');
    assert.deepEqual(JSON.parse(text(await client.callTool({ name: 'echo', arguments: { message: 'hi' } }))), { echo: 'hi' });
  });
});

for (const transport of ['stdio', 'http']) {
  describe(`over ${transport}`, () => {
    it('huge: returns one text item of 50 MB', async () => {
      const result = transport === 'stdio'
        ? await rawCall(fixture('huge'), { name: 'huge', arguments: {} })
        : await (await connect('huge', transport)).client.callTool({ name: 'huge', arguments: {} });
      assert.equal(result.content.length, 1);
      assert.equal(result.content[0].text.length, 50 * 1024 * 1024);
    });

    it('crash: echo works, then exit_mid_call ends the process without an answer', async () => {
      const session = await connect('crash', transport);
      assert.deepEqual(JSON.parse(text(await session.client.callTool({ name: 'echo', arguments: { message: 'up' } }))), { echo: 'up' });
      const progress = [];
      // Over stdio the SDK client sees the pipe close; over HTTP it only sees the SSE stream end and waits
      // for a reconnection that never comes, so there the call ends by its timeout.
      await assert.rejects(session.client.callTool({ name: 'exit_mid_call', arguments: { code: 3 } }, undefined,
        { onprogress: (p) => progress.push(p.progress), timeout: 1500 }),
      transport === 'stdio' ? /Connection closed/ : /Request timed out/);
      assert.deepEqual(progress, [1]);
      if (transport === 'http') assert.equal(session.server.child.exitCode, 3);
    });

    it('changing: add_tool adds a tool and announces it with tools/list_changed', async () => {
      const { client } = await connect('changing', transport);
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name), ['add_tool']);
      const changed = new Promise((resolve) => client.setNotificationHandler(ToolListChangedNotificationSchema, resolve));
      await client.callTool({ name: 'add_tool', arguments: { name: 'fresh' } });
      await changed;
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name), ['add_tool', 'fresh']);
      assert.deepEqual(JSON.parse(text(await client.callTool({ name: 'fresh', arguments: {} }))), { tool: 'fresh' });
    });

    it('slow: emits progress and logs per step, and records the cancellation it received', async () => {
      const record = path.join(work, `slow-${transport}.jsonl`);
      const { client } = await connect('slow', transport, { UPSTREAM_RECORD: record });
      const logs = [];
      client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(n.params.data));
      const progress = [];
      const abort = new AbortController();
      const call = client.callTool({ name: 'slow', arguments: { steps: 50, stepMs: 50 } }, undefined, {
        signal: abort.signal,
        onprogress: (p) => { progress.push(p.progress); if (p.progress === 2) abort.abort('enough'); },
      });
      await assert.rejects(call, /enough|abort/i);
      const events = () => existsSync(record)
        ? readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line)) : [];
      await eventually(() => events().some((e) => e.event === 'aborted'), 'the fixture records the abort');
      const seen = events();
      const requestId = seen[0].requestId;
      assert.deepEqual(seen[0], { event: 'call', requestId, progressToken: seen[0].progressToken });
      assert.notEqual(seen[0].progressToken, null);
      assert.deepEqual(seen.filter((e) => e.event === 'cancelled'), [{ event: 'cancelled', requestId, reason: 'enough' }]);
      assert.deepEqual(seen.filter((e) => e.event === 'progress').map((e) => e.progress).slice(0, 2), [1, 2]);
      assert.ok(seen.some((e) => e.event === 'log' && e.data === 'step 1 of 50'), JSON.stringify(seen));
      assert.ok(!seen.some((e) => e.event === 'finished'), 'a cancelled call does not finish');
      assert.deepEqual(progress.slice(0, 2), [1, 2]);
      assert.ok(logs.includes('step 1 of 50'), `log notifications reach the client: ${logs}`);
    });

    it('media: image, audio, resource links and embedded resources, exactly as declared', async () => {
      const { client } = await connect('media', transport);
      const call = async (name) => (await client.callTool({ name, arguments: {} })).content;
      const [image] = await call('image');
      assert.deepEqual(image, CONTENT.image);
      assert.equal(image.mimeType, IMAGE.mimeType);
      assert.equal(Buffer.from(image.data, 'base64').length, IMAGE.size);
      const [audio] = await call('audio');
      assert.equal(audio.mimeType, AUDIO.mimeType);
      assert.equal(Buffer.from(audio.data, 'base64').length, AUDIO.size);
      assert.deepEqual(await call('resource_link'), [{ type: 'resource_link', ...RESOURCE_LINK }]);
      const [textResource, blobResource] = await call('resource');
      assert.deepEqual(textResource, { type: 'resource', resource: TEXT_RESOURCE });
      assert.equal(blobResource.resource.mimeType, BLOB_RESOURCE.mimeType);
      assert.equal(Buffer.from(blobResource.resource.blob, 'base64').length, BLOB_RESOURCE.size);
      assert.deepEqual((await call('mixed')).map((c) => c.type),
        ['text', 'image', 'audio', 'resource_link', 'resource', 'resource']);
    });
  });
}

describe('unrenderable: a tool schema tool-defs cannot turn into TypeScript', () => {
  it('lists loop (self-referential $defs) beside a working echo', async () => {
    const { client } = await connect('unrenderable', 'stdio');
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['loop', 'echo']);
    assert.deepEqual(tools[0].inputSchema.$defs, { Loop: { $ref: '#/$defs/Loop' } });
    assert.deepEqual(JSON.parse(text(await client.callTool({ name: 'echo', arguments: { message: 'ok' } }))), { echo: 'ok' });

    // `paddock types --from-schema` either refuses the tool or renders TypeScript that does not compile.
    const listed = path.join(work, 'unrenderable.tools.json');
    writeFileSync(listed, JSON.stringify({ tools }));
    let ts;
    try {
      ts = execFileSync(JAVA, ['-jar', SHADED_JAR, 'types', '--from-schema', listed, '--namespace', 'unrenderable'],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      assert.equal(e.status, 2, `tool-defs fails cleanly on the schema:\n${e.stderr}`);
      return;
    }
    const file = path.join(work, 'unrenderable.d.ts');
    writeFileSync(file, ts);
    const tsc = require.resolve('typescript/bin/tsc');
    assert.throws(() => execFileSync(process.execPath, [tsc, '--noEmit', '--strict', file], { encoding: 'utf8' }),
      (e) => /TS2456/.test(e.stdout), `tsc accepts what tool-defs rendered for loop:\n${ts}`);
  });
});

describe('every fixture', () => {
  it('ends when its client closes stdin', async () => {
    for (const name of ['silent', 'garbage', 'slow']) {
      const raw = spawnRaw(fixture(name));
      raw.child.stdin.end();
      const [code] = await raw.exited;
      assert.equal(code, 0, `${name} exits 0 when stdin ends`);
    }
  });
});
