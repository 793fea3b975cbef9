// SSRF and secret-exfiltration payloads for the adversarial suite (issue 6, item 5), run through
// `execute` by adversarial.test.mjs. Host-side behaviour is unit-tested in mcp-server
// (dev.paddock.egress.*Test); these cases check the same through the isolate.
//
// Setup they expect: an HTTP server on 127.0.0.1:PORT that answers /v1/echo with the request's method,
// path and headers in the body, and /v1/redirect?to=URL with a 302 to URL; and a paddock.json with
//   "egress": {"rules": [
//     {"url": "http://127.0.0.1:PORT/v1/*", "methods": ["GET", "POST"],
//      "headers": {"Authorization": "Bearer ${env:PADDOCK_TEST_SECRET}"}},
//     {"url": "http://localhost:PORT/*"}]}
// Replace PORT in `code` before sending. Every case must end in an error with `code` and a message
// matching `message`; the secret must appear in no result, log or error.

const deny = (name, url, message) => ({
  name,
  code: `await fetch(${JSON.stringify(url)})`,
  expect: { code: "EGRESS_DENIED", message },
});
const redirectTo = (target) => `http://127.0.0.1:PORT/v1/redirect?to=${encodeURIComponent(target)}`;

export const egressPayloads = [
  deny("name resolving to loopback", "http://localhost:PORT/", /resolves to (127\.0\.0\.1|::1), a loopback address/),
  deny("trailing dot", "http://localhost.:PORT/", /a loopback address/),
  deny("upper-case name", "http://LOCALHOST:PORT/", /a loopback address/),
  deny("percent-encoded host", "http://%6cocalhost:PORT/", /a loopback address/),
  deny("decimal IPv4", "http://2130706433:PORT/admin", /fetch to http:\/\/127\.0\.0\.1:\d+\/admin is not allowed: no egress rule matches/),
  deny("octal IPv4", "http://0177.0.0.1:PORT/admin", /http:\/\/127\.0\.0\.1:\d+\/admin is not allowed/),
  deny("hex short IPv4", "http://0x7f.1:PORT/admin", /http:\/\/127\.0\.0\.1:\d+\/admin is not allowed/),
  deny("short-form IPv4", "http://127.1:PORT/admin", /http:\/\/127\.0\.0\.1:\d+\/admin is not allowed/),
  deny("dot segments out of the prefix", "http://127.0.0.1:PORT/v1/../admin", /\/admin is not allowed/),
  deny("IPv6 loopback", "http://[::1]:PORT/v1/echo", /no egress rule matches/),
  deny("IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]:PORT/v1/echo", /no egress rule matches/),
  deny("long IPv4-mapped IPv6", "http://[0:0:0:0:0:ffff:7f00:1]:PORT/v1/echo", /no egress rule matches/),
  deny("cloud metadata", "http://169.254.169.254/latest/meta-data/", /no egress rule matches/),
  deny("file scheme", "file:///etc/passwd", /only http: and https:/),
  deny("data scheme", "data:text/plain,hi", /only http: and https:/),
  deny("ftp scheme", "ftp://127.0.0.1:PORT/", /only http: and https:/),
  {
    name: "method not granted",
    code: 'await fetch("http://127.0.0.1:PORT/v1/echo", {method: "DELETE"})',
    expect: { code: "EGRESS_DENIED", message: /method DELETE is not granted/ },
  },
  deny("redirect into cloud metadata", redirectTo("http://169.254.169.254/latest/meta-data/"), /169\.254\.169\.254.*not allowed/),
  deny("redirect to a name resolving to loopback", redirectTo("http://localhost:PORT/"), /a loopback address/),
  deny("redirect to file:", redirectTo("file:///etc/passwd"), /only http: and https:/),
  {
    name: "method override header sidestepping the rule's methods",
    code: 'await fetch("http://127.0.0.1:PORT/v1/echo", {method: "POST", headers: {"X-HTTP-Method-Override": "DELETE"}})',
    expect: { code: "EGRESS_DENIED", message: /may not send the x-http-method-override header/ },
  },
  {
    name: "_method query parameter sidestepping the rule's methods",
    code: 'await fetch("http://127.0.0.1:PORT/v1/echo?_method=DELETE", {method: "POST"})',
    expect: { code: "EGRESS_DENIED", message: /may not carry a _method query parameter/ },
  },
  {
    name: "Range slices of an echo of the injected header",
    code: 'await fetch("http://127.0.0.1:PORT/v1/echo", {headers: {Range: "bytes=0-3"}})',
    expect: { code: "EGRESS_DENIED", message: /may not send the range header: the egress rule .* injects credentials/ },
  },
  {
    name: "vertical tab in a header value",
    code: 'await fetch("http://127.0.0.1:PORT/v1/echo", {headers: {"X-A": "a\\u000bb"}})',
    expect: { code: "EGRESS_INVALID", message: /control character U\+000B/ },
  },
  {
    name: "userinfo pointing at loopback",
    code: 'await fetch("http://api.example.com@127.0.0.1:PORT/v1/echo")',
    expect: { code: "EGRESS_INVALID", message: /credentials .* are not allowed/ },
  },
  {
    name: "injected header is not in the response headers",
    code: 'const r = await fetch("http://127.0.0.1:PORT/v1/echo"); return JSON.stringify([...r.headers]);',
    expect: { resultExcludesSecret: true },
  },
  {
    name: "code cannot override the injected header",
    code: 'return (await fetch("http://127.0.0.1:PORT/v1/echo", {headers: {authorization: "Bearer mine"}})).status;',
    expect: { serverSawOnlyTheSecret: true },
  },
  {
    name: "credentials do not follow a redirect to another granted host",
    code: `return (await fetch(${JSON.stringify(redirectTo("http://localhost:PORT/"))})).status;`,
    expect: { code: "EGRESS_DENIED", serverSawNoSecretOnLocalhost: true },
  },
];
