// A host's call policy from a plugin jar, built here from source as a third party would ship it: every
// fetch takes the capability call path, so the policy can refuse one the egress rules allow, and the
// audit trail records the refusal as well as the calls that went through.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JAVA, LAUNCHER, SHADED_JAR, connect, execute, text } from './support/paddock.mjs';

const POLICY = `package com.example.policy;

import dev.paddock.capability.CallPolicy;
import dev.paddock.capability.CapabilityCall;
import dev.paddock.capability.CapabilityException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** Nothing under /private leaves this host, whatever the egress rules allow. */
public final class NoPrivateFetches implements CallPolicy {
    public CompletableFuture<Void> check(CapabilityCall call) {
        if (call.namespace().equals("#egress") && call.method().equals("fetch")) {
            String url = call.arguments().path(0).path("url").asString();
            if (URI.create(url).getPath().startsWith("/private")) {
                return CompletableFuture.failedFuture(new CapabilityException("POLICY_DENIED",
                        "fetch of " + url + " is refused by this host's policy: /private stays here"));
            }
        }
        return CompletableFuture.completedFuture(null);
    }
}
`;

/** Compiles the policy against paddock.jar and packs it with its ServiceLoader entry. */
function buildPluginJar(dir) {
  const bin = path.dirname(JAVA);
  const src = path.join(dir, 'src', 'com', 'example', 'policy');
  mkdirSync(src, { recursive: true });
  writeFileSync(path.join(src, 'NoPrivateFetches.java'), POLICY);
  const classes = path.join(dir, 'classes');
  execFileSync(path.join(bin, 'javac'), ['-d', classes, '-cp', SHADED_JAR, path.join(src, 'NoPrivateFetches.java')]);
  mkdirSync(path.join(classes, 'META-INF', 'services'), { recursive: true });
  writeFileSync(path.join(classes, 'META-INF', 'services', 'dev.paddock.capability.CallPolicy'),
    'com.example.policy.NoPrivateFetches\n');
  const jar = path.join(dir, 'no-private-fetches.jar');
  execFileSync(path.join(bin, 'jar'), ['--create', '--file', jar, '-C', classes, '.']);
  return jar;
}

describe('a call policy from a plugin jar', { timeout: 180000 }, () => {
  let session;
  let upstream;
  let base;
  const served = [];

  before(async () => {
    upstream = createServer((req, res) => { served.push(req.url); res.end(`served ${req.url}`); });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    base = `http://127.0.0.1:${upstream.address().port}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-policy-'));
    const config = path.join(dir, 'paddock.json');
    writeFileSync(config, JSON.stringify({
      plugins: [buildPluginJar(dir)],
      egress: { rules: [{ url: `${base}/*`, methods: ['GET'] }] },
      // The audit trail is the paddock.audit logger at debug level; operators turn it on the same way.
      logging: { loggers: { 'paddock.audit': 'debug' } },
    }));
    session = await connect(LAUNCHER, ['--config', config]);
  });

  after(async () => {
    await session?.close();
    upstream?.close();
  });

  it('refuses a fetch the egress rules allow, before any connection, and audits it', async () => {
    const result = await execute(session.client, `
      try { await fetch(${JSON.stringify(`${base}/private/keys`)}); return "fetched"; }
      catch (e) { return e.code + ": " + e.message; }`);
    assert.equal(result.isError, false, text(result));
    assert.equal(result.structuredContent.result,
      `POLICY_DENIED: fetch of ${base}/private/keys is refused by this host's policy: /private stays here`);
    assert.deepEqual(served, [], 'the refused fetch must not reach the server');
    assert.match(session.stderr(), /profile=default call=#egress\.fetch failed \(POLICY_DENIED\) in \d+ µs/);
  });

  it('lets other fetches through the same path, audited as ok', async () => {
    const result = await execute(session.client, `return await (await fetch(${JSON.stringify(`${base}/public/news`)})).text()`);
    assert.equal(result.isError, false, text(result));
    assert.equal(result.structuredContent.result, 'served /public/news');
    assert.deepEqual(served, ['/public/news']);
    assert.match(session.stderr(), /profile=default call=#egress\.fetch ok in \d+ µs/);
  });

  it('audits a fetch the egress rules refuse, too', async () => {
    const result = await execute(session.client, `
      try { await fetch("https://example.com/"); } catch (e) { return e.code; }`);
    assert.equal(result.structuredContent.result, 'EGRESS_DENIED', text(result));
    assert.match(session.stderr(), /call=#egress\.fetch failed \(EGRESS_DENIED\)/);
  });
});
