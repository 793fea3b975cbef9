// Two tools: `echo`, and `loop`, whose input schema is valid JSON Schema that tool-defs cannot turn into
// TypeScript: a definition that refers to itself. `paddock types --from-schema` renders it as
// `type Loop = Loop;`, which tsc rejects (TS2456, "circularly references itself").
import { echoTool, json, serve, toolServer } from './lib/fixture.mjs';

const LOOP_SCHEMA = {
  type: 'object',
  $defs: { Loop: { $ref: '#/$defs/Loop' } },
  properties: { value: { $ref: '#/$defs/Loop' } },
};

const loop = {
  name: 'loop',
  description: 'A tool whose argument type refers to itself.',
  inputSchema: LOOP_SCHEMA,
  call: (args) => json({ got: args }),
};

await serve(toolServer('unrenderable', [loop, echoTool]));
