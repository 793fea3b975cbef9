// `java -jar paddock.jar` as README and deploy/Dockerfile run it: an older Java is told what is needed, and
// the jar starts its JVM again with GraalJS on the module path, the JIT where the JDK allows (else
// interpreted, with an AOT cache it records once), and the launcher's memory settings (jvm-memory.options,
// heap from PADDOCK_HEAP), which the heap guard relies on, where they were not given. Without a
// Docker engine here, the Dockerfile's commands are checked against this repository and run as written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAR, JAVA, ROOT, SHADED_JAR, connect, execute, run, startHttp, text } from './support/paddock.mjs';

const MEMORY_OPTIONS = readFileSync(path.join(ROOT, 'mcp-server/src/main/resources/dev/paddock/cli/jvm-memory.options'), 'utf8')
  .split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** A JDK older than 25 in the standard JVM folder (the machine's default java is 17), as [home, spec version]. */
function olderJava() {
  const jvms = '/usr/lib/jvm';
  if (!existsSync(jvms)) return null;
  for (const name of readdirSync(jvms)) {
    const home = realpathSync(path.join(jvms, name));
    const release = path.join(home, 'release');
    if (!existsSync(release) || !existsSync(path.join(home, 'bin', 'java'))) continue;
    const version = readFileSync(release, 'utf8').match(/^JAVA_VERSION="([^"]+)"/m)?.[1];
    if (!version) continue;
    const spec = version.startsWith('1.') ? version.split('.').slice(0, 2).join('.') : version.split(/[.+-]/)[0];
    if (Number(spec.startsWith('1.') ? spec.slice(2) : spec) < 25) return [home, spec];
  }
  return null;
}

/** The processes a process started, from /proc (Linux). */
function childrenOf(pid) {
  const tasks = path.join('/proc', String(pid), 'task');
  if (!existsSync(tasks)) return [];
  return readdirSync(tasks).flatMap((task) => {
    try {
      return readFileSync(path.join(tasks, task, 'children'), 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch { return []; }
  });
}

function commandLine(pid) {
  return readFileSync(path.join('/proc', String(pid), 'cmdline'), 'utf8').split('\0').filter(Boolean);
}

const alive = (pid) => existsSync(path.join('/proc', String(pid)));

async function eventually(condition, what, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`not within ${timeoutMs} ms: ${what}`);
    await sleep(50);
  }
}

const OLDER = olderJava();

