// README.md as a newcomer reads it (issue 18): every shell line in a `sh` block is run here as written
// (a server on loopback instead of a public port, and stopped once it answers), or names the test that
// runs it; the error example is what Paddock answers to the code shown above it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, JAR, JAVA, connect, connectUrl, execute, text } from './support/paddock.mjs';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced blocks of one language, each with the line it starts on and what follows it. */
function blocks(language) {
  const found = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m; (m = fence.exec(README));) {
    if (m[1] === language) {
      found.push({ line: README.slice(0, m.index).split('\n').length, body: m[2], end: fence.lastIndex });
    }
  }
  return found;
}

/** A block's commands, without their trailing `# …` comments. */
function commands(block) {
  return block.body.split('\n').map((line) => line.replace(/\s+#\s.*$/, '').trim()).filter(Boolean);
}

const shellBlocks = blocks('sh');
const blockWith = (command) => shellBlocks.find((b) => commands(b).includes(command));

/** Shell lines not run here, and why: a README command missing from both lists fails the first test. */
const NOT_RUN_HERE = {
  'scripts/test': 'the command that runs this suite',
  'stress-ng --cpu 2 --timeout 60m & scripts/test; kill $!': 'this suite again, under CPU contention (run by hand)',
};
const RUN_HERE = [
  'mvn -q install -pl paddock-api -am',
  'mvn -q -f examples/plugin package',
  "echo 'return await weather.high({ city: \"Oslo\" })' | scripts/paddock --config examples/plugin/paddock.json exec -",
  'scripts/paddock exec examples/hello.js',
  'scripts/paddock init --files data --mkdir',
  'scripts/paddock doctor --config paddock.json',
  'scripts/paddock exec --config examples/csv/paddock.json examples/csv/analyze.js',
  'scripts/paddock serve --http 8080',
  'export TEAM_A_TOKEN=$(openssl rand -hex 24) OPS_TOKEN=$(openssl rand -hex 24)',
  'echo "team-a token: $TEAM_A_TOKEN"; echo "ops token: $OPS_TOKEN"',
  'scripts/paddock --config paddock.json serve --http 0.0.0.0:8080',
];

/**
 * Runs shell lines with bash in `cwd`, `scripts/paddock` meaning this checkout's launcher. A serving block's
 * last line is exec'd, so that a SIGTERM reaches the server as it would from a terminal's Ctrl-C.
 */
function shell(lines, cwd, { timeoutMs = 180000, serving = false, env = process.env } = {}) {
  const local = lines.map((l) => l.replace(/(^|[\s|])scripts\/paddock\b/g, `$1${ROOT}/scripts/paddock`));
  if (serving) local.push(`exec ${local.pop()}`);
  const script = local.join('\n');
  const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c) => { stdout += c; });
  child.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = once(child, 'exit').then(([code]) => { clearTimeout(timer); return { code, stdout, stderr }; });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Resolves with the MCP URL a serving shell logs; the serve line is the block's last, so it runs in the foreground. */
async function servingUrl(run) {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    const m = run.output().stderr.match(/serving MCP over Streamable HTTP at (http:\/\/\S+\/mcp)/);
    if (m) return m[1];
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  run.child.kill('SIGKILL');
  throw new Error(`no URL logged:\n${run.output().stderr}`);
}

/** Stops a serving shell as Ctrl-C would; the JVM exits 143 (128 + SIGTERM) after its graceful shutdown. */
async function stop(run) {
  run.child.kill('SIGTERM');
  const { code, stderr } = await run.exited;
  assert.ok([0, 143].includes(code), `exit code ${code}`);
  assert.match(stderr, /shutting down/);
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'paddock-readme-'));

