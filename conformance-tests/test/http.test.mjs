// What only Streamable HTTP has: tokens and profiles, Host/Origin checks, limits (401/403/404/429),
// resuming a stream with Last-Event-ID, /metrics and /healthz, stateless mode, graceful shutdown, and a
// second real client (the MCP Inspector CLI) against the URL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { connectUrl, execute, startHttp, text } from './support/paddock.mjs';

const TEAM_A = 'team-a-token-0123456789';
const OPEN = 'open-token-0123456789abc';
let dir;

async function config(json) {
  dir ??= await mkdtemp(path.join(tmpdir(), 'paddock-http-'));
  const file = path.join(dir, `paddock-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(json, null, 2));
  return file;
}

const INIT = { jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } };

/** A raw POST to /mcp; `token` and `session` become headers. */
function post(url, body, { token, session, headers = {} } = {}) {
  return fetch(url, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: {
    'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
    ...(token && { Authorization: `Bearer ${token}` }), ...(session && { 'Mcp-Session-Id': session }), ...headers } });
}

/**
 * Calls `execute`; `running` settles once the code has left the queue (the server's "running" progress), so a
 * test can act while it runs instead of guessing how long that takes.
 */
function executeRunning(client, code) {
  let started;
  const running = new Promise((resolve) => { started = resolve; });
  const result = execute(client, code, {}, { onprogress: (p) => { if (p.message === 'running') started(); } });
  const endedFirst = result.then((r) => { throw new Error(`ended before it reported running: ${text(r)}`); });
  return { result, running: Promise.race([running, endedFirst]) };
}

async function rawSession(url, token) {
  const res = await post(url, INIT, { token });
  assert.equal(res.status, 200, await res.clone().text());
  await res.text();
  const session = res.headers.get('mcp-session-id');
  await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, { token, session }).then((r) => r.text());
  return session;
}

/** Reads SSE events from a response until `until(event)` is true; returns the events read. */
async function readEvents(res, until) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events = [];
  let buffer = '';
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = {};
      for (const line of frame.split('\n')) {
        const [field, ...rest] = line.split(':');
        if (field) event[field] = (event[field] ? `${event[field]}\n` : '') + rest.join(':').trimStart();
      }
      if (event.id || event.data) events.push(event);
      if (until(event)) { await reader.cancel(); return events; }
    }
  }
  return events;
}

describe('Streamable HTTP with tokens and profiles', { timeout: 180000 }, () => {
  let server;
  before(async () => {
    const file = await config({
      limits: { wallTimeMs: 20000 },
      profiles: { 'team-a': { limits: { wallTimeMs: 7000 } } },
      http: { tokens: { '${env:PADDOCK_TEST_TEAM_A}': 'team-a', [OPEN]: 'default' }, maxConcurrentPerToken: 2 },
    });
    server = await startHttp(['--config', file], { env: { PADDOCK_TEST_TEAM_A: TEAM_A } });
  });
  after(async () => { await server?.stop(); });

  it('logs its URL and answers /healthz without a token', async () => {
    assert.match(server.stderr(), /http:\/\/127\.0\.0\.1:\d+\/mcp \(bearer tokens\)/);
    const res = await fetch(`${server.base}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok' });
  });

  it('answers 401 with WWW-Authenticate without a token or with a wrong one, on /mcp and /metrics', async () => {
    for (const token of [undefined, 'wrong-token-0123456789']) {
      const res = await post(server.url, INIT, { token });
      assert.equal(res.status, 401);
      assert.match(res.headers.get('www-authenticate'), /^Bearer/);
    }
    assert.equal((await fetch(`${server.base}/metrics`)).status, 401);
  });

  it('answers 403 to a foreign Origin and to a rebinding Host', async () => {
    const origin = await post(server.url, INIT, { token: OPEN, headers: { Origin: 'https://evil.example' } });
    assert.equal(origin.status, 403);
    // fetch will not send a Host of our choosing; node:http will.
    const status = await new Promise((resolve, reject) => {
      const req = http.request(server.url, { method: 'POST', headers: { Host: 'evil.example',
        Authorization: `Bearer ${OPEN}`, 'Content-Type': 'application/json', Accept: 'application/json' } },
      (res) => { res.resume(); resolve(res.statusCode); });
      req.on('error', reject);
      req.end(JSON.stringify(INIT));
    });
    assert.equal(status, 403);
  });

  it('answers 404 to an unknown session and to a session id presented with another token', async () => {
    const unknown = await post(server.url, { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { token: OPEN, session: 'no-such-session' });
    assert.equal(unknown.status, 404);
    const session = await rawSession(server.url, TEAM_A);
    const stolen = await post(server.url, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, { token: OPEN, session });
    assert.equal(stolen.status, 404);
  });

  it('routes each token to its profile: its own execute description', async () => {
    const a = await connectUrl(server.url, { token: TEAM_A });
    const open = await connectUrl(server.url, { token: OPEN });
    try {
      const [toolsA, toolsOpen] = await Promise.all([a.client.listTools(), open.client.listTools()]);
      const describe = (tools) => tools.tools.find((t) => t.name === 'execute').description;
      assert.match(describe(toolsA), /\b7(\.0)? ?s|7000/);
      assert.match(describe(toolsOpen), /\b20(\.0)? ?s|20000/);
      const result = await execute(a.client, '1 + 1');
      assert.equal(result.structuredContent.result, 2, text(result));
      assert.match(server.stderr(), /session \S+ uses profile team-a/, 'the log says which profile a session got');
    } finally {
      await a.close();
      await open.close();
    }
  });

  it("enforces each profile's own limits, not only describes them", async () => {
    const a = await connectUrl(server.url, { token: TEAM_A });
    try {
      const started = Date.now();
      const result = await execute(a.client, 'await new Promise((r) => setTimeout(r, 15000)); "slept"');
      const took = Date.now() - started;
      assert.equal(result.isError, true, text(result));
      assert.match(text(result), /7000 ?ms|7(\.0)? ?s/);
      assert.ok(took < 14000, `team-a's 7 s wall-time limit took ${took} ms to act (default profile: 20 s)`);
    } finally {
      await a.close();
    }
  });

  it('answers 429 with Retry-After once a token has maxConcurrentPerToken requests running', async () => {
    // Two sessions, so that both executions run at once (a session's isolate runs its calls one by one).
    const [a, b] = await Promise.all([connectUrl(server.url, { token: TEAM_A }), connectUrl(server.url, { token: TEAM_A })]);
    try {
      const slow = [a, b].map((s) => executeRunning(s.client, 'await new Promise((r) => setTimeout(r, 3000)); "slow"'));
      await Promise.all(slow.map((s) => s.running));
      // initialize itself is a request: with two running, the third is refused
      const res = await post(server.url, INIT, { token: TEAM_A });
      assert.equal(res.status, 429, await res.text());
      assert.ok(res.headers.get('retry-after'));
      for (const r of await Promise.all(slow.map((s) => s.result))) assert.equal(r.structuredContent.result, 'slow', text(r));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('serves Prometheus metrics with a token: executions, errors by kind, isolates, sessions', async () => {
    const a = await connectUrl(server.url, { token: OPEN });
    try {
      await execute(a.client, 'throw new Error("counted")');
      const res = await fetch(`${server.base}/metrics`, { headers: { Authorization: `Bearer ${OPEN}` } });
      assert.equal(res.status, 200);
      const body = await res.text();
      assert.match(body, /^paddock_executions_seconds_count \d+/m);
      assert.match(body, /^paddock_execution_errors_total\{kind="runtime"\} [1-9]/m);
      assert.match(body, /^paddock_isolates_live [1-9]/m);
      assert.match(body, /^paddock_sessions [1-9]/m);
    } finally {
      await a.close();
    }
  });

  it('replays the events a client missed when it reconnects with Last-Event-ID', async () => {
    const session = await rawSession(server.url, OPEN);
    const call = { jsonrpc: '2.0', id: 7, method: 'tools/call',
      params: { name: 'execute', arguments: { code: 'await new Promise((r) => setTimeout(r, 800)); "missed"' } } };
    const first = await post(server.url, call, { token: OPEN, session });
    assert.equal(first.headers.get('content-type'), 'text/event-stream');
    // Take the priming event (an id, no data), then drop the connection before the answer comes.
    const [priming] = await readEvents(first, (e) => e.id);
    assert.ok(priming?.id, 'the stream starts with an event id to resume from');
    const resumed = await fetch(server.url, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${OPEN}`,
      'Mcp-Session-Id': session, 'Last-Event-ID': priming.id } });
    assert.equal(resumed.status, 200);
    const events = await readEvents(resumed, (e) => e.data?.includes('"id":7'));
    const answer = JSON.parse(events.find((e) => e.data?.includes('"id":7')).data);
    assert.equal(answer.result.structuredContent.result, 'missed');
  });

  it('the MCP Inspector CLI lists and calls execute at the URL', async () => {
    const inspector = path.resolve(import.meta.dirname, '..', 'node_modules', '@modelcontextprotocol', 'inspector',
      'clients', 'launcher', 'build', 'index.js');
    const home = await mkdtemp(path.join(tmpdir(), 'paddock-inspector-'));
    try {
      const run = async (...args) => JSON.parse((await promisify(execFile)(process.execPath,
        [inspector, '--cli', server.url, '--transport', 'http', '--header', `Authorization: Bearer ${OPEN}`, ...args],
        { env: { ...process.env, HOME: home, MCP_CATALOG_PATH: path.join(home, 'catalog') }, timeout: 60000 })).stdout);
      const listed = await run('--method', 'tools/list');
      assert.ok(listed.tools.some((t) => t.name === 'execute'), JSON.stringify(listed));
      const called = await run('--method', 'tools/call', '--tool-name', 'execute', '--tool-arg', 'code=6 * 7');
      assert.equal(called.structuredContent?.result, 42, JSON.stringify(called));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

/** A connection that sends `text` and then nothing; `closed` settles with all the server sent once it closes. */
function stalledConnection(port, text) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let received = '';
  socket.on('data', (chunk) => { received += chunk; });
  const closed = new Promise((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  const opened = new Promise((resolve) => socket.on('connect', resolve)).then(() => socket.write(text));
  return { socket, opened, closed, received: () => received };
}

describe('Streamable HTTP against hostile clients (issue 17)', { timeout: 180000 }, () => {
  let server;
  before(async () => {
    server = await startHttp(['--config', await config({ http: { maxConcurrentPerToken: 4, bodyTimeoutMs: 2000 } })]);
  });
  after(async () => { await server?.stop(); });

  it('serves a normal client while 64 uploads stall, and closes the stalled ones after bodyTimeoutMs', async () => {
    const port = new URL(server.url).port;
    const stalled = Array.from({ length: 64 }, () => stalledConnection(port, 'POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\n'
      + 'Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n'
      + '\r\n1\r\n{\r\n'));
    try {
      await Promise.all(stalled.map((s) => s.opened));
      const session = await connectUrl(server.url);
      try {
        const result = await execute(session.client, '1 + 1');
        assert.equal(result.structuredContent.result, 2, text(result));
      } finally {
        await session.close();
      }
      for (const answer of await Promise.all(stalled.map((s) => s.closed))) {
        assert.match(answer, /^HTTP\/1\.1 408 .*request body not received within 2000 ms/s);
      }
    } finally {
      for (const s of stalled) s.socket.destroy();
    }
  });

  it('answers ids JSON-RPC does not allow with -32600, as stdio does, naming no Java class', async () => {
    const session = await rawSession(server.url);
    for (const id of ['1e400', '18446744073709551616', '{}']) {
      const res = await post(server.url, `{"jsonrpc":"2.0","id":${id},"method":"tools/list"}`, { session });
      const body = await res.text();
      assert.equal(res.status, 400, body);
      assert.equal(JSON.parse(body).error.code, -32600, body);
      assert.doesNotMatch(body, /Exception|tools\.jackson|io\.modelcontextprotocol|`/);
    }
  });

  it('answers a call still running when its session is deleted with an error, not an empty 202', async () => {
    const session = await connectUrl(server.url);
    try {
      const running = executeRunning(session.client, 'await new Promise((r) => setTimeout(r, 10000)); "late"');
      await running.running;
      await session.transport.terminateSession();
      await assert.rejects(running.result, /session ended before this request was answered: the client ended the session/);
    } finally {
      await session.client.close();
    }
  });
});

describe('Streamable HTTP configuration and lifecycle', { timeout: 180000 }, () => {
  after(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('refuses to start when a token\'s environment variable is missing, naming file, line and variable', async () => {
    const file = await config({ http: { tokens: { '${env:PADDOCK_TEST_UNSET_TOKEN}': 'default' } } });
    await assert.rejects(startHttp(['--config', file]),
      /paddock-\w+\.json:\d+:\d+: http\.tokens.*PADDOCK_TEST_UNSET_TOKEN is not set/s);
  });

  it('refuses a non-loopback address without tokens unless --allow-unauthenticated', async () => {
    await assert.rejects(startHttp([], { listen: '0.0.0.0:0' }), /refusing to serve MCP on non-loopback address/);
  });

  it('--stateless issues no session id and runs each call in a fresh isolate: no globals or state carry over', async () => {
    const server = await startHttp(['--stateless', '--config', await config({ capabilities: { state: {} } })]);
    const session = await connectUrl(server.url);
    try {
      assert.equal(session.transport.sessionId, undefined, 'the client got no Mcp-Session-Id');
      const set = await execute(session.client, 'globalThis.kept = 1; await state.set({ key: "k", value: 1 }); typeof globalThis.kept');
      assert.equal(set.structuredContent.result, 'number', text(set));
      const next = await execute(session.client, '[typeof globalThis.kept, await state.get({ key: "k" })]');
      assert.deepEqual(next.structuredContent.result, ['undefined', null], text(next));

      const init = await post(server.url, INIT);
      assert.equal(init.status, 200);
      assert.equal(init.headers.get('mcp-session-id'), null);
      await init.text();
      const get = await fetch(server.url, { headers: { Accept: 'text/event-stream' } });
      assert.equal(get.status, 405, 'no session stream to open');
      assert.equal(get.headers.get('allow'), 'POST');
      await get.text();
    } finally {
      await session.close();
      await server.stop();
    }
  });

  it('on SIGTERM lets a running execution finish, refuses new work, then exits', async () => {
    const server = await startHttp();
    const session = await connectUrl(server.url);
    await execute(session.client, '0');
    const running = executeRunning(session.client, 'await new Promise((r) => setTimeout(r, 1500)); "finished"');
    await running.running;
    const exited = server.stop();
    let health;
    for (let waited = 0; waited < 5000 && health !== 503; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      health = (await fetch(`${server.base}/healthz`).catch(() => ({ status: 'gone' }))).status;
    }
    assert.equal(health, 503, 'shutting down: /healthz says so while the execution finishes');
    const result = await running.result;
    assert.equal(result.structuredContent.result, 'finished', text(result));
    assert.ok([0, 143].includes(await exited), 'exits as the JVM does after SIGTERM');
  });
});