describe('java -jar paddock.jar', { timeout: 240000 }, () => {
  it('on an older Java, says which Java it needs and which one this is, exit code 2', { skip: OLDER ? false : 'no JDK older than 25 in /usr/lib/jvm' }, async () => {
    const [home, spec] = OLDER;
    const { code, stdout, stderr } = await run({ command: path.join(home, 'bin', 'java'), args: ['-jar', SHADED_JAR] }, ['--version']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `paddock needs Java 25 or newer; this is Java ${spec} at ${home}\n`);
  });

  it('serves from a JVM with the launcher\'s memory settings, stdio passed through to a real client', async () => {
    const session = await connect(JAR);
    try {
      const result = await execute(session.client, 'return "héllo 😀 " + 6 * 7');
      assert.equal(result.structuredContent?.result, 'héllo 😀 42', text(result));
      const [restarted] = childrenOf(session.transport.pid);
      assert.ok(restarted, 'java -jar started a JVM with the settings');
      const options = commandLine(restarted);
      for (const option of ['-Xmx2g', ...MEMORY_OPTIONS]) assert.ok(options.includes(option), `${option} in ${options.join(' ')}`);
    } finally {
      await session.close();
    }
  });

  it('keeps the caller\'s own settings and adds only what is missing', async () => {
    const given = ['-Xmx1g', '-XX:+UseG1GC', '-XX:+UnlockExperimentalVMOptions', '-XX:G1MaxNewSizePercent=15'];
    const all = await connect({ name: 'java -jar with every setting', command: JAVA, args: [...given, '-jar', SHADED_JAR] });
    try {
      assert.equal((await execute(all.client, 'return 1')).structuredContent?.result, 1);
      const [restarted] = childrenOf(all.transport.pid);
      const options = commandLine(restarted);
      // Each of the caller's settings once, none of the launcher's beside it (the JIT's unlock flag may repeat).
      for (const option of given.filter((o) => !o.startsWith('-XX:+Unlock'))) {
        assert.equal(options.filter((o) => o === option).length, 1, `${option} once in ${options.join(' ')}`);
      }
      assert.ok(!options.includes('-Xmx2g'), `the caller's heap wins: ${options.join(' ')}`);
    } finally {
      await all.close();
    }
    const heapOnly = await connect({ name: 'java -jar with a heap', command: JAVA,
      args: ['-XX:MaxRAMPercentage=25', '-jar', SHADED_JAR] }, [], { env: { PADDOCK_HEAP: '3g' } });
    try {
      const [restarted] = childrenOf(heapOnly.transport.pid);
      const options = commandLine(restarted);
      assert.ok(options.includes('-XX:MaxRAMPercentage=25'), options.join(' '));
      assert.ok(!options.some((o) => o.startsWith('-Xmx')), `the caller's heap setting wins: ${options.join(' ')}`);
      assert.ok(options.includes('-XX:G1MaxNewSizePercent=15'), options.join(' '));
    } finally {
      await heapOnly.close();
    }
  });

  it('runs GraalJS\'s JIT where the JDK allows, with no JVM warning on stderr', async () => {
    const session = await connect({ name: 'java -jar', command: JAVA, args: ['-jar', SHADED_JAR] }, [], { env: { PADDOCK_JIT: 'on' } });
    try {
      assert.equal((await execute(session.client, 'return 6 * 7')).structuredContent?.result, 42);
      const options = commandLine(childrenOf(session.transport.pid)[0]);
      assert.ok(options.some((o) => /^--module-path=.*\/modules$/.test(o)), options.join(' '));
      if (/GraalJS runs interpreted: /.test(session.stderr())) {
        assert.ok(!options.includes('-XX:+EnableJVMCI'), options.join(' '));
      } else {
        assert.ok(options.includes('-XX:+EnableJVMCI'), options.join(' '));
        assert.ok(options.some((o) => /^--upgrade-module-path=.*\/jvmci\/compiler\.jar$/.test(o)), options.join(' '));
        await eventually(() => /sandbox ready: GraalJS optimizing runtime/.test(session.stderr()), 'the JIT runs');
      }
      assert.doesNotMatch(session.stderr(), /WARNING|sun\.misc\.Unsafe|\[warning\]/);
    } finally {
      await session.close();
    }
  });

  it('interpreted, records an AOT cache once a session has run a while, and starts from it next time', { timeout: 180000 }, async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'paddock-aot-'));
    const env = { PADDOCK_JIT: 'off', PADDOCK_CACHE_DIR: cache };
    const aotFiles = () => readdirSync(cache).filter((d) => d.startsWith('graal-'))
      .flatMap((d) => readdirSync(path.join(cache, d)).filter((f) => f.endsWith('.aot')).map((f) => path.join(cache, d, f)));
    const first = await connect(JAR, [], { env });
    try {
      assert.equal((await execute(first.client, 'return 1')).structuredContent?.result, 1);
      assert.ok(!commandLine(childrenOf(first.transport.pid)[0]).some((o) => o.startsWith('-XX:AOTCache')));
      await eventually(() => aotFiles().length === 1, 'an AOT cache recorded beside the first session', 120000);
    } finally {
      await first.close();
    }
    const next = await connect(JAR, [], { env });
    try {
      assert.equal((await execute(next.client, 'return "from the cache"')).structuredContent?.result, 'from the cache');
      const options = commandLine(childrenOf(next.transport.pid)[0]);
      assert.ok(options.includes(`-XX:AOTCache=${aotFiles()[0]}`), options.join(' '));
      assert.doesNotMatch(next.stderr(), /\[(warning|error)\]/);
    } finally {
      await next.close();
    }
    const recorders = () => readdirSync('/proc').filter((p) => /^\d+$/.test(p)).filter((p) => {
      try { return readFileSync(path.join('/proc', p, 'cmdline'), 'utf8').includes('aot-training') && readFileSync(path.join('/proc', p, 'cmdline'), 'utf8').includes(cache); } catch { return false; }
    });
    assert.deepEqual(recorders(), [], 'no recording JVM left behind');
  });

  it('passes the exit code and stdout on unchanged', async () => {
    const failed = await run(JAR, ['exec', '-'], { input: 'throw new Error("boom")' });
    assert.equal(failed.code, 1, failed.stderr);
    assert.equal(failed.stdout, '');
    const ok = await run(JAR, ['exec', '-'], { input: 'return "a\\u0000b"' });
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, '"a\\u0000b"\n');
  });

  it('stops the restarted JVM gracefully on SIGTERM, and when killed outright', async () => {
    const server = await startHttp();
    const [restarted] = childrenOf(server.child.pid);
    assert.ok(restarted, 'a restarted JVM serves');
    const code = await server.stop();
    assert.ok([0, 143].includes(code), `exit code ${code}`);
    assert.ok(!alive(restarted), 'the restarted JVM ended before the one that started it');
    assert.match(server.stderr(), /shutting down: finishing running executions/, 'the SIGTERM reached the serving JVM');

    const killed = await startHttp();
    const [orphan] = childrenOf(killed.child.pid);
    killed.child.kill('SIGKILL');
    await eventually(() => !alive(orphan), 'the restarted JVM stops once the JVM that started it was killed');
  });
});

