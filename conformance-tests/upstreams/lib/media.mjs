// The non-text content the media fixture returns, shared with the tests that check what becomes of it.
// Sizes are of the decoded bytes; each payload is deterministic so a test can compare exactly.

function bytes(size, seed) {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 256));
}

export const IMAGE = { mimeType: 'image/png', size: 48 * 1024 };
export const AUDIO = { mimeType: 'audio/wav', size: 16 * 1024 };
export const RESOURCE_LINK = {
  uri: 'file:///fixtures/report.pdf', name: 'report.pdf', mimeType: 'application/pdf', size: 123456,
  description: 'A large report, linked rather than sent.',
};
export const TEXT_RESOURCE = { uri: 'memo://notes/1', mimeType: 'text/plain', text: 'embedded note' };
export const BLOB_RESOURCE = { uri: 'memo://blobs/1', mimeType: 'application/octet-stream', size: 2048 };

export const CONTENT = {
  image: { type: 'image', mimeType: IMAGE.mimeType, data: bytes(IMAGE.size, 1).toString('base64') },
  audio: { type: 'audio', mimeType: AUDIO.mimeType, data: bytes(AUDIO.size, 2).toString('base64') },
  resource_link: { type: 'resource_link', ...RESOURCE_LINK },
  text_resource: { type: 'resource', resource: TEXT_RESOURCE },
  blob_resource: {
    type: 'resource',
    resource: { uri: BLOB_RESOURCE.uri, mimeType: BLOB_RESOURCE.mimeType, blob: bytes(BLOB_RESOURCE.size, 3).toString('base64') },
  },
};
