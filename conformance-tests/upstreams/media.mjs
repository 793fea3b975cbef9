// Returns non-text content (lib/media.mjs has the exact payloads): `image`, `audio`, `resource_link`,
// `resource` (an embedded text resource and an embedded blob) and `mixed` (all of them after one text
// item). stdio or Streamable HTTP (`--http PORT`).
import { CONTENT } from './lib/media.mjs';
import { echoTool, serve, toolServer } from './lib/fixture.mjs';

const returning = (name, description, content) => ({
  name, description, inputSchema: { type: 'object', properties: {} }, call: () => ({ content }),
});

await serve(toolServer('media', [
  returning('image', 'Returns a PNG image.', [CONTENT.image]),
  returning('audio', 'Returns a WAV recording.', [CONTENT.audio]),
  returning('resource_link', 'Returns a link to a resource.', [CONTENT.resource_link]),
  returning('resource', 'Returns an embedded text resource and an embedded blob.', [CONTENT.text_resource, CONTENT.blob_resource]),
  returning('mixed', 'Returns text followed by every other kind of content.',
    [{ type: 'text', text: 'here is everything' }, ...Object.values(CONTENT)]),
  echoTool,
]));
