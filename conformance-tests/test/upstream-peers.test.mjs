// Upstream MCP servers as namespaces inside `execute` (issue 11), end to end: Paddock configured with real
// npm servers (server-memory, server-filesystem on a temp dir, server-everything over stdio and over its
// Streamable HTTP mode) and the bad fixtures in upstreams/, driven by the official TypeScript SDK client.
// Written against the documented behaviour: each server a namespace named by its key ('-' becomes '_');
// structuredContent becomes the value, all-text content parsed JSON else the string, binary content an
// object with mimeType and size; isError throws with code UPSTREAM_ERROR; a dead upstream fails calls at
// once with "upstream 'x' is unavailable: <reason>; retrying in N s" until it is back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LoggingMessageNotificationSchema, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { LAUNCHER, connect, connectUrl, execute, startHttp, text } from './support/paddock.mjs';
import {
  everythingServer, filesystemServer, fixture, memoryServer, startEverythingHttp, writeMcpServersConfig,
} from './support/upstreams.mjs';
import { AUDIO, BLOB_RESOURCE, CONTENT, IMAGE, RESOURCE_LINK, TEXT_RESOURCE } from '../upstreams/lib/media.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'paddock-upstream-peers-'));
// Every upstream process gets a word unique to this run in its command line, to be found with pgrep -f.
const TAG = `paddock-e2e-${process.pid}-${Date.now()}`;
const tag = (name) => `${TAG}-${name}`;
const UNAVAILABLE = (ns) => new RegExp(`upstream '${ns}' is unavailable: .+; retrying in \\d+(\\.\\d+)? s`);

/** Pids of the processes whose command line holds tag(name). */
function pids(name) {
  try {
    return execFileSync('pgrep', ['-f', tag(name)], { encoding: 'utf8' }).trim().split('\n').map(Number);
  } catch (e) {
    if (e.status === 1) return [];
    throw e;
  }
}

