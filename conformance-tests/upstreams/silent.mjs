// Never answers `initialize` (nor anything else): over stdio it reads and drops every line; over HTTP
// (`--http PORT`) it accepts each request and holds it open without a byte of response. A client that
// waits for it without a deadline hangs.
import { createServer } from 'node:http';
import { httpPort } from './lib/fixture.mjs';

const port = httpPort();
if (port === null) {
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
} else {
  const held = [];
  const http = createServer((req, res) => { req.resume(); held.push(res); });
  http.listen(port, '127.0.0.1', () => console.error(`listening on http://127.0.0.1:${http.address().port}/mcp`));
}
