// @ts-check
// URL and URLSearchParams (WHATWG-like: special schemes, relative resolution, dot segments,
// percent-encoding; no IDNA/punycode). fetch does not use this parser: the host parses request URLs.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, ObjectKeys, StringFn, NumberFn, StringSlice, StringIndexOf, StringReplace,
    StringToLowerCase, StringCharCodeAt, StringFromCharCode, SymbolIterator, DecodeURIComponent, WeakMapCtor,
    TypeErrorCtor, utf8Encode, hasOwn, defineGlobal,
  } = lib;

  const SPECIAL_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21', 'file:': '' };
  const isSpecial = protocol => hasOwn(SPECIAL_PORTS, protocol);

  function percentEncode(s, keep) {
    const bytesNeeded = /[^\x21-\x7e]|["<>`]/;
    if (!bytesNeeded.test(s) && !keep) return s;
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      const code = ReflectApply(StringCharCodeAt, s, [i]);
      if (code > 0x20 && code < 0x7f && c !== '"' && c !== '<' && c !== '>' && c !== '`' && !(keep && keep.test(c))) { out += c; continue; }
      let ch = c;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) { ch = c + s[i + 1]; i++; }
      const bytes = utf8Encode(ch);
      for (let j = 0; j < bytes.length; j++) out += '%' + (bytes[j] < 16 ? '0' : '') + bytes[j].toString(16).toUpperCase();
    }
    return out;
  }

  function formDecode(s) {
    const plus = ReflectApply(StringReplace, s, [/\+/g, ' ']);
    try { return DecodeURIComponent(plus); } catch (e) {
      return ReflectApply(StringReplace, plus, [/%([0-9A-Fa-f]{2})/g, (m, h) => StringFromCharCode(NumberFn('0x' + h))]);
    }
  }

  function formEncode(s) {
    let out = '';
    const bytes = utf8Encode(s);
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      const c = StringFromCharCode(b);
      if (/[A-Za-z0-9*\-._]/.test(c)) out += c;
      else if (b === 0x20) out += '+';
      else out += '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
    }
    return out;
  }

  const paramsOwner = new WeakMapCtor();

  class URLSearchParams {
    #list = [];
    /** @param {any} [init] a query string, a record, [name, value] pairs or URLSearchParams */
    constructor(init = '') {
      if (init instanceof URLSearchParams) {
        for (const [k, v] of init) this.#list.push([k, v]);
      } else if (typeof init === 'object' && init !== null && typeof init[SymbolIterator] === 'function') {
        for (const pair of init) {
          const p = [...pair];
          if (p.length !== 2) throw new TypeErrorCtor('URLSearchParams: each pair must have exactly two elements');
          this.#list.push([StringFn(p[0]), StringFn(p[1])]);
        }
      } else if (typeof init === 'object' && init !== null) {
        for (const k of ObjectKeys(init)) this.#list.push([k, StringFn(init[k])]);
      } else {
        this.#parse(StringFn(init));
      }
    }
    #parse(s) {
      this.#list = [];
      if (s[0] === '?') s = ReflectApply(StringSlice, s, [1]);
      for (const part of s.split('&')) {
        if (!part) continue;
        const eq = ReflectApply(StringIndexOf, part, ['=']);
        const k = eq < 0 ? part : ReflectApply(StringSlice, part, [0, eq]);
        const v = eq < 0 ? '' : ReflectApply(StringSlice, part, [eq + 1]);
        this.#list.push([formDecode(k), formDecode(v)]);
      }
    }
    static _reparse(params, s) { params.#parse(s); }
    #changed() {
      const url = paramsOwner.get(this);
      if (url) URL._setQuery(url, this.toString());
    }
    get size() { return this.#list.length; }
    append(name, value) { this.#list.push([StringFn(name), StringFn(value)]); this.#changed(); }
    delete(name, value) {
      name = StringFn(name);
      this.#list = this.#list.filter(([k, v]) => !(k === name && (value === undefined || v === StringFn(value))));
      this.#changed();
    }
    get(name) { const e = this.#list.find(([k]) => k === StringFn(name)); return e ? e[1] : null; }
    getAll(name) { return this.#list.filter(([k]) => k === StringFn(name)).map(([, v]) => v); }
    has(name, value) { return this.#list.some(([k, v]) => k === StringFn(name) && (value === undefined || v === StringFn(value))); }
    set(name, value) {
      name = StringFn(name);
      const i = this.#list.findIndex(([k]) => k === name);
      if (i < 0) this.#list.push([name, StringFn(value)]);
      else {
        this.#list[i] = [name, StringFn(value)];
        this.#list = this.#list.filter(([k], j) => k !== name || j === i);
      }
      this.#changed();
    }
    sort() {
      this.#list = this.#list.map((e, i) => [e, i]).sort((a, b) => (a[0][0] < b[0][0] ? -1 : a[0][0] > b[0][0] ? 1 : a[1] - b[1])).map(e => e[0]);
      this.#changed();
    }
    forEach(callback, thisArg) { for (const [k, v] of this.#list) ReflectApply(callback, thisArg, [v, k, this]); }
    *entries() { for (const [k, v] of this.#list) yield [k, v]; }
    *keys() { for (const [k] of this.#list) yield k; }
    *values() { for (const [, v] of this.#list) yield v; }
    [Symbol.iterator]() { return this.entries(); }
    toString() { return this.#list.map(([k, v]) => formEncode(k) + '=' + formEncode(v)).join('&'); }
    get [Symbol.toStringTag]() { return 'URLSearchParams'; }
  }

  function normalizePath(path, special) {
    const segments = path.split('/');
    const out = [];
    for (let i = 1; i < segments.length; i++) {
      const s = segments[i];
      const last = i === segments.length - 1;
      const lower = ReflectApply(StringToLowerCase, s, []);
      if (s === '..' || lower === '%2e%2e' || lower === '.%2e' || lower === '%2e.') {
        if (out.length) out.pop();
        if (last) out.push('');
      } else if (s === '.' || lower === '%2e') {
        if (last) out.push('');
      } else {
        out.push(s);
      }
    }
    return '/' + out.join('/');
  }

  function parseUrl(input, base) {
    let s = ReflectApply(StringReplace, StringFn(input), [/^[\x00-\x20]+|[\x00-\x20]+$/g, '']);
    s = ReflectApply(StringReplace, s, [/[\t\n\r]/g, '']);
    const u = { protocol: '', username: '', password: '', hostname: '', port: '', pathname: '', search: '', hash: '', opaque: false };
    const scheme = /^([A-Za-z][A-Za-z0-9+.\-]*):/.exec(s);
    let rest;
    if (scheme) {
      u.protocol = ReflectApply(StringToLowerCase, scheme[1], []) + ':';
      rest = ReflectApply(StringSlice, s, [scheme[0].length]);
      if (isSpecial(u.protocol)) rest = ReflectApply(StringReplace, rest, [/^[\\/]*/, '//']);
      else if (rest[0] !== '/') u.opaque = true;
    } else {
      if (!base) return null;
      u.protocol = base.protocol;
      if (ReflectApply(StringSlice, s, [0, 2]) === '//' || (isSpecial(base.protocol) && /^[\\/]{2}/.test(s))) {
        rest = s;
      } else {
        u.username = base.username; u.password = base.password; u.hostname = base.hostname; u.port = base.port;
        u.opaque = base.opaque;
        const hashAt = ReflectApply(StringIndexOf, s, ['#']);
        let main = hashAt < 0 ? s : ReflectApply(StringSlice, s, [0, hashAt]);
        u.hash = hashAt < 0 ? '' : ReflectApply(StringSlice, s, [hashAt]);
        const queryAt = ReflectApply(StringIndexOf, main, ['?']);
        const path = queryAt < 0 ? main : ReflectApply(StringSlice, main, [0, queryAt]);
        u.search = queryAt < 0 ? (path === '' ? base.search : '') : ReflectApply(StringSlice, main, [queryAt]);
        if (path === '') u.pathname = base.pathname;
        else if (u.opaque) return null;
        else if (path[0] === '/' || path[0] === '\\') u.pathname = normalizePath(path, true);
        else u.pathname = normalizePath(ReflectApply(StringSlice, base.pathname, [0, base.pathname.lastIndexOf('/') + 1]) + path, true);
        return finish(u, input);
      }
    }
    const hashAt = ReflectApply(StringIndexOf, rest, ['#']);
    if (hashAt >= 0) { u.hash = ReflectApply(StringSlice, rest, [hashAt]); rest = ReflectApply(StringSlice, rest, [0, hashAt]); }
    const queryAt = ReflectApply(StringIndexOf, rest, ['?']);
    if (queryAt >= 0) { u.search = ReflectApply(StringSlice, rest, [queryAt]); rest = ReflectApply(StringSlice, rest, [0, queryAt]); }
    if (u.opaque) { u.pathname = rest; return finish(u, input); }
    if (ReflectApply(StringSlice, rest, [0, 2]) === '//') {
      rest = ReflectApply(StringSlice, rest, [2]);
      const slash = rest.search(/[\/\\]/);
      let authority = slash < 0 ? rest : ReflectApply(StringSlice, rest, [0, slash]);
      rest = slash < 0 ? '' : ReflectApply(StringSlice, rest, [slash]);
      const at = authority.lastIndexOf('@');
      if (at >= 0) {
        const info = ReflectApply(StringSlice, authority, [0, at]);
        authority = ReflectApply(StringSlice, authority, [at + 1]);
        const colon = ReflectApply(StringIndexOf, info, [':']);
        u.username = percentEncode(colon < 0 ? info : ReflectApply(StringSlice, info, [0, colon]), /[@\/:;=?\[\\\]^|{}]/);
        u.password = colon < 0 ? '' : percentEncode(ReflectApply(StringSlice, info, [colon + 1]), /[@\/:;=?\[\\\]^|{}]/);
      }
      const port = /:(\d*)$/.exec(authority);
      if (port && !/^\[[^\]]*$/.test(authority)) {
        authority = ReflectApply(StringSlice, authority, [0, port.index]);
        if (port[1] !== '') {
          const n = NumberFn(port[1]);
          if (n > 65535) return null;
          u.port = StringFn(n);
        }
      } else if (/:[^\]]*$/.test(authority) && authority[0] !== '[') {
        return null;
      }
      u.hostname = ReflectApply(StringToLowerCase, authority, []);
      if (/[\x00-\x20#%\/:<>?@\[\\\]^|]/.test(u.hostname) && !/^\[[0-9a-f:.]+\]$/.test(u.hostname)) return null;
      if (isSpecial(u.protocol) && u.protocol !== 'file:' && u.hostname === '') return null;
    }
    u.pathname = isSpecial(u.protocol) || rest !== '' ? normalizePath(rest === '' ? '/' : ReflectApply(StringReplace, rest, [/\\/g, '/']), true) : rest;
    return finish(u, input);
  }

  function finish(u, input) {
    if (SPECIAL_PORTS[u.protocol] === u.port) u.port = '';
    if (!u.opaque) u.pathname = percentEncode(u.pathname);
    if (u.search === '?') u.search = '';
    if (u.hash === '#') u.hash = '';
    u.search = percentEncode(u.search, isSpecial(u.protocol) ? /'/ : undefined);
    u.hash = percentEncode(u.hash);
    return u;
  }

  class URL {
    #u;
    #params;
    constructor(input, base) {
      let baseRecord;
      if (base !== undefined) {
        baseRecord = parseUrl(base instanceof URL ? base.href : base, undefined);
        if (!baseRecord) throw new TypeErrorCtor(`Invalid base URL: ${StringFn(base)}`);
      }
      const u = parseUrl(input instanceof URL ? input.href : input, baseRecord);
      if (!u) throw new TypeErrorCtor(`Invalid URL: ${StringFn(input)}`);
      this.#u = u;
      this.#params = new URLSearchParams(u.search);
      paramsOwner.set(this.#params, this);
    }
    static canParse(input, base) {
      try { new URL(input, base); return true; } catch (e) { return false; }
    }
    static _setQuery(url, query) { url.#u.search = query ? '?' + query : ''; }
    get href() {
      const u = this.#u;
      let auth = '';
      if (u.hostname !== '' || u.protocol === 'file:' || (!u.opaque && isSpecial(u.protocol))) {
        const creds = u.username || u.password ? u.username + (u.password ? ':' + u.password : '') + '@' : '';
        auth = '//' + creds + this.host;
      }
      return u.protocol + auth + u.pathname + u.search + u.hash;
    }
    set href(value) {
      const u = parseUrl(value, undefined);
      if (!u) throw new TypeErrorCtor(`Invalid URL: ${StringFn(value)}`);
      this.#u = u;
      URLSearchParams._reparse(this.#params, u.search);
    }
    get origin() {
      const u = this.#u;
      return isSpecial(u.protocol) && u.protocol !== 'file:' ? u.protocol + '//' + this.host : 'null';
    }
    get protocol() { return this.#u.protocol; }
    set protocol(v) {
      const p = ReflectApply(StringToLowerCase, StringFn(v), []).replace(/:.*$/, '') + ':';
      if (/^[a-z][a-z0-9+.\-]*:$/.test(p) && isSpecial(p) === isSpecial(this.#u.protocol)) {
        this.#u.protocol = p;
        if (SPECIAL_PORTS[p] === this.#u.port) this.#u.port = '';
      }
    }
    get username() { return this.#u.username; }
    set username(v) { this.#u.username = percentEncode(StringFn(v), /[@\/:;=?\[\\\]^|{}]/); }
    get password() { return this.#u.password; }
    set password(v) { this.#u.password = percentEncode(StringFn(v), /[@\/:;=?\[\\\]^|{}]/); }
    get host() { return this.#u.hostname + (this.#u.port ? ':' + this.#u.port : ''); }
    set host(v) {
      const probe = parseUrl(this.#u.protocol + '//' + StringFn(v), undefined);
      if (probe) { this.#u.hostname = probe.hostname; this.#u.port = probe.port; }
    }
    get hostname() { return this.#u.hostname; }
    set hostname(v) {
      const probe = parseUrl(this.#u.protocol + '//' + StringFn(v), undefined);
      if (probe) this.#u.hostname = probe.hostname;
    }
    get port() { return this.#u.port; }
    set port(v) {
      const s = StringFn(v);
      if (s === '') { this.#u.port = ''; return; }
      const m = /^\d+/.exec(s);
      if (m && NumberFn(m[0]) <= 65535) this.#u.port = SPECIAL_PORTS[this.#u.protocol] === StringFn(NumberFn(m[0])) ? '' : StringFn(NumberFn(m[0]));
    }
    get pathname() { return this.#u.pathname; }
    set pathname(v) {
      if (this.#u.opaque) return;
      let p = StringFn(v);
      if (p[0] !== '/') p = '/' + p;
      this.#u.pathname = percentEncode(normalizePath(p, true));
    }
    get search() { return this.#u.search; }
    set search(v) {
      let s = StringFn(v);
      if (s[0] === '?') s = ReflectApply(StringSlice, s, [1]);
      this.#u.search = s ? percentEncode('?' + s, isSpecial(this.#u.protocol) ? /'/ : undefined) : '';
      URLSearchParams._reparse(this.#params, this.#u.search);
    }
    get searchParams() { return this.#params; }
    get hash() { return this.#u.hash; }
    set hash(v) {
      let s = StringFn(v);
      if (s[0] === '#') s = ReflectApply(StringSlice, s, [1]);
      this.#u.hash = s ? percentEncode('#' + s) : '';
    }
    toString() { return this.href; }
    toJSON() { return this.href; }
    get [Symbol.toStringTag]() { return 'URL'; }
  }
  defineGlobal('URL', URL);
  defineGlobal('URLSearchParams', URLSearchParams);

  return { URLSearchParams };
}))
