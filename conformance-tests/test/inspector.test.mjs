// Smoke test with a second real client: the MCP Inspector's CLI mode, launching Paddock itself.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LAUNCHER } from './support/paddock.mjs';

const INSPECTOR = path.resolve(import.meta.dirname, '..', 'node_modules', '@modelcontextprotocol', 'inspector',
  'clients', 'launcher', 'build', 'index.js');

async function inspect(...args) {
  // The Inspector keeps a catalog and settings under HOME: give it a throwaway one.
  const home = await mkdtemp(path.join(tmpdir(), 'paddock-inspector-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath,
      [INSPECTOR, '--cli', '--connect-timeout', '60000', LAUNCHER.command, ...LAUNCHER.args, ...args],
      { env: { ...process.env, HOME: home, MCP_CATALOG_PATH: path.join(home, 'catalog') }, timeout: 60000 });
    return JSON.parse(stdout);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

it('the MCP Inspector CLI lists execute and runs code with it', { timeout: 120000 }, async () => {
  const listed = await inspect('--method', 'tools/list');
  assert.ok(listed.tools.some((t) => t.name === 'execute'), JSON.stringify(listed));

  const called = await inspect('--method', 'tools/call', '--tool-name', 'execute', '--tool-arg', 'code=async () => 6 * 7');
  assert.equal(called.structuredContent?.result, 42, JSON.stringify(called));
});
