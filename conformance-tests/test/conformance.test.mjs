// The official MCP conformance suite (npm @modelcontextprotocol/conformance, pinned below) against
// `paddock serve --http` started with the fixture config (conformance-tests/fixture/paddock.conformance.json),
// which loads the fixture as a plugin jar (conformance-tests/fixture, built by `mvn verify`): paddock.jar
// itself has none of it.
// Needs Node >= 22 (the suite crashes on Node 20; scripts/test provides it). The `Total:` lines of both
// suites appear in the test output as diagnostics.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { JAVA, SHADED_JAR, startHttp } from './support/paddock.mjs';

const CONFORMANCE_VERSION = '0.1.16';
const HERE = path.resolve(import.meta.dirname, '..', 'fixture');
const NODE = process.execPath;
const PREFIX = path.join(HERE, '.conformance');
const CLI = path.join(PREFIX, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const OUT = path.join(HERE, 'out');
const FIXTURE_JAR = path.join(HERE, 'target', 'paddock-conformance-fixture.jar');
const BUILD = 'mvn -B -ntp verify -DskipTests (builds paddock.jar and the fixture plugin)';

let server;

/** Installs the pinned suite once, with the Node 22 binary first on PATH so npm runs under it. */
function installSuite() {
  const installed = path.join(PREFIX, 'node_modules', '@modelcontextprotocol', 'conformance', 'package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === CONFORMANCE_VERSION) return;
  mkdirSync(PREFIX, { recursive: true });
  execFileSync('npm', ['install', '--prefix', PREFIX, '--no-save', '--no-audit', '--no-fund', '--loglevel=error',
    `@modelcontextprotocol/conformance@${CONFORMANCE_VERSION}`],
  { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, PATH: `${path.dirname(NODE)}:${process.env.PATH}` } });
}

/**
 * Installs the suite and starts the server on first use, not in a before() hook: with a name filter that
 * matches no test here, node:test runs a file's before() but not its after(), which left the server running
 * and the test run hanging.
 */
async function serverUrl() {
  if (!server) {
    assert.ok(existsSync(SHADED_JAR), `build ${SHADED_JAR} first: ${BUILD}`);
    assert.ok(existsSync(FIXTURE_JAR), `build ${FIXTURE_JAR} first: ${BUILD}`);
    assert.ok(Number(process.versions.node.split('.')[0]) >= 22, 'the conformance suite needs Node >= 22');
    installSuite();
    server = await startHttp(['--config', path.join(HERE, 'paddock.conformance.json')]);
  }
  return server.url;
}

/** Runs one suite; returns its stdout, its Total line and the checks it saved. */
async function runSuite(args) {
  const url = await serverUrl();
  const dir = path.join(OUT, args.join('-').replace(/[^a-z0-9-]/gi, ''));
  rmSync(dir, { recursive: true, force: true });
  let stdout = '';
  try {
    stdout = execFileSync(NODE, [CLI, 'server', '--url', url, '-o', dir, ...args], { encoding: 'utf8' });
  } catch (e) {
    stdout = `${e.stdout}${e.stderr}`; // exit 1 on any failed check: the assertions below say which
  }
  const total = stdout.match(/Total: (\d+) passed, (\d+) failed/);
  const checks = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => JSON.parse(readFileSync(path.join(dir, d.name, 'checks.json'), 'utf8'))
      .map((check) => ({ scenario: d.name, ...check })));
  return { stdout, total, checks };
}

after(() => server?.stop());

/** The entries of a jar, listed by the JDK's own `jar` tool. */
function jarEntries(jar) {
  return execFileSync(path.join(path.dirname(JAVA), 'jar'), ['tf', jar], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\n').filter(Boolean);
}

test('the conformance fixture ships only in its plugin jar, never in paddock.jar', () => {
  assert.ok(existsSync(SHADED_JAR), `build ${SHADED_JAR} first: ${BUILD}`);
  assert.ok(existsSync(FIXTURE_JAR), `build ${FIXTURE_JAR} first: ${BUILD}`);
  assert.deepEqual(jarEntries(SHADED_JAR).filter((e) => e.startsWith('dev/paddock/conformance/')), []);
  assert.ok(jarEntries(FIXTURE_JAR).includes('dev/paddock/conformance/ConformanceFixture.class'));
});

test('every active scenario of the official conformance suite passes', async (t) => {
  const { stdout, total, checks } = await runSuite([]);
  assert.ok(total, `no Total line in the suite's output:\n${stdout}`);
  t.diagnostic(`active suite: ${total[0]}`);
  const failed = checks.filter((c) => c.status === 'FAILURE');
  assert.deepEqual(failed.map((c) => `${c.scenario}: ${c.id}: ${c.errorMessage}`), []);
  assert.equal(total[2], '0', stdout);
});

test('pending conformance suite passes, server-sse-polling with no warnings (priming event, retry, Last-Event-ID resumption)', async (t) => {
  const { stdout, total, checks } = await runSuite(['--suite', 'pending']);
  assert.ok(total, `no Total line in the suite's output:\n${stdout}`);
  t.diagnostic(`pending suite: ${total[0]}`);
  const bad = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
  assert.deepEqual(bad.map((c) => `${c.status} ${c.id}: ${c.errorMessage}`), []);
  assert.ok(checks.some((c) => c.id === 'server-sse-disconnect-resume' && c.status === 'SUCCESS'), stdout);
});
