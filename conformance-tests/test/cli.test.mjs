// The command line: `paddock exec` runs one script; --version and --help answer without a server.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JAR, LAUNCHER, run } from './support/paddock.mjs';

/** `exec` prints the result JSON; accept it bare or as {result, logs}. */
function resultOf(stdout) {
  const printed = JSON.parse(stdout);
  return printed !== null && typeof printed === 'object' && 'result' in printed ? printed.result : printed;
}

describe('the paddock command line', { timeout: 120000 }, () => {
  it('refuses an unknown PADDOCK_JIT value, naming the ones it takes', async () => {
    const { code, stderr } = await run(LAUNCHER, ['--version'], { env: { PADDOCK_JIT: 'no' } });
    assert.equal(code, 2);
    assert.match(stderr, /PADDOCK_JIT must be on or off \(got 'no'\)/);
  });

  it('exec runs examples/hello.js and prints its result as JSON on stdout', async () => {
    const { code, stdout, stderr } = await run(LAUNCHER, ['exec', 'examples/hello.js']);
    assert.equal(code, 0, stderr);
    const result = resultOf(stdout);
    assert.equal(result.greeting, 'Hello from Paddock!');
    assert.equal(result.sum, 10);
    assert.match(stderr, /hello from inside the isolate/, 'logs go to stderr');
    assert.doesNotMatch(stdout, /hello from inside the isolate/);
  });

  it('exec runs a TypeScript example', async () => {
    const { code, stdout, stderr } = await run(JAR, ['exec', 'examples/word-count.ts']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(resultOf(stdout)[0], { word: 'the', count: 3 });
  });

  it('exec - reads the script from stdin and exits non-zero when it fails, naming the line', async () => {
    const { code, stderr } = await run(JAR, ['exec', '-'], { input: 'const ok = 1;\nnull.boom;\n' });
    assert.notEqual(code, 0);
    assert.match(stderr, /TypeError/);
    assert.match(stderr, /\b(line 2\b|2:\d+)/, stderr);
  });

  it('--version prints the version and --help shows examples', async () => {
    const version = await run(JAR, ['--version']);
    assert.equal(version.code, 0, version.stderr);
    assert.match(version.stdout, /\d+\.\d+\.\d+/);
    const help = await run(JAR, ['--help']);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /serve/);
    assert.match(help.stdout, /exec/);
  });
});
