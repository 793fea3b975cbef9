// @ts-check
// fetch, Headers, Request, Response: the WHATWG-like subset of fetch.d.ts. The host decides all that
// matters (which URLs and methods, the headers it injects, redirects, limits) and parses the URL itself,
// so this side only shapes values and carries them across as JSON, bodies in base64.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, ObjectKeys, ObjectCreate, ObjectFreeze, ArrayIsArray, StringFn, NumberFn, MathFloor,
    StringSlice, StringReplace, StringToLowerCase, StringToUpperCase, SymbolIterator, JSONStringify,
    JSONParse, Uint8ArrayCtor, ArrayBufferSlice, TypedArrayBuffer, TypedArrayByteOffset, TypedArrayByteLength,
    DataViewBuffer, DataViewByteOffset, DataViewByteLength, PromiseCtor, PromiseThen, PromiseResolve,
    PromiseReject, TypeErrorCtor, RangeErrorCtor, SyntaxErrorCtor, utf8Encode, utf8Decode, encodeBase64,
    decodeBase64, quote, URLSearchParams, hostCall, hasOwn, isArrayBuffer, isDataView, typedArrayName,
    defineGlobal,
  } = lib;

  // matters (which URLs and methods, the headers it injects, redirects, limits) and parses the URL
  // itself, so this side only shapes values and carries them across as JSON, bodies in base64.

  const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const HEADER_VALUE_FORBIDDEN = /[\0\r\n]/;
  const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  // WHATWG upper-cases these six; PATCH too here, because servers reject "patch" and the rules name PATCH.
  const METHOD_CASE = { delete: 'DELETE', get: 'GET', head: 'HEAD', options: 'OPTIONS', post: 'POST', put: 'PUT', patch: 'PATCH' };
  const FORBIDDEN_METHODS = { CONNECT: true, TRACE: true, TRACK: true };
  const NULL_BODY_STATUSES = { 101: true, 103: true, 204: true, 205: true, 304: true };
  const FROM_HOST = ObjectFreeze(ObjectCreate(null));

  function headerName(name, where) {
    const s = StringFn(name);
    if (!HEADER_NAME.test(s)) throw new TypeErrorCtor(`${where}: ${quote(s)} is not a valid header name`);
    return ReflectApply(StringToLowerCase, s, []);
  }

  function headerValue(value, name) {
    const s = ReflectApply(StringReplace, StringFn(value), [HTTP_WHITESPACE, '']);
    if (HEADER_VALUE_FORBIDDEN.test(s)) throw new TypeErrorCtor(`Headers: the value of ${quote(name)} contains a line break or NUL`);
    return s;
  }

  let headerPairs;   // Headers → a copy of its [name, value] list, for the host
  let lockHeaders;   // makes a Response's headers read-only, as fetched responses' are

  class Headers {
    #list = [];   // [lower-cased name, value] in insertion order; repeated names are kept apart
    #locked = false;
    constructor(init) {
      if (init === undefined || init === null) return;
      if (init instanceof Headers) {
        const other = init.#list;
        for (let i = 0; i < other.length; i++) this.#list[i] = [other[i][0], other[i][1]];
      } else if (typeof init !== 'object' && typeof init !== 'function') {
        throw new TypeErrorCtor('Headers: expected a Headers object, a record of names to values, or [name, value] pairs');
      } else if (ArrayIsArray(init) || typeof init[SymbolIterator] === 'function') {
        const pairs = ArrayIsArray(init) ? init : [...init];
        for (let i = 0; i < pairs.length; i++) {
          const pair = ArrayIsArray(pairs[i]) ? pairs[i] : [...pairs[i]];
          if (pair.length !== 2) throw new TypeErrorCtor(`Headers: pair ${i} has ${pair.length} elements; each must be [name, value]`);
          this.#add(pair[0], pair[1]);
        }
      } else {
        const names = ObjectKeys(init);
        for (let i = 0; i < names.length; i++) this.#add(names[i], init[names[i]]);
      }
    }
    static {
      headerPairs = h => {
        const out = [];
        for (let i = 0; i < h.#list.length; i++) out[i] = [h.#list[i][0], h.#list[i][1]];
        return out;
      };
      lockHeaders = h => { h.#locked = true; };
    }
    #writable() {
      if (this.#locked) throw new TypeErrorCtor('Headers: the headers of a fetched Response are read-only');
    }
    #remove(name) {
      const kept = [];
      for (let i = 0; i < this.#list.length; i++) if (this.#list[i][0] !== name) kept[kept.length] = this.#list[i];
      this.#list = kept;
    }
    /** Names sorted, each once with its values joined: the order WHATWG iterates in. */
    #combined() {
      const names = [];
      const seen = ObjectCreate(null);
      for (let i = 0; i < this.#list.length; i++) {
        const name = this.#list[i][0];
        if (!seen[name]) { seen[name] = true; names[names.length] = name; }
      }
      for (let i = 1; i < names.length; i++) {
        const name = names[i];
        let j = i - 1;
        for (; j >= 0 && names[j] > name; j--) names[j + 1] = names[j];
        names[j + 1] = name;
      }
      const out = [];
      for (let i = 0; i < names.length; i++) out[i] = [names[i], this.get(names[i])];
      return out;
    }
    #add(name, value) {
      const n = headerName(name, 'Headers.append');
      this.#list[this.#list.length] = [n, headerValue(value, n)];
    }
    append(name, value) {
      this.#writable();
      this.#add(name, value);
    }
    set(name, value) {
      this.#writable();
      const n = headerName(name, 'Headers.set');
      const v = headerValue(value, n);
      this.#remove(n);
      this.#list[this.#list.length] = [n, v];
    }
    delete(name) {
      this.#writable();
      this.#remove(headerName(name, 'Headers.delete'));
    }
    get(name) {
      const n = headerName(name, 'Headers.get');
      let out = null;
      for (let i = 0; i < this.#list.length; i++) if (this.#list[i][0] === n) out = out === null ? this.#list[i][1] : out + ', ' + this.#list[i][1];
      return out;
    }
    has(name) {
      const n = headerName(name, 'Headers.has');
      for (let i = 0; i < this.#list.length; i++) if (this.#list[i][0] === n) return true;
      return false;
    }
    forEach(callback, thisArg) {
      if (typeof callback !== 'function') throw new TypeErrorCtor('Headers.forEach expects a function');
      const entries = this.#combined();
      for (let i = 0; i < entries.length; i++) ReflectApply(callback, thisArg, [entries[i][1], entries[i][0], this]);
    }
    *entries() { const e = this.#combined(); for (let i = 0; i < e.length; i++) yield e[i]; }
    *keys() { const e = this.#combined(); for (let i = 0; i < e.length; i++) yield e[i][0]; }
    *values() { const e = this.#combined(); for (let i = 0; i < e.length; i++) yield e[i][1]; }
    [Symbol.iterator]() { return this.entries(); }
    get [Symbol.toStringTag]() { return 'Headers'; }
  }

  /** A body to send: its bytes (a private copy) and the content-type it implies, if any. */
  function extractBody(body) {
    if (typeof body === 'string') return { bytes: utf8Encode(body), type: 'text/plain;charset=UTF-8' };
    if (body instanceof URLSearchParams) {
      return { bytes: utf8Encode(body.toString()), type: 'application/x-www-form-urlencoded;charset=UTF-8' };
    }
    if (isArrayBuffer(body)) return { bytes: new Uint8ArrayCtor(ReflectApply(ArrayBufferSlice, body, [0])), type: null };
    const view = isDataView(body) ? [DataViewBuffer, DataViewByteOffset, DataViewByteLength]
      : typedArrayName(body) ? [TypedArrayBuffer, TypedArrayByteOffset, TypedArrayByteLength] : null;
    if (view !== null) {
      const start = ReflectApply(view[1], body, []);
      const end = start + ReflectApply(view[2], body, []);
      return { bytes: new Uint8ArrayCtor(ReflectApply(ArrayBufferSlice, ReflectApply(view[0], body, []), [start, end])), type: null };
    }
    return { bytes: utf8Encode(StringFn(body)), type: 'text/plain;charset=UTF-8' };
  }

  /** A body read at most once; a fetched one stays base64 until it is read, then is decoded once. */
  function bodySlot(bytes, base64) {
    const slot = ObjectCreate(null);
    slot.bytes = bytes;
    slot.base64 = base64;
    slot.used = false;
    return slot;
  }

  function readBody(slot, what, as) {
    try {
      if (slot.used) {
        throw new TypeErrorCtor(`${what}: the body has already been read; a body can be read once, so keep the first result`);
      }
      slot.used = true;
      let bytes = slot.bytes;
      if (bytes === null) bytes = slot.base64 === null ? new Uint8ArrayCtor(0) : decodeBase64(slot.base64);
      slot.bytes = null;
      slot.base64 = null;
      // A copy: a Request made from another shares its bytes, and the caller may write to the buffer.
      const buffer = ReflectApply(TypedArrayBuffer, bytes, []);
      if (as === 'arrayBuffer') return ReflectApply(PromiseResolve, PromiseCtor, [ReflectApply(ArrayBufferSlice, buffer, [0])]);
      const text = utf8Decode(bytes);
      if (as === 'text') return ReflectApply(PromiseResolve, PromiseCtor, [text]);
      let value;
      try {
        value = JSONParse(text);
      } catch (e) {
        const start = ReflectApply(StringSlice, text, [0, 60]);
        throw new SyntaxErrorCtor(`${what}: the body is not JSON (${e.message}); it starts with ${quote(start)}${text.length > 60 ? '…' : ''}`);
      }
      return ReflectApply(PromiseResolve, PromiseCtor, [value]);
    } catch (e) {
      return ReflectApply(PromiseReject, PromiseCtor, [e]);
    }
  }

  function normalizeMethod(method) {
    const s = StringFn(method);
    if (!HEADER_NAME.test(s)) throw new TypeErrorCtor(`Request: ${quote(s)} is not a valid HTTP method`);
    const lower = ReflectApply(StringToLowerCase, s, []);
    const m = hasOwn(METHOD_CASE, lower) ? METHOD_CASE[lower] : s;
    if (hasOwn(FORBIDDEN_METHODS, ReflectApply(StringToUpperCase, m, []))) {
      throw new TypeErrorCtor(`Request: the ${m} method is not allowed`);
    }
    return m;
  }

  let requestToWire;   // Request → the JSON object EgressBridge reads

  class Request {
    #url;
    #method = 'GET';
    #headers;
    #body = null;
    constructor(input, init) {
      if (input instanceof Request) {
        if (input.#body !== null && input.#body.used) throw new TypeErrorCtor('Request: the body of the given Request has already been read');
        this.#url = input.#url;
        this.#method = input.#method;
        this.#headers = new Headers(input.#headers);
        if (input.#body !== null) this.#body = bodySlot(input.#body.bytes, input.#body.base64);
      } else {
        if (input === undefined) throw new TypeErrorCtor('fetch: a URL is required, e.g. fetch("https://api.example.com/v1/items")');
        // Not parsed here: the host parses the URL authoritatively, and two parsers could disagree.
        this.#url = StringFn(input);
        this.#headers = new Headers();
      }
      if (init !== undefined && init !== null) {
        if (typeof init !== 'object') throw new TypeErrorCtor('Request: the options must be an object such as { method, headers, body }');
        // Each option is read once: getters on it run once, as in the standard.
        const method = init.method;
        const headers = init.headers;
        const body = init.body;
        const redirect = init.redirect;
        if (method !== undefined) this.#method = normalizeMethod(method);
        if (headers !== undefined) this.#headers = new Headers(headers);
        if (redirect !== undefined && redirect !== 'follow') {
          throw new TypeErrorCtor(`Request: redirect: ${quote(StringFn(redirect))} is not supported; redirects are always followed, and each hop must be granted by the egress rules`);
        }
        if (body !== undefined && body !== null) {
          const extracted = extractBody(body);
          this.#body = bodySlot(extracted.bytes, null);
          if (extracted.type !== null && !this.#headers.has('content-type')) this.#headers.append('content-type', extracted.type);
        } else if (body === null) {
          this.#body = null;
        }
      }
      if (this.#body !== null && (this.#method === 'GET' || this.#method === 'HEAD')) {
        throw new TypeErrorCtor(`Request: a ${this.#method} request cannot have a body; use a method such as POST`);
      }
    }
    static {
      requestToWire = r => {
        const wire = ObjectCreate(null);
        wire.url = r.#url;
        wire.method = r.#method;
        wire.headers = headerPairs(r.#headers);
        let body = null;
        if (r.#body !== null) {
          if (r.#body.used) throw new TypeErrorCtor('fetch: the body of the given Request has already been read');
          const bytes = r.#body.bytes;
          body = bytes === null ? r.#body.base64 : encodeBase64(bytes.length, i => bytes[i]);
        }
        wire.body = body;
        return wire;
      };
    }
    get url() { return this.#url; }
    get method() { return this.#method; }
    get headers() { return this.#headers; }
    text() { return readBody(this.#body || bodySlot(null, null), 'Request.text', 'text'); }
    json() { return readBody(this.#body || bodySlot(null, null), 'Request.json', 'json'); }
    arrayBuffer() { return readBody(this.#body || bodySlot(null, null), 'Request.arrayBuffer', 'arrayBuffer'); }
    get [Symbol.toStringTag]() { return 'Request'; }
  }

  class Response {
    #status = 200;
    #statusText = '';
    #url = '';
    #redirected = false;
    #headers;
    #body;
    constructor(body, init) {
      if (body === FROM_HOST) {
        // init is the host's answer: {status, statusText, url, redirected, headers: [[n, v]], body: base64}
        this.#status = init.status;
        this.#statusText = init.statusText;
        this.#url = init.url;
        this.#redirected = init.redirected;
        this.#headers = new Headers(init.headers);
        lockHeaders(this.#headers);
        this.#body = bodySlot(null, init.body);
        return;
      }
      this.#headers = new Headers();
      if (init !== undefined && init !== null) {
        if (typeof init !== 'object') throw new TypeErrorCtor('Response: the options must be an object such as { status, statusText, headers }');
        const status = init.status;
        const statusText = init.statusText;
        const headers = init.headers;
        if (status !== undefined) {
          const n = NumberFn(status);
          if (!(n >= 200 && n <= 599 && MathFloor(n) === n)) throw new RangeErrorCtor(`Response: status ${StringFn(status)} is not an integer from 200 to 599`);
          this.#status = n;
        }
        if (statusText !== undefined) this.#statusText = StringFn(statusText);
        if (headers !== undefined) this.#headers = new Headers(headers);
      }
      this.#body = bodySlot(null, null);
      if (body !== undefined && body !== null) {
        if (hasOwn(NULL_BODY_STATUSES, this.#status)) throw new TypeErrorCtor(`Response: a ${this.#status} response cannot have a body`);
        const extracted = extractBody(body);
        this.#body = bodySlot(extracted.bytes, null);
        if (extracted.type !== null && !this.#headers.has('content-type')) this.#headers.append('content-type', extracted.type);
      }
    }
    static json(data, init) {
      const text = JSONStringify(data);
      if (text === undefined) throw new TypeErrorCtor('Response.json: the data cannot be represented as JSON');
      const options = init === undefined || init === null ? {} : init;
      const headers = new Headers(options.headers);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
      return new Response(text, { status: options.status, statusText: options.statusText, headers });
    }
    get ok() { return this.#status >= 200 && this.#status <= 299; }
    get status() { return this.#status; }
    get statusText() { return this.#statusText; }
    get url() { return this.#url; }
    get redirected() { return this.#redirected; }
    get headers() { return this.#headers; }
    get bodyUsed() { return this.#body.used; }
    text() { return readBody(this.#body, 'Response.text', 'text'); }
    json() { return readBody(this.#body, 'Response.json', 'json'); }
    arrayBuffer() { return readBody(this.#body, 'Response.arrayBuffer', 'arrayBuffer'); }
    get [Symbol.toStringTag]() { return 'Response'; }
  }

  /** The one call to the host's egress: the wire request out, the host's answer back. */
  function sendToEgress(wire) {
    return hostCall('#egress', 'fetch', [wire], 'fetch');
  }

  function fetch(input, init) {
    let wire;
    try {
      wire = requestToWire(new Request(input, init));
    } catch (e) {
      return ReflectApply(PromiseReject, PromiseCtor, [e]);
    }
    return ReflectApply(PromiseThen, sendToEgress(wire), [answer => new Response(FROM_HOST, answer)]);
  }

  defineGlobal('fetch', fetch);
  defineGlobal('Headers', Headers);
  defineGlobal('Request', Request);
  defineGlobal('Response', Response);

  return {};
}))
