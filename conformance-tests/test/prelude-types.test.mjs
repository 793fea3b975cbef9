// The isolate's standard library (mcp-server/src/main/resources/dev/paddock/sandbox/prelude/) is
// `// @ts-check` JavaScript. This checks it as one program with the TypeScript compiler the build uses
// (5.9.3: the npm package here, the webjar in mcp-server), against ES2024 and the folder's prelude.d.ts;
// any diagnostic fails with its file:line:col. It runs here rather than in mcp-server's unit tests because
// the same check inside GraalJS took 230 s on the interpreter (measured), and seconds on Node.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PRELUDE = path.resolve(fileURLToPath(import.meta.url), '../../../mcp-server/src/main/resources/dev/paddock/sandbox/prelude');

it('every prelude file type-checks', () => {
  const scripts = fs.readdirSync(PRELUDE).filter(f => f.endsWith('.js')).sort();
  assert.ok(scripts.includes('intrinsics.js') && scripts.includes('runtime.js'), `prelude files in ${PRELUDE}: ${scripts}`);
  for (const file of scripts) {
    assert.ok(fs.readFileSync(path.join(PRELUDE, file), 'utf8').startsWith('// @ts-check\n'), `${file} starts with // @ts-check`);
  }
  const program = ts.createProgram([...scripts, 'prelude.d.ts'].map(f => path.join(PRELUDE, f)), {
    allowJs: true, checkJs: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, lib: ['lib.es2024.d.ts'],
  });
  const diagnostics = ts.getPreEmitDiagnostics(program).map(d => {
    if (!d.file) return `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    const at = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const where = `${path.relative(PRELUDE, d.file.fileName)}:${at.line + 1}:${at.character + 1}`;
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  assert.deepEqual(diagnostics, []);
});
