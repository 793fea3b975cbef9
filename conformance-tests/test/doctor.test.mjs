// `paddock init` and `paddock doctor` as a user runs them, and doctor's client entries started by the official
// SDK client: clients give servers a minimal environment, so only an entry's "env" block carries a secret.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { JAR, LAUNCHER, execute, run, text } from './support/paddock.mjs';

const SECRET = 'sk-doctor-e2e-0123456789abcdef';

/** The JSON doctor prints after "CLIENT, in FILE:", by client. */
function clientEntries(report) {
  const entries = {};
  const lines = report.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '{') continue;
    const client = lines[i - 1].slice(0, lines[i - 1].indexOf(', in '));
    const end = lines.indexOf('}', i);
    entries[client] = JSON.parse(lines.slice(i, end + 1).join('\n'));
    i = end;
  }
  return entries;
}

/** Starts a client entry the way an MCP client does; resolves with { client, stderr } or rejects with stderr. */
async function start(entry, env) {
  const transport = new StdioClientTransport({ command: entry.command, args: entry.args, env, stderr: 'pipe' });
  let stderr = '';
  transport.stderr.on('data', (chunk) => { stderr += chunk; });
  const client = new Client({ name: 'paddock-doctor-e2e', version: '1.0.0' });
  try {
    await client.connect(transport);
  } catch (e) {
    await transport.close().catch(() => {});
    await new Promise((r) => setTimeout(r, 200)); // let the last stderr lines arrive
    throw new Error(stderr || e.message);
  }
  return { client, stderr: () => stderr };
}

describe('paddock init and doctor', { timeout: 300000 }, () => {
  let dir;
  let config;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-doctor-'));
    config = path.join(dir, 'paddock.json');
    const init = await run(LAUNCHER, ['init', config, '--files', path.join(dir, 'data'), '--mkdir']);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /next: \S+ doctor --config /);
    fs.writeFileSync(path.join(dir, 'data', 'hello.txt'), 'hi');
    // Turn on the starter's commented egress rule, whose header reads ${env:EXAMPLE_TOKEN}.
    const starter = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, starter.split('\n')
      .map((line) => (/"url"|"headers"/.test(line) ? line.replace('// ', '') : line)).join('\n'));
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails on an unset or empty variable, naming it, and exits 2', async () => {
    const unset = await run(JAR, ['--config', config, 'doctor'], { env: { EXAMPLE_TOKEN: undefined } });
    assert.equal(unset.code, 2, unset.stdout);
    assert.match(unset.stdout, /^FAIL  env      EXAMPLE_TOKEN is not set \(egress headers\)/m);
    assert.match(unset.stdout, /^FAIL  grants   paddock\.json:\d+:\d+: egress\.rules\[0]\.headers\.Authorization: environment variable EXAMPLE_TOKEN is not set$/m);

    const empty = await run(JAR, ['--config', config, 'doctor'], { env: { EXAMPLE_TOKEN: '' } });
    assert.equal(empty.code, 2, empty.stdout);
    assert.match(empty.stdout, /^FAIL  env      EXAMPLE_TOKEN is set but empty \(egress headers\)/m);
  });

  it('says JIT or interpreter as the launcher chose, and starts with the --version line', async () => {
    const version = await run(LAUNCHER, ['--version']);
    const doctor = await run(LAUNCHER, ['--config', config, 'doctor'], { env: { EXAMPLE_TOKEN: SECRET } });
    assert.equal(doctor.code, 0, doctor.stdout + doctor.stderr);
    assert.ok(doctor.stdout.startsWith(version.stdout), `${version.stdout}\n${doctor.stdout}`);
    const interpreted = /GraalJS runs interpreted/.test(doctor.stderr);
    assert.match(doctor.stdout, interpreted ? /^(ok|warn)  runtime  interpreter: /m : /^ok    runtime  JIT: /m);
    assert.match(doctor.stdout, /^ok    heap     max \d+\.\d GiB \(-Xmx\)/m);
    assert.ok(!doctor.stdout.includes(SECRET), 'doctor never prints a secret');
  });

  it("an exported secret does not reach Paddock through a client; the entry's env block does", async () => {
    const doctor = await run(LAUNCHER, ['--config', config, 'doctor'], { env: { EXAMPLE_TOKEN: SECRET } });
    assert.equal(doctor.code, 0, doctor.stdout + doctor.stderr);
    const entries = clientEntries(doctor.stdout);
    assert.deepEqual(Object.keys(entries).sort(), ['Claude Desktop', 'Cursor', 'VS Code']);
    const cursor = entries.Cursor.mcpServers.paddock;
    assert.deepEqual(cursor.env, { EXAMPLE_TOKEN: '<value of EXAMPLE_TOKEN>' });

    // The client's own process has the secret exported; the SDK passes only its fixed list of variables.
    const exported = process.env.EXAMPLE_TOKEN;
    process.env.EXAMPLE_TOKEN = SECRET;
    try {
      await assert.rejects(start({ ...cursor, env: undefined }), /environment variable EXAMPLE_TOKEN is not set/);
    } finally {
      if (exported === undefined) delete process.env.EXAMPLE_TOKEN; else process.env.EXAMPLE_TOKEN = exported;
    }

    for (const name of ['Cursor', 'Claude Desktop']) {
      const entry = entries[name].mcpServers.paddock;
      const { client, stderr } = await start(entry, { ...entry.env, EXAMPLE_TOKEN: SECRET });
      try {
        const result = await execute(client, 'return (await files.list({})).map((e) => e.name)');
        assert.ok(!result.isError, `${name}: ${text(result)}\n${stderr()}`);
        assert.deepEqual(result.structuredContent.result, ['hello.txt'], name);
      } finally {
        await client.close();
      }
    }
  });
});
