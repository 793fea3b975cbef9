// Its tool `huge` returns one text item of `megabytes` MB (default 50) of 'x': a result far larger than
// anything a model should be shown, over stdio or Streamable HTTP (`--http PORT`).
import { echoTool, serve, toolServer } from './lib/fixture.mjs';

const huge = {
  name: 'huge',
  description: 'Returns a text result of the given size.',
  inputSchema: { type: 'object', properties: { megabytes: { type: 'number', default: 50 } } },
  call: ({ megabytes = 50 }) => ({ content: [{ type: 'text', text: 'x'.repeat(Math.round(megabytes * 1024 * 1024)) }] }),
};

await serve(toolServer('huge', [huge, echoTool]));
