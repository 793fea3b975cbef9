// Two Paddock instances behind Debian's nginx with deploy/nginx.conf: new sessions spread round-robin,
// and every later request of a session reaches the instance that issued its id (routed on the id's
// instanceId prefix). Skips only when nginx is not installed (.ci/run installs it).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, connectUrl, execute, startHttp, text } from './support/paddock.mjs';

const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => {
  try { execFileSync(p, ['-v'], { stdio: 'ignore' }); return true; } catch { return false; }
});

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// The skip is on the test, not the suite: node counts skipped tests, not skipped suites, in its summary.
const skip = !nginx && 'nginx is not installed';

describe('scale-out behind nginx (deploy/nginx.conf)', { timeout: 180000 }, () => {
  let dir;
  let instances = [];
  let proxy;
  let url;

  before(async () => {
    if (skip) return;
    dir = await mkdtemp(path.join(tmpdir(), 'paddock-scale-'));
    instances = await Promise.all(['a', 'b'].map(async (id) => {
      const config = path.join(dir, `${id}.json`);
      await writeFile(config, JSON.stringify({ http: { instanceId: id } }));
      return startHttp(['--config', config]);
    }));
    const port = await freePort();
    const conf = (await readFile(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8'))
      .replaceAll('PADDOCK_A_PORT', new URL(instances[0].url).port)
      .replaceAll('PADDOCK_B_PORT', new URL(instances[1].url).port)
      .replaceAll('LISTEN_PORT', String(port))
      .replace('/tmp/paddock-nginx.pid', path.join(dir, 'nginx.pid'))
      // Temp files under the test's own directory: nothing in /var/lib/nginx needed.
      .replace('access_log off;', ['access_log off;', ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
        .map((t) => `${t}_temp_path ${path.join(dir, t)};`)].join('\n    '));
    await writeFile(path.join(dir, 'nginx.conf'), conf);
    let stderr = '';
    proxy = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    proxy.stderr.setEncoding('utf8').on('data', (c) => { stderr += c; });
    url = `http://127.0.0.1:${port}/mcp`;
    for (let waited = 0; ; waited += 100) {
      const up = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      if (waited > 10000 || proxy.exitCode !== null) throw new Error(`nginx did not come up:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  after(async () => {
    proxy?.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.stop()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('puts two new sessions on different instances, and keeps each on its own for all its calls', { skip }, async () => {
    const sessions = [await connectUrl(url), await connectUrl(url)];
    try {
      const prefixes = sessions.map((s) => s.transport.sessionId.split('-')[0]).sort();
      assert.deepEqual(prefixes, ['a', 'b'], 'round-robin spread the two sessions over both instances');
      for (let call = 1; call <= 5; call++) {
        for (const s of sessions) {
          const result = await execute(s.client, 'globalThis.calls = (globalThis.calls ?? 0) + 1');
          assert.equal(result.structuredContent?.result, call, `${s.transport.sessionId}: ${text(result)}`);
        }
      }
      // Each instance saw exactly its one session.
      for (const instance of instances) {
        const metrics = await (await fetch(`${instance.base}/metrics`)).text();
        assert.match(metrics, /^paddock_sessions 1(\.0)?$/m);
      }
    } finally {
      await Promise.all(sessions.map((s) => s.close()));
    }
  });
});
