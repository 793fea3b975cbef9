// Upstream MCP servers inside execute: Paddock over stdio (the launcher) with paddock.json naming the real npm
// servers server-memory and server-filesystem (pinned in package.json, started from node_modules/.bin), and
// one execute chaining calls across both that returns the combined data.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LAUNCHER, connect, execute, text } from './support/paddock.mjs';

const BIN = path.join(import.meta.dirname, '..', 'node_modules', '.bin');

describe('upstream servers memory and filesystem in one execute', { timeout: 180000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'paddock-upstream-'));
  const files = path.join(dir, 'files');
  let session;

  before(async () => {
    mkdirSync(files);
    writeFileSync(path.join(files, 'alice.txt'), 'Alice writes the parser.\n');
    writeFileSync(path.join(files, 'bob.txt'), 'Bob reviews it.\n');
    const config = path.join(dir, 'paddock.json');
    writeFileSync(config, JSON.stringify({
      mcpServers: {
        memory: { command: path.join(BIN, 'mcp-server-memory'), env: { MEMORY_FILE_PATH: path.join(dir, 'memory.jsonl') } },
        fs: { command: path.join(BIN, 'mcp-server-filesystem'), args: [files] },
      },
    }));
    session = await connect(LAUNCHER, ['--config', config]);
  });
  after(async () => {
    await session?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('declares both servers in the execute description', async () => {
    const { tools } = await session.client.listTools();
    const description = tools.find((t) => t.name === 'execute').description;
    assert.match(description, /declare const memory: \{/);
    assert.match(description, /read_graph\(/);
    assert.match(description, /declare const fs: \{/);
    assert.match(description, /list_directory\(/);
  });

  it('chains calls across both servers and returns the combined data', async () => {
    // Both servers answer with structuredContent, which is the value agent code gets.
    const result = await execute(session.client, `
      const listing = await fs.list_directory({ path: ${JSON.stringify(files)} });
      const names = [...listing.content.matchAll(/\\[FILE\\] (\\S+)/g)].map((m) => m[1]).sort();
      const people = [];
      for (const name of names) {
        const file = await fs.read_text_file({ path: ${JSON.stringify(files)} + "/" + name });
        people.push({ name: name.replace(".txt", ""), entityType: "person", observations: [file.content.trim()] });
      }
      await memory.create_entities({ entities: people });
      await memory.create_relations({ relations: [{ from: "alice", to: "bob", relationType: "is reviewed by" }] });
      return { names, graph: await memory.read_graph({}) };`);
    assert.equal(result.isError, false, text(result) + session.stderr());
    assert.deepEqual(result.structuredContent.result, {
      names: ['alice.txt', 'bob.txt'],
      graph: {
        entities: [
          { name: 'alice', entityType: 'person', observations: ['Alice writes the parser.'] },
          { name: 'bob', entityType: 'person', observations: ['Bob reviews it.'] },
        ],
        relations: [{ from: 'alice', to: 'bob', relationType: 'is reviewed by' }],
      },
    });
  });
});

describe('serve --mcp-config with an unmodified Claude Desktop file', { timeout: 180000 }, () => {
  it('offers its servers inside execute to a real client, ignoring the app\'s own settings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'paddock-claude-'));
    const claude = path.join(dir, 'claude_desktop_config.json');
    // As Claude Desktop writes it: its own settings beside mcpServers, an env block, a server it runs with npx.
    writeFileSync(claude, JSON.stringify({
      globalShortcut: 'Ctrl+Space',
      mcpServers: {
        'knowledge-graph': { command: path.join(BIN, 'mcp-server-memory'), args: [], env: { MEMORY_FILE_PATH: path.join(dir, 'memory.jsonl') } },
      },
      preferences: { menuBarEnabled: false },
    }, null, 2));
    const session = await connect(LAUNCHER, ['--mcp-config', claude]);
    try {
      const { tools } = await session.client.listTools();
      assert.match(tools.find((t) => t.name === 'execute').description, /declare const knowledge_graph: \{/);
      const result = await execute(session.client, `
        await knowledge_graph.create_entities({ entities: [{ name: "paddock", entityType: "project", observations: ["runs agent code"] }] });
        return (await knowledge_graph.read_graph({})).entities.map((e) => e.name);`);
      assert.equal(result.isError, false, text(result) + session.stderr());
      assert.deepEqual(result.structuredContent.result, ['paddock']);
      assert.match(session.stderr(), /knowledge-graph/);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