function alive(pid) {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

/** Resolves with `probe()`'s first truthy value, polling; rejects naming `what` after `ms`. */
async function eventually(probe, what, ms = 30000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `code` in `execute`; returns { value } or { error } (the error text), and how long it took. */
async function run(client, code, options) {
  const started = performance.now();
  const result = await execute(client, code, {}, options);
  const ms = performance.now() - started;
  return result.isError ? { error: text(result), ms, result } : { value: result.structuredContent.result, ms, result };
}

async function value(client, code, options) {
  const outcome = await run(client, code, options);
  assert.equal(outcome.error, undefined, `execute failed for: ${code}`);
  return outcome.value;
}

async function failure(client, code, options) {
  const outcome = await run(client, code, options);
  assert.ok(outcome.error !== undefined, `execute should have failed for: ${code}\ngot ${JSON.stringify(outcome.value)}`);
  return outcome;
}

async function executeDescription(client) {
  return (await client.listTools()).tools.find((t) => t.name === 'execute').description;
}

describe('real npm servers behind one Paddock (stdio)', () => {
  const dir = path.join(work, 'files');
  const record = path.join(work, 'slow.jsonl');
  const FILES = { 'a.txt': 'alpha', 'b.txt': 'beta', 'c.txt': 'gamma' };
  let everythingHttp;
  let session;
  let graphAfterChain;

  before(async () => {
    mkdirSync(dir);
    for (const [name, content] of Object.entries(FILES)) writeFileSync(path.join(dir, name), content);
    everythingHttp = await startEverythingHttp([tag('everything-http')]);
    const config = writeMcpServersConfig(work, {
      memory: memoryServer(path.join(work, 'memory.jsonl'), [tag('memory')]),
      filesystem: filesystemServer(dir),
      everything: everythingServer([tag('everything')]),
      'everything-http': { url: everythingHttp.url },
      changing: fixture('changing', [tag('changing')]),
      slow: fixture('slow', [tag('slow')], { UPSTREAM_RECORD: record }),
      media: fixture('media', [tag('media')]),
    });
    session = await connect(LAUNCHER, ['--config', config]);
  });

  after(async () => {
    await session?.close();
    await everythingHttp?.stop();
  });

  it('makes each server a namespace typed in the execute description and in paddock://types', async () => {
    const description = await executeDescription(session.client);
    for (const ns of ['memory', 'filesystem', 'everything', 'everything_http', 'changing', 'slow', 'media']) {
      assert.match(description, new RegExp(`declare const ${ns}: \\{`), `namespace ${ns} in:\n${description}`);
    }
    assert.match(description, /read_graph\(/);
    assert.match(description, /get_sum\(/, "server-everything's get-sum is sanitised to get_sum");
    const types = await session.client.readResource({ uri: 'paddock://types/filesystem.d.ts' });
    assert.match(types.contents[0].text, /list_directory\(/);
  });

  it('chains memory and filesystem calls in one execute and returns the combined data', async () => {
    const combined = await value(session.client, `
      await memory.create_entities({ entities: [
        { name: 'Ada Lovelace', entityType: 'person', observations: ['wrote the first published program'] },
        { name: 'Analytical Engine', entityType: 'machine', observations: ['designed by Charles Babbage'] },
      ] });
      await memory.create_relations({ relations: [
        { from: 'Ada Lovelace', to: 'Analytical Engine', relationType: 'programmed' },
      ] });
      const graph = await memory.read_graph({});
      const listing = await filesystem.list_directory({ path: ${JSON.stringify(dir)} });
      const names = listing.content.split('\\n').filter((l) => l.startsWith('[FILE] ')).map((l) => l.slice(7));
      const files = {};
      for (const name of names) {
        files[name] = (await filesystem.read_text_file({ path: ${JSON.stringify(dir)} + '/' + name })).content;
      }
      return { graph, files };`);
    graphAfterChain = {
      entities: [
        { name: 'Ada Lovelace', entityType: 'person', observations: ['wrote the first published program'] },
        { name: 'Analytical Engine', entityType: 'machine', observations: ['designed by Charles Babbage'] },
      ],
      relations: [{ from: 'Ada Lovelace', to: 'Analytical Engine', relationType: 'programmed' }],
    };
    assert.deepEqual(combined, { graph: graphAfterChain, files: FILES });
  });

  it('reaches server-everything over stdio and over Streamable HTTP; text results stay strings', async () => {
    assert.deepEqual(await value(session.client, `return [
      await everything.echo({ message: 'over stdio' }),
      await everything_http.echo({ message: 'over http' }),
      await everything.get_sum({ a: 2, b: 3 }),
    ]`), ['Echo: over stdio', 'Echo: over http', 'The sum of 2 and 3 is 5.']);
  });

  it("turns an upstream isError result into an Error with the server's text and code UPSTREAM_ERROR", async () => {
    const caught = await value(session.client, `
      try { await filesystem.read_text_file({ path: '/etc/hostname' }); return 'no error'; }
      catch (e) { return { isError: e instanceof Error, code: e.code, message: e.message }; }`);
    assert.equal(caught.isError, true);
    assert.equal(caught.code, 'UPSTREAM_ERROR');
    assert.match(caught.message, /Access denied - path outside allowed directories: \/etc\/hostname/);
  });

  it('gives agent code images, audio, resource links and embedded resources as mime type and size', async () => {
    // What the code sees, minus the payload itself (kept under .content, to be used or returned on purpose).
    const seen = await value(session.client, `
      return (await media.mixed({})).map((v) => typeof v === 'string' ? v : {
        kind: v.$type, type: v.type, mimeType: v.mimeType, size: v.size,
        uri: v.content.uri ?? v.content.resource?.uri, text: v.content.resource?.text,
        payload: (v.content.data ?? v.content.resource?.blob ?? '').length,
      })`);
    const base64Length = (bytes) => Math.ceil(bytes / 3) * 4;
    assert.deepEqual(seen, [
      'here is everything',
      { kind: 'mcp-content', type: 'image', ...IMAGE, payload: base64Length(IMAGE.size) },
      { kind: 'mcp-content', type: 'audio', ...AUDIO, payload: base64Length(AUDIO.size) },
      { kind: 'mcp-content', type: 'resource_link', mimeType: RESOURCE_LINK.mimeType, size: RESOURCE_LINK.size,
        uri: RESOURCE_LINK.uri, payload: 0 },
      { kind: 'mcp-content', type: 'resource', mimeType: TEXT_RESOURCE.mimeType, size: Buffer.byteLength(TEXT_RESOURCE.text),
        uri: TEXT_RESOURCE.uri, text: TEXT_RESOURCE.text, payload: 0 },
      { kind: 'mcp-content', type: 'resource', mimeType: BLOB_RESOURCE.mimeType, size: BLOB_RESOURCE.size,
        uri: BLOB_RESOURCE.uri, payload: base64Length(BLOB_RESOURCE.size) },
    ]);
  });

  it('returned on purpose, upstream media reach the client as real content items, not base64 in the text', async () => {
    const whole = await execute(session.client, 'return await media.mixed({})');
    assert.ok(!whole.isError, text(whole));
    const [summary, ...items] = whole.content;
    assert.equal(summary.type, 'text');
    assert.ok(summary.text.length < 4096, `no payload pasted into the text (${summary.text.length} chars): ${summary.text.slice(0, 300)}`);
    assert.deepEqual(items, [CONTENT.image, CONTENT.audio, CONTENT.resource_link, CONTENT.text_resource, CONTENT.blob_resource]);
    assert.deepEqual(whole.structuredContent.result, ['here is everything',
      ...items.map((item, i) => ({ $type: 'mcp-content', type: item.type, item: i + 1 }))]);
  });

  it('passes an upstream tool-list change on to the client and into the types', async () => {
    const changed = new Promise((resolve) => session.client.setNotificationHandler(ToolListChangedNotificationSchema, resolve));
    assert.deepEqual(await value(session.client, "return await changing.add_tool({ name: 'fresh_tool' })"),
      { tools: ['add_tool', 'fresh_tool'] });
    await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no tools/list_changed within 20 s')), 20000))]);
    assert.match(await executeDescription(session.client), /fresh_tool\(/);
    assert.deepEqual(await value(session.client, 'return await changing.fresh_tool({})'), { tool: 'fresh_tool' });
  });

  it("forwards upstream progress and logs on the execute call's progress token, tagged with the namespace", async () => {
    const logs = [];
    session.client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => logs.push(JSON.stringify(n.params)));
    if (session.client.getServerCapabilities().logging) await session.client.setLoggingLevel('debug');
    const progress = [];
    assert.deepEqual(await value(session.client, 'return await slow.slow({ steps: 3, stepMs: 50 })',
      { onprogress: (p) => progress.push(p) }), { steps: 3 });
    // The last step's progress may trail the result, and the client drops progress after the result.
    assert.ok(progress.length >= 1, `upstream progress reaches the client: ${JSON.stringify(progress)}`);
    assert.ok(progress.some((p) => /slow/.test(p.message ?? '')), `progress names the namespace: ${JSON.stringify(progress)}`);
    const stepLog = logs.find((l) => l.includes('step 1 of 3'));
    assert.ok(stepLog, `the upstream's log reaches the client: ${logs.join('\n')}`);
    assert.match(stepLog, /slow/, 'the log names the namespace');
  });

  it('sends notifications/cancelled upstream when execute is cancelled', async () => {
    const events = () => (existsSync(record) ? readFileSync(record, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
    const before = events().length;
    const abort = new AbortController();
    const call = execute(session.client, 'return await slow.slow({ steps: 100, stepMs: 100 })', {}, { signal: abort.signal });
    const started = await eventually(() => events().slice(before).find((e) => e.event === 'call'),
      'the slow call reaches the upstream');
    abort.abort('user pressed stop');
    await assert.rejects(call);
    const cancelled = await eventually(() => events().slice(before).find((e) => e.event === 'cancelled'),
      'notifications/cancelled reaches the upstream', 10000);
    assert.equal(cancelled.requestId, started.requestId, 'it cancels the call that was running');
    await eventually(() => events().slice(before).some((e) => e.event === 'aborted'), 'the upstream stops working', 5000);
    assert.ok(!events().slice(before).some((e) => e.event === 'finished'));
  });

  it('fails calls at once with the documented error after kill -9 of an upstream, then recovers', async () => {
    const [victim, ...others] = pids('memory');
    assert.ok(victim, 'server-memory is running');
    for (const pid of [victim, ...others]) process.kill(pid, 'SIGKILL');
    // Gone once Paddock has reaped it (a zombie still answers kill 0): from then on Paddock knows.
    await eventually(() => !alive(victim), 'Paddock reaps the killed server', 5000);
    const down = await failure(session.client, 'return await memory.read_graph({})');
    assert.match(down.error, UNAVAILABLE('memory'));
    assert.ok(down.ms < 2000, `the call fails at once, not after a timeout (${down.ms.toFixed(0)} ms)`);
    assert.deepEqual(await value(session.client, "return await everything.echo({ message: 'still here' })"), 'Echo: still here',
      'other namespaces keep working');
    const graph = await eventually(async () => (await run(session.client, 'return await memory.read_graph({})')).value,
      'server-memory is restarted', 60000);
    assert.deepEqual(graph, graphAfterChain, 'the restarted server reads the graph it saved');
    assert.ok(!pids('memory').includes(victim), 'a new process');
  });
});

describe('bad upstreams behind one Paddock (Streamable HTTP, two sessions)', () => {
  const BAD = ['silent', 'garbage', 'huge', 'unrenderable', 'crash'];
  let server;
  let caller;
  let bystander;

  before(async () => {
    const dir = mkdtempSync(path.join(work, 'bad-'));
    const config = writeMcpServersConfig(dir, {
      memory: memoryServer(path.join(dir, 'memory.jsonl'), [tag('bad-memory')]),
      ...Object.fromEntries(BAD.map((name) => [name, fixture(name, [tag(`bad-${name}`)])])),
    });
    server = await startHttp(['--config', config]);
    caller = await connectUrl(server.url);
    bystander = await connectUrl(server.url);
    await value(caller.client, "return await memory.create_entities({ entities: [{ name: 'canary', entityType: 'bird', observations: [] }] })");
  });

  after(async () => {
    await caller?.close();
    await bystander?.close();
    await server?.stop();
  });

  /** The other namespace, in the calling session and in another one, still answers. */
  async function othersKeepWorking() {
    for (const { client } of [caller, bystander]) {
      const graph = await value(client, 'return await memory.read_graph({})');
      assert.deepEqual(graph.entities.map((e) => e.name), ['canary']);
    }
  }

  it('a server that never answers initialize: startup names it and goes on, others keep working', async () => {
    assert.match(server.stderr(), /upstream 'silent' .*left out.*did not finish initialize .* within \d+ s/,
      'a logged reason names the server');
    await othersKeepWorking();
  });

  it('a server that never answers initialize: calls fail with the documented error, not a hang', async () => {
    const outcome = await failure(caller.client, "return await silent.echo({ message: 'hello?' })");
    assert.match(outcome.error, UNAVAILABLE('silent'));
    assert.ok(outcome.ms < 30000, `bounded (${outcome.ms.toFixed(0)} ms)`);
    await othersKeepWorking();
  });

  it('a server that prints garbage on stdout: its calls work or fail naming it', async () => {
    const outcome = await run(caller.client, "return await garbage.echo({ message: 'hi' })");
    if (outcome.error !== undefined) assert.match(outcome.error, /garbage/, 'a clear error names the server');
    else assert.deepEqual(outcome.value, { echo: 'hi' });
    await othersKeepWorking();
  });

  it('a 50 MB result: handled in the isolate or refused with a clear error, never sent whole to the model', async () => {
    const inside = await run(caller.client, "const r = await huge.huge({}); return typeof r === 'string' ? { length: r.length } : r");
    if (inside.error !== undefined) assert.match(inside.error, /huge[\s\S]*(too large|limit|MB|MiB|bytes)/i, inside.error);
    else assert.deepEqual(inside.value, { length: 50 * 1024 * 1024 });
    const whole = await execute(caller.client, 'return await huge.huge({})');
    const size = JSON.stringify(whole).length;
    assert.ok(size < 2 * 1024 * 1024, `the execute result stays small (${size} chars)`);
    await othersKeepWorking();
  });

  it('a tool whose schema cannot be rendered is left out with a logged reason; its server stays', async () => {
    const description = await executeDescription(caller.client);
    assert.match(description, /declare const unrenderable: \{/);
    assert.doesNotMatch(description, /\bloop\(/, 'the unrenderable tool is absent from the types');
    assert.match(server.stderr(), /unrenderable[\s\S]*loop|loop[\s\S]*unrenderable/, 'a logged reason names server and tool');
    assert.deepEqual(await value(caller.client, "return [typeof unrenderable.loop, await unrenderable.echo({ message: 'ok' })]"),
      ['undefined', { echo: 'ok' }]);
    await othersKeepWorking();
  });

  it('a server that exits mid-call: the call fails naming it, others keep working, it comes back', async () => {
    const outcome = await failure(caller.client, 'return await crash.exit_mid_call({ code: 3 })');
    assert.match(outcome.error, /crash/);
    assert.match(outcome.error, /unavailable|exit|closed|terminated/i);
    assert.ok(outcome.ms < 10000, `the call does not hang (${outcome.ms.toFixed(0)} ms)`);
    await othersKeepWorking();
    assert.deepEqual(await eventually(async () => (await run(bystander.client, "return await crash.echo({ message: 'back' })")).value,
      'the crashed server is restarted', 60000), { echo: 'back' });
  });

  it('leaves no upstream process running after SIGTERM', async () => {
    const children = ['memory', ...BAD].flatMap((name) => pids(`bad-${name}`));
    assert.ok(children.length >= 5, `the upstream processes are running: ${children}`);
    assert.ok([0, 143].includes(await server.stop()), 'exits as the JVM does after SIGTERM');
    await eventually(() => children.every((pid) => !alive(pid)),
      `every upstream ends with Paddock: still alive ${children.filter(alive)}`, 5000);
  });
});

describe('shutdown over stdio', () => {
  it('leaves no upstream process running after SIGTERM', async () => {
    const dir = mkdtempSync(path.join(work, 'term-'));
    const config = writeMcpServersConfig(dir, {
      memory: memoryServer(path.join(dir, 'memory.jsonl'), [tag('term-memory')]),
      everything: everythingServer([tag('term-everything')]),
      slow: fixture('slow', [tag('term-slow')]),
    });
    const paddock = await connect(LAUNCHER, ['--config', config]);
    // A call in flight at the signal must not keep its upstream alive either.
    const inFlight = execute(paddock.client, 'return await slow.slow({ steps: 100, stepMs: 100 })').catch(() => {});
    assert.deepEqual(await value(paddock.client, "return [await everything.echo({ message: 'x' }), (await memory.read_graph({})).entities]"),
      ['Echo: x', []]);
    const children = ['term-memory', 'term-everything', 'term-slow'].flatMap(pids);
    assert.ok(children.length >= 3, `the upstream processes are running: ${children}`);
    const java = paddock.transport.pid;
    process.kill(java, 'SIGTERM');
    await eventually(() => !alive(java), 'Paddock exits on SIGTERM', 15000);
    await eventually(() => children.every((pid) => !alive(pid)),
      `every upstream ends with Paddock: still alive ${children.filter(alive)}`, 5000);
    await inFlight;
    await paddock.close().catch(() => {});
  });
});
