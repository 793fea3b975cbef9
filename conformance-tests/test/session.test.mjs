// What an MCP client sees, over stdio through both ways of running Paddock and over Streamable HTTP.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HTTP, JAR, LAUNCHERS, connect, execute, text } from './support/paddock.mjs';

for (const launcher of [...LAUNCHERS, HTTP]) {
  describe(`an MCP session over ${launcher.http ? '' : 'stdio '}(${launcher.name})`, { timeout: 120000 }, () => {
    let session;
    before(async () => { session = await connect(launcher); });
    after(async () => { await session?.close(); });

    it('introduces itself as paddock with a version and code-mode instructions', () => {
      const info = session.client.getServerVersion();
      assert.equal(info.name, 'paddock');
      assert.match(info.version, /^\d+\.\d+\.\d+/);
      assert.ok(session.client.getInstructions()?.length > 20, 'server instructions explain code mode');
    });

    it('says on stderr which GraalJS runtime runs', async () => {
      const mode = /GraalJS (optimizing runtime|interpreter)/;
      for (let waited = 0; !mode.test(session.stderr()) && waited < 10000; waited += 100) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const [, runtime] = session.stderr().match(mode) ?? [];
      const fallback = session.stderr().match(/GraalJS runs interpreted: (.+)/);
      if (launcher === JAR) {
        assert.equal(runtime, 'interpreter', session.stderr());
        assert.match(session.stderr(), /GraalJS runs interpreted: PADDOCK_JIT=off\./);
      } else {
        // paddock.jar turns the JIT on where the JDK matches the pinned compiler, else says why not.
        assert.equal(runtime, fallback ? 'interpreter' : 'optimizing runtime', session.stderr());
      }
    });

    it('lists the execute tool with code required', async () => {
      const { tools } = await session.client.listTools();
      const tool = tools.find((t) => t.name === 'execute');
      assert.ok(tool, `execute missing from ${tools.map((t) => t.name)}`);
      assert.deepEqual(tool.inputSchema.required, ['code']);
      assert.equal(tool.inputSchema.properties.code.type, 'string');
      assert.ok(tool.inputSchema.properties.timeoutMs, 'timeoutMs is offered');
      assert.ok(tool.description.length > 100, 'the description teaches the model how to use it');
    });

    it('returns the value of an async arrow function as structuredContent.result', async () => {
      const result = await execute(session.client, 'async () => 6 * 7');
      assert.ok(!result.isError, text(result));
      assert.equal(result.structuredContent.result, 42);
      assert.deepEqual(JSON.parse(text(result)).result, 42, 'the text content carries the same JSON');
    });

    it('names the agent\'s line for a syntax error', async () => {
      const result = await execute(session.client, 'const a = 1;\nconst b = ;\nreturn a;');
      assert.equal(result.isError, true);
      assert.match(text(result), /SyntaxError/);
      assert.match(text(result), /\b(line 2\b|2:\d+)/, text(result));
      assert.match(text(result), /const b = ;/, 'quotes the offending source line');
    });

    it('names the agent\'s line for a runtime error', async () => {
      const code = 'const items = [1, 2];\nconsole.log("before the throw");\nthrow new Error("boom on line three");';
      const result = await execute(session.client, code);
      assert.equal(result.isError, true);
      const message = text(result);
      assert.match(message, /boom on line three/);
      assert.match(message, /\b(line 3\b|3:\d+)/, message);
      assert.match(message, /before the throw/, 'logs printed before the failure are kept');
    });

    it('accepts TypeScript', async () => {
      const result = await execute(session.client, 'const x: number = 1; x + 1');
      assert.ok(!result.isError, text(result));
      assert.equal(result.structuredContent.result, 2);
    });

    it('keeps globalThis within a session and never shows it to another session', async () => {
      const set = await execute(session.client, 'globalThis.paddockCounter = 41; const local = 1; "stored"');
      assert.ok(!set.isError, text(set));
      const next = await execute(session.client, 'globalThis.paddockCounter + 1');
      assert.equal(next.structuredContent.result, 42);
      const local = await execute(session.client, 'typeof local');
      assert.equal(local.structuredContent.result, 'undefined', 'const/let stay local to their call');

      const other = await connect(launcher);
      try {
        const [there, here] = await Promise.all([
          execute(other.client, 'typeof globalThis.paddockCounter'),
          execute(session.client, 'globalThis.paddockCounter'),
        ]);
        assert.equal(there.structuredContent.result, 'undefined');
        assert.equal(here.structuredContent.result, 41);
      } finally {
        await other.close();
      }
    });
  });
}
