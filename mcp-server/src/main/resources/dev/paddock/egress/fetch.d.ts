/**
 * HTTP requests, a subset of the WHATWG fetch API. Denied by default: only URLs and methods granted by the
 * operator's egress rules work (listed in this tool's description). Rules may add headers such as
 * credentials; your code never sees them and cannot override them. Redirects are followed (5 at most by
 * default) and each hop must be granted too.
 * Failures reject with an Error whose `code` is EGRESS_DENIED (not granted; the message lists what is),
 * EGRESS_INVALID, EGRESS_LIMIT (body over the size limit, 10 MiB by default; too many redirects),
 * EGRESS_TIMEOUT (30 s by default, redirects included) or EGRESS_NETWORK.
 * HTTP error statuses (404, 500) do not reject: check `response.ok`.
 * @example const r = await fetch("https://api.example.com/v1/items?limit=10"); if (!r.ok) throw new Error(`HTTP ${r.status}`); const items = await r.json();
 * @example await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(data) });
 */
declare function fetch(input: string | URL | Request, init?: RequestInit): Promise<Response>;

type HeadersInit = Headers | Record<string, string> | [string, string][];
/** Strings are sent as UTF-8. */
type BodyInit = string | ArrayBuffer | ArrayBufferView | URLSearchParams;

interface RequestInit {
  /** Default "GET". */
  method?: string;
  headers?: HeadersInit;
  /** Not allowed with GET or HEAD. */
  body?: BodyInit | null;
}

/** Case-insensitive header map; names are returned lower-cased. */
declare class Headers {
  constructor(init?: HeadersInit);
  /** All values of the header joined with ", ", or null. */
  get(name: string): string | null;
  has(name: string): boolean;
  set(name: string, value: string): void;
  append(name: string, value: string): void;
  delete(name: string): void;
  forEach(callback: (value: string, name: string) => void): void;
  entries(): IterableIterator<[string, string]>;
  keys(): IterableIterator<string>;
  values(): IterableIterator<string>;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class Request {
  constructor(input: string | URL | Request, init?: RequestInit);
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  text(): Promise<string>;
  json(): Promise<any>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

declare class Response {
  constructor(body?: BodyInit | null, init?: { status?: number; statusText?: string; headers?: HeadersInit });
  /** true for status 200–299. */
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  /** The final URL, after redirects. */
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: Headers;
  /** true once text(), json() or arrayBuffer() was called; a body can be read once. */
  readonly bodyUsed: boolean;
  text(): Promise<string>;
  /** Rejects with a SyntaxError if the body is not JSON. */
  json(): Promise<any>;
  arrayBuffer(): Promise<ArrayBuffer>;
  static json(data: unknown, init?: { status?: number; statusText?: string; headers?: HeadersInit }): Response;
}
