// Its tool list changes at runtime: `add_tool({name})` adds a tool `name` (which answers {tool: name})
// and sends notifications/tools/list_changed. stdio or Streamable HTTP (`--http PORT`, tools per session).
import { json, serve, toolServer } from './lib/fixture.mjs';

function newServer() {
  const tools = [];
  const addTool = {
    name: 'add_tool',
    description: 'Adds a tool with the given name and announces the change.',
    inputSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    call: async ({ name }, extra, server) => {
      if (!tools.some((t) => t.name === name)) {
        tools.push({
          name,
          description: `Added at runtime by add_tool.`,
          inputSchema: { type: 'object', properties: {} },
          call: () => json({ tool: name }),
        });
        await server.sendToolListChanged();
      }
      return json({ tools: tools.map((t) => t.name) });
    },
  };
  tools.push(addTool);
  return toolServer('changing', tools)();
}

await serve(newServer);