describe('README.md, as written', () => {
  it('has every shell line either run here or named with the test that runs it', () => {
    const shown = shellBlocks.flatMap(commands);
    assert.deepEqual([...shown].sort(), [...RUN_HERE, ...Object.keys(NOT_RUN_HERE)].sort());
  });

  it('runs the first command: an example through the launcher', async () => {
    const { code, stdout, stderr } = await shell(['scripts/paddock exec examples/hello.js'], ROOT).exited;
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).greeting, 'Hello from Paddock!');
  });

  it('runs init, then doctor on what init wrote, in a new folder', async () => {
    const dir = tempDir();
    const lines = commands(blockWith('scripts/paddock init --files data --mkdir'));
    const { code, stdout, stderr } = await shell(lines, dir).exited;
    assert.equal(code, 0, `${stdout}\n${stderr}`);
    assert.ok(fs.statSync(path.join(dir, 'data')).isDirectory());
    assert.match(stdout, /^ok +config +.*paddock\.json matches paddock\.schema\.json$/m);
    assert.match(stdout, /No problems found\./);
  });

  it('builds the example plugin and runs it, with the commands of its walk-through', async () => {
    const lines = commands(blockWith('mvn -q install -pl paddock-api -am'));
    // The JDK the suite runs with, as a newcomer's JAVA_HOME would be.
    const env = { ...process.env, JAVA_HOME: path.dirname(path.dirname(JAVA)) };
    const { code, stdout, stderr } = await shell(lines, ROOT, { env, timeoutMs: 600000 }).exited;
    assert.equal(code, 0, stderr);
    // Maven -q still writes colour resets on stdout, before exec's result.
    const result = stdout.replace(/\x1b\[[0-9;]*m/g, '');
    assert.deepEqual(JSON.parse(result), { city: 'Oslo', high: 4, units: 'celsius' });
  });

  it('runs the CSV example with its config', async () => {
    const { code, stdout, stderr } = await shell(
      ['scripts/paddock exec --config examples/csv/paddock.json examples/csv/analyze.js'], ROOT).exited;
    assert.equal(code, 0, stderr);
    assert.notEqual(JSON.parse(stdout), null);
  });

  it('serves HTTP without a token on loopback', async () => {
    const run = shell(['scripts/paddock serve --http 8080'.replace('8080', '127.0.0.1:0')], tempDir(), { serving: true });
    const url = await servingUrl(run);
    try {
      const session = await connectUrl(url);
      const result = await execute(session.client, 'return 6 * 7');
      assert.equal(result.structuredContent.result, 42, text(result));
      await session.close();
    } finally {
      await stop(run);
    }
  });

  it('serves HTTP with the tokens it makes and shows, and the paddock.json shown below them', async () => {
    const block = blockWith('scripts/paddock --config paddock.json serve --http 0.0.0.0:8080');
    const config = blocks('json').find((b) => b.line > block.line);
    assert.ok(README.slice(block.end, README.indexOf(config.body)).trim() === '```json', 'the config follows the commands');
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'paddock.json'), config.body);
    // Loopback instead of every interface: tests talk to 127.0.0.1 only.
    const lines = commands(block).map((l) => l.replace('0.0.0.0:8080', '127.0.0.1:0'));
    const run = shell(lines, dir, { serving: true });
    const url = await servingUrl(run);
    try {
      const teamA = run.output().stdout.match(/^team-a token: (\w+)$/m)?.[1];
      const ops = run.output().stdout.match(/^ops token: (\w+)$/m)?.[1];
      assert.ok(teamA && ops, `tokens shown:\n${run.output().stdout}`);
      const session = await connectUrl(url, { token: teamA });
      const result = await execute(session.client, 'await state.set({ key: "k", value: 1 }); return await state.get({ key: "k" })');
      assert.equal(result.structuredContent.result, 1, text(result));
      await session.close();
      const stranger = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(stranger.status, 401);
    } finally {
      await stop(run);
    }
  });

  it('shows the error text Paddock answers to the code above it', async () => {
    const answer = blocks('').find((b) => b.body.startsWith('TypeError'));
    const code = blocks('js').filter((b) => b.line < answer.line).at(-1);
    const session = await connect(JAR);
    try {
      const result = await execute(session.client, code.body);
      assert.equal(result.isError, true);
      assert.equal(text(result), answer.body.trimEnd());
    } finally {
      await session.close();
    }
  });
});