describe('deploy/Dockerfile, checked without a Docker engine', { timeout: 120000 }, () => {
  const lines = readFileSync(path.join(ROOT, 'deploy', 'Dockerfile'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const instruction = (name) => lines.filter((l) => l.startsWith(`${name} `)).map((l) => l.slice(name.length + 1));

  it('copies every module of the reactor it builds, and only what exists', () => {
    const copied = instruction('COPY').filter((c) => !c.startsWith('--from')).map((c) => c.split(/\s+/)[0]);
    for (const source of copied) assert.ok(existsSync(path.join(ROOT, source)), `COPY ${source}: no such path`);
    const modules = [...readFileSync(path.join(ROOT, 'pom.xml'), 'utf8').matchAll(/<module>([^<]+)<\/module>/g)].map((m) => m[1]);
    for (const module of modules) {
      assert.ok(copied.some((c) => c === module || c === `${module}/pom.xml`), `the reactor reads ${module}/pom.xml: COPY it`);
    }
  });

  it('takes paddock.jar from where the build puts it', () => {
    const [jar] = instruction('COPY').filter((c) => c.startsWith('--from=build'));
    const [, from] = jar.split(/\s+/);
    assert.equal(from, '/src/mcp-server/target/paddock.jar');
    assert.ok(existsSync(SHADED_JAR), 'the build (run from /src) makes mcp-server/target/paddock.jar');
  });

  it('serves with the launcher\'s memory settings when its ENTRYPOINT and CMD run as written', async () => {
    const entrypoint = JSON.parse(instruction('ENTRYPOINT')[0]);
    const cmd = JSON.parse(instruction('CMD')[0]);
    assert.deepEqual(entrypoint.slice(1), ['-jar', '/opt/paddock/paddock.jar']);
    assert.equal(entrypoint[0], 'java');
    const configAt = cmd.indexOf('--config') + 1;
    assert.equal(cmd[configAt], '/etc/paddock/paddock.json');
    assert.deepEqual(cmd.slice(configAt + 1), ['serve', '--http', '0.0.0.0:8080']);
    // As in the container, but on this machine: its paths, a token (a non-loopback bind needs one), a free port.
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-docker-'));
    const config = path.join(dir, 'paddock.json');
    writeFileSync(config, JSON.stringify({ http: { tokens: { 'docker-check-token-0123456789': 'default' } } }));
    const server = await startHttp(['--config', config], { command: JAVA, commandArgs: ['-jar', SHADED_JAR], listen: '0.0.0.0:0' });
    try {
      const health = await fetch(`${server.base.replace('0.0.0.0', '127.0.0.1')}/healthz`);
      assert.equal(health.status, 200);
      const options = commandLine(childrenOf(server.child.pid)[0]);
      for (const option of ['-Xmx2g', ...MEMORY_OPTIONS]) assert.ok(options.includes(option), `${option} in ${options.join(' ')}`);
    } finally {
      await server.stop();
    }
  });
});
