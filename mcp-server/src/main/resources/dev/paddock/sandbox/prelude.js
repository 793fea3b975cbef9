// Paddock's standard library and runtime, installed once per isolate.
//
// The host's hooks arrive as arguments and live only in this closure: agent code can call the functions
// built on them, never the hooks themselves. Everything the runtime relies on (serialising results,
// formatting logs, timers) is captured here first, so an agent that overwrites JSON, Array.prototype or
// Map.prototype in its own isolate cannot break how its results come back.
(function (logHook, setTimerHook, clearTimerHook, randomHook, clockHook, uncaughtHook, hostCallHook) {
  'use strict';

  const global = globalThis;
  const ReflectApply = Reflect.apply;
  const ObjectKeys = Object.keys;
  const ObjectGetPrototypeOf = Object.getPrototypeOf;
  const ObjectDefineProperty = Object.defineProperty;
  const ObjectIs = Object.is;
  const ObjectToString = Object.prototype.toString;
  const ObjectHasOwn = Object.prototype.hasOwnProperty;
  const ArrayIsArray = Array.isArray;
  const ArrayBufferIsView = ArrayBuffer.isView;
  const JSONStringify = JSON.stringify;
  const StringFn = String;
  const NumberFn = Number;
  const MathFloor = Math.floor;
  const MathMin = Math.min;
  const StringFromCharCode = String.fromCharCode;
  const StringCharCodeAt = String.prototype.charCodeAt;
  const StringSlice = String.prototype.slice;
  const StringIndexOf = String.prototype.indexOf;
  const StringReplace = String.prototype.replace;
  const StringToLowerCase = String.prototype.toLowerCase;
  const StringToUpperCase = String.prototype.toUpperCase;
  const FunctionToString = Function.prototype.toString;
  const SymbolToString = Symbol.prototype.toString;
  const SymbolIterator = Symbol.iterator;
  const DateGetTime = Date.prototype.getTime;
  const DateToISOString = Date.prototype.toISOString;
  const RegExpToString = RegExp.prototype.toString;
  const RegExpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
  const MapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size').get;
  const SetSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size').get;
  const MapEntries = Map.prototype.entries;
  const SetValues = Set.prototype.values;
  const MapIteratorNext = Object.getPrototypeOf(new Map().entries()).next;
  const SetIteratorNext = Object.getPrototypeOf(new Set().values()).next;
  const MapGet = Map.prototype.get;
  const MapSet = Map.prototype.set;
  const MapDelete = Map.prototype.delete;
  const MapClear = Map.prototype.clear;
  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const TypedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
  const TypedArrayLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'length').get;
  const ArrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
  const ArrayBufferSlice = ArrayBuffer.prototype.slice;
  const TypedArrayBuffer = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'buffer').get;
  const TypedArrayByteOffset = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteOffset').get;
  const TypedArrayByteLength = Object.getOwnPropertyDescriptor(TypedArrayPrototype, 'byteLength').get;
  const DataViewBuffer = Object.getOwnPropertyDescriptor(DataView.prototype, 'buffer').get;
  const DataViewByteOffset = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteOffset').get;
  const DataViewByteLength = Object.getOwnPropertyDescriptor(DataView.prototype, 'byteLength').get;
  const Uint8ArrayCtor = Uint8Array;
  const PromiseCtor = Promise;
  const PromiseThen = Promise.prototype.then;
  const PromiseResolve = Promise.resolve;
  const PromiseReject = Promise.reject;
  const ErrorCtor = Error;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const SyntaxErrorCtor = SyntaxError;
  const JSONParse = JSON.parse;
  const ObjectFreeze = Object.freeze;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectCreate = Object.create;

  const call = (fn, self, a, b) => ReflectApply(fn, self, [a, b]);
  const brand = (getter, value) => {
    try { ReflectApply(getter, value, []); return true; } catch (e) { return false; }
  };
  const isDate = v => brand(DateGetTime, v);
  const isMap = v => brand(MapSize, v);
  const isSet = v => brand(SetSize, v);
  const isRegExp = v => brand(RegExpSource, v);
  const isArrayBuffer = v => brand(ArrayBufferByteLength, v);
  const isDataView = v => brand(DataViewBuffer, v);
  const typedArrayName = v => (ArrayBufferIsView(v) ? ReflectApply(TypedArrayTag, v, []) : undefined);
  const isError = v => v instanceof ErrorCtor || ReflectApply(ObjectToString, v, []) === '[object Error]';
  const hasOwn = (o, k) => ReflectApply(ObjectHasOwn, o, [k]);

  function namedError(name, message) {
    const e = new ErrorCtor(message);
    e.name = name;
    return e;
  }

  function define(target, name, value) {
    ObjectDefineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Iterates a Map's entries or a Set's values without going through (overridable) prototypes. */
  function forEachEntry(collection, map, fn) {
    const it = ReflectApply(map ? MapEntries : SetValues, collection, []);
    const next = map ? MapIteratorNext : SetIteratorNext;
    for (let step = ReflectApply(next, it, []); !step.done; step = ReflectApply(next, it, [])) fn(step.value);
  }

  function bytesOf(v) {
    if (isArrayBuffer(v)) return new Uint8ArrayCtor(v);
    if (isDataView(v)) return new Uint8ArrayCtor(ReflectApply(DataViewBuffer, v, []), ReflectApply(DataViewByteOffset, v, []), ReflectApply(DataViewByteLength, v, []));
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // console: Node-like formatting of values

  const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const MAX_DEPTH = 2;
  const MAX_ITEMS = 100;

  function quote(s) {
    const q = ReflectApply(StringIndexOf, s, ["'"]) >= 0 && ReflectApply(StringIndexOf, s, ['"']) < 0 ? '"' : "'";
    let out = q;
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c === q || c === '\\') out += '\\' + c;
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else out += c;
    }
    return out + q;
  }

  function functionLabel(fn) {
    let source = '';
    try { source = ReflectApply(FunctionToString, fn, []); } catch (e) { /* proxies */ }
    const name = typeof fn.name === 'string' && fn.name ? fn.name : '';
    if (ReflectApply(StringSlice, source, [0, 6]) === 'class ') return name ? `[class ${name}]` : '[class (anonymous)]';
    return name ? `[Function: ${name}]` : '[Function (anonymous)]';
  }

  function constructorName(v) {
    const proto = ObjectGetPrototypeOf(v);
    if (proto === null) return null;
    const ctor = proto.constructor;
    return typeof ctor === 'function' && typeof ctor.name === 'string' ? ctor.name : '';
  }

  function inspect(v, depth, seen, top) {
    switch (typeof v) {
      case 'string': return top ? v : quote(v);
      case 'number': return ObjectIs(v, -0) ? '-0' : StringFn(v);
      case 'bigint': return StringFn(v) + 'n';
      case 'boolean':
      case 'undefined': return StringFn(v);
      case 'symbol': return ReflectApply(SymbolToString, v, []);
      case 'function': return functionLabel(v);
    }
    if (v === null) return 'null';
    for (let i = 0; i < seen.length; i++) if (seen[i] === v) return '[Circular]';
    if (isDate(v)) {
      const t = ReflectApply(DateGetTime, v, []);
      return t === t ? ReflectApply(DateToISOString, v, []) : 'Invalid Date';
    }
    if (isRegExp(v)) return ReflectApply(RegExpToString, v, []);
    if (isError(v)) {
      const stack = v.stack;
      return typeof stack === 'string' && stack ? stack : `${v.name}: ${v.message}`;
    }
    const array = ArrayIsArray(v);
    const typed = typedArrayName(v);
    if (depth > MAX_DEPTH) {
      if (array) return '[Array]';
      const name = constructorName(v);
      return `[${name || 'Object'}]`;
    }
    seen[seen.length] = v;
    try {
      const parts = [];
      const add = s => { parts[parts.length] = s; };
      let open = '{', close = '}', prefix = '';
      if (array || typed) {
        open = '['; close = ']';
        const length = typed ? ReflectApply(TypedArrayLength, v, []) : v.length;
        if (typed) prefix = `${typed}(${length}) `;
        const shown = MathMin(length, MAX_ITEMS);
        for (let i = 0; i < shown; i++) add(array && !hasOwn(v, i) ? '<empty>' : inspect(v[i], depth + 1, seen, false));
        if (length > shown) add(`... ${length - shown} more item${length - shown > 1 ? 's' : ''}`);
      } else if (isMap(v)) {
        prefix = `Map(${ReflectApply(MapSize, v, [])}) `;
        forEachEntry(v, true, e => add(`${inspect(e[0], depth + 1, seen, false)} => ${inspect(e[1], depth + 1, seen, false)}`));
      } else if (isSet(v)) {
        prefix = `Set(${ReflectApply(SetSize, v, [])}) `;
        forEachEntry(v, false, e => add(inspect(e, depth + 1, seen, false)));
      } else if (isArrayBuffer(v)) {
        const bytes = new Uint8ArrayCtor(v);
        prefix = `ArrayBuffer { byteLength: ${bytes.length} } `;
        return prefix.trim();
      } else {
        const name = constructorName(v);
        if (name === null) prefix = '[Object: null prototype] ';
        else if (name && name !== 'Object') prefix = name + ' ';
        if (v instanceof PromiseCtor) return 'Promise { <unknown> }';
      }
      if (!array && !typed) {
        const keys = ObjectKeys(v);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          add(`${IDENTIFIER.test(k) ? k : quote(k)}: ${inspect(v[k], depth + 1, seen, false)}`);
        }
      } else if (array) {
        const keys = ObjectKeys(v);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i];
          if (!(NumberFn(k) >= 0 && MathFloor(NumberFn(k)) === NumberFn(k))) add(`${IDENTIFIER.test(k) ? k : quote(k)}: ${inspect(v[k], depth + 1, seen, false)}`);
        }
      }
      if (parts.length === 0) return `${prefix}${open}${close}`;
      let body = '';
      for (let i = 0; i < parts.length; i++) body += (i ? ', ' : '') + parts[i];
      return `${prefix}${open} ${body} ${close}`;
    } finally {
      seen.length = seen.length - 1;
    }
  }

  function format(args) {
    let out = '';
    let rest = 0;
    if (typeof args[0] === 'string' && ReflectApply(StringIndexOf, args[0], ['%']) >= 0 && args.length > 1) {
      const f = args[0];
      let next = 1;
      for (let i = 0; i < f.length; i++) {
        const c = f[i];
        if (c !== '%' || i + 1 >= f.length) { out += c; continue; }
        const d = f[i + 1];
        if (d === '%') { out += '%'; i++; continue; }
        if (next >= args.length || 'sdifjoOc'.indexOf(d) < 0) { out += c; continue; }
        const a = args[next++];
        i++;
        if (d === 's') out += typeof a === 'string' ? a : inspect(a, 1, [], false);
        else if (d === 'd' || d === 'i') out += typeof a === 'bigint' ? `${a}n` : StringFn(d === 'i' ? MathFloor(NumberFn(a)) : NumberFn(a));
        else if (d === 'f') out += StringFn(NumberFn(a));
        else if (d === 'j') { try { out += JSONStringify(a); } catch (e) { out += '[Circular]'; } }
        else if (d === 'c') { /* CSS is ignored, as Node does */ }
        else out += inspect(a, 0, [], false);
      }
      rest = next;
    } else if (args.length > 0) {
      out = inspect(args[0], 0, [], true);
      rest = 1;
    }
    for (let i = rest; i < args.length; i++) out += ' ' + inspect(args[i], 0, [], true);
    return out;
  }

  const consoleObject = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    define(consoleObject, level, function (...args) { logHook(level, format(args)); });
  }
  define(consoleObject, 'trace', function (...args) { logHook('error', 'Trace: ' + format(args)); });
  define(consoleObject, 'dir', function (value) { logHook('log', inspect(value, 0, [], false)); });
  define(consoleObject, 'assert', function (condition, ...args) {
    if (!condition) logHook('error', args.length ? 'Assertion failed: ' + format(args) : 'Assertion failed');
  });
  const counts = new Map();
  const timersByLabel = new Map();
  define(consoleObject, 'count', function (label = 'default') {
    const n = (call(MapGet, counts, StringFn(label)) || 0) + 1;
    call(MapSet, counts, StringFn(label), n);
    logHook('info', `${label}: ${n}`);
  });
  define(consoleObject, 'countReset', function (label = 'default') { call(MapDelete, counts, StringFn(label)); });
  define(consoleObject, 'time', function (label = 'default') { call(MapSet, timersByLabel, StringFn(label), clockHook()); });
  const elapsed = (label, remove) => {
    const start = call(MapGet, timersByLabel, StringFn(label));
    if (start === undefined) { logHook('warn', `No such label '${label}' for console.timeEnd()`); return undefined; }
    if (remove) call(MapDelete, timersByLabel, StringFn(label));
    const ms = clockHook() - start;
    return `${label}: ${ms < 1000 ? ms.toFixed(3) + 'ms' : (ms / 1000).toFixed(3) + 's'}`;
  };
  define(consoleObject, 'timeLog', function (label = 'default', ...data) {
    const text = elapsed(label, false);
    if (text !== undefined) logHook('info', data.length ? text + ' ' + format(data) : text);
  });
  define(consoleObject, 'timeEnd', function (label = 'default') {
    const text = elapsed(label, true);
    if (text !== undefined) logHook('info', text);
  });
  define(consoleObject, 'table', function (data) { logHook('log', inspect(data, 0, [], true)); });
  define(global, 'console', consoleObject);

  // ---------------------------------------------------------------------------------------------
  // Timers and microtasks: the host's loop runs them on the isolate's thread until the execution ends.

  const timers = new Map();
  let nextTimerId = 1;

  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be a function (strings are not evaluated)');
    }
    let ms = MathFloor(NumberFn(delay));
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    const id = nextTimerId++;
    call(MapSet, timers, id, { callback, args, ms, repeat });
    setTimerHook(id, ms);
    return id;
  }

  function clearTimer(id) {
    if (call(MapDelete, timers, id)) clearTimerHook(id);
  }

  define(global, 'setTimeout', function setTimeout(callback, delay, ...args) { return addTimer(callback, delay, args, false); });
  define(global, 'setInterval', function setInterval(callback, delay, ...args) { return addTimer(callback, delay, args, true); });
  define(global, 'clearTimeout', function clearTimeout(id) { clearTimer(id); });
  define(global, 'clearInterval', function clearInterval(id) { clearTimer(id); });
  define(global, 'queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw new TypeErrorCtor('queueMicrotask expects a function');
    ReflectApply(PromiseThen, ReflectApply(PromiseResolve, PromiseCtor, []), [() => {
      try { callback(); } catch (e) { uncaughtHook(e); }
    }]);
  });

  // ---------------------------------------------------------------------------------------------
  // performance, crypto

  const timeOrigin = Date.now();
  define(global, 'performance', {
    now() { return clockHook(); },
    get timeOrigin() { return timeOrigin; },
  });

  function randomBytes(n) {
    const hex = randomHook(n);
    const bytes = new Uint8ArrayCtor(n);
    for (let i = 0; i < n; i++) bytes[i] = NumberFn('0x' + ReflectApply(StringSlice, hex, [2 * i, 2 * i + 2]));
    return bytes;
  }

  const hexByte = b => (b < 16 ? '0' : '') + b.toString(16);
  define(global, 'crypto', {
    getRandomValues(array) {
      const name = typedArrayName(array);
      if (!name || name === 'Float32Array' || name === 'Float64Array' || name === 'Float16Array') {
        throw namedError('TypeMismatchError', 'crypto.getRandomValues expects an integer typed array');
      }
      const view = new Uint8ArrayCtor(array.buffer, array.byteOffset, array.byteLength);
      if (view.length > 65536) {
        throw namedError('QuotaExceededError', `crypto.getRandomValues: ${view.length} bytes requested, at most 65536 allowed`);
      }
      const bytes = randomBytes(view.length);
      for (let i = 0; i < view.length; i++) view[i] = bytes[i];
      return array;
    },
    randomUUID() {
      const b = randomBytes(16);
      b[6] = (b[6] & 0x0f) | 0x40;
      b[8] = (b[8] & 0x3f) | 0x80;
      let s = '';
      for (let i = 0; i < 16; i++) s += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + hexByte(b[i]);
      return s;
    },
  });

  // ---------------------------------------------------------------------------------------------
  // TextEncoder / TextDecoder (UTF-8 only), atob / btoa

  function utf8Encode(input) {
    const s = StringFn(input);
    const out = [];
    for (let i = 0; i < s.length; i++) {
      let c = ReflectApply(StringCharCodeAt, s, [i]);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
        const d = ReflectApply(StringCharCodeAt, s, [i + 1]);
        if (d >= 0xdc00 && d <= 0xdfff) { c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00); i++; } else c = 0xfffd;
      } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      if (c < 0x80) out[out.length] = c;
      else if (c < 0x800) { out[out.length] = 0xc0 | (c >> 6); out[out.length] = 0x80 | (c & 63); }
      else if (c < 0x10000) { out[out.length] = 0xe0 | (c >> 12); out[out.length] = 0x80 | ((c >> 6) & 63); out[out.length] = 0x80 | (c & 63); }
      else { out[out.length] = 0xf0 | (c >> 18); out[out.length] = 0x80 | ((c >> 12) & 63); out[out.length] = 0x80 | ((c >> 6) & 63); out[out.length] = 0x80 | (c & 63); }
    }
    return Uint8ArrayCtor.from(out);
  }

  function utf8Decode(bytes, fatal) {
    let out = '';
    const bad = () => {
      if (fatal) throw new TypeErrorCtor('The encoded data was not valid UTF-8');
      return '\ufffd';
    };
    for (let i = 0; i < bytes.length;) {
      const b = bytes[i];
      let need = 0, c = 0, min = 0;
      if (b < 0x80) { out += StringFromCharCode(b); i++; continue; }
      if (b >= 0xc2 && b <= 0xdf) { need = 1; c = b & 0x1f; min = 0x80; }
      else if (b >= 0xe0 && b <= 0xef) { need = 2; c = b & 0x0f; min = 0x800; }
      else if (b >= 0xf0 && b <= 0xf4) { need = 3; c = b & 0x07; min = 0x10000; }
      else { out += bad(); i++; continue; }
      let j = 1;
      for (; j <= need && i + j < bytes.length && (bytes[i + j] & 0xc0) === 0x80; j++) c = (c << 6) | (bytes[i + j] & 63);
      if (j <= need || c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) { out += bad(); i += j <= need ? j : 1; continue; }
      if (c >= 0x10000) { c -= 0x10000; out += StringFromCharCode(0xd800 + (c >> 10), 0xdc00 + (c & 1023)); }
      else out += StringFromCharCode(c);
      i += need + 1;
    }
    return out;
  }

  class TextEncoder {
    get encoding() { return 'utf-8'; }
    encode(input = '') { return utf8Encode(input); }
    encodeInto(input, destination) {
      const bytes = utf8Encode(input);
      const n = MathMin(bytes.length, destination.length);
      for (let i = 0; i < n; i++) destination[i] = bytes[i];
      return { read: StringFn(input).length, written: n };
    }
  }

  class TextDecoder {
    #fatal;
    #ignoreBOM;
    constructor(label = 'utf-8', options = {}) {
      const l = ReflectApply(StringToLowerCase, StringFn(label), []).trim();
      if (l !== 'utf-8' && l !== 'utf8' && l !== 'unicode-1-1-utf-8') {
        throw new RangeErrorCtor(`TextDecoder: only utf-8 is supported, not '${label}'`);
      }
      this.#fatal = !!(options && options.fatal);
      this.#ignoreBOM = !!(options && options.ignoreBOM);
    }
    get encoding() { return 'utf-8'; }
    get fatal() { return this.#fatal; }
    get ignoreBOM() { return this.#ignoreBOM; }
    decode(input) {
      if (input === undefined) return '';
      let bytes = bytesOf(input);
      if (typedArrayName(bytes) && typedArrayName(bytes) !== 'Uint8Array') bytes = new Uint8ArrayCtor(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (!typedArrayName(bytes)) throw new TypeErrorCtor('TextDecoder.decode expects an ArrayBuffer or a typed array');
      let start = 0;
      if (!this.#ignoreBOM && bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      return utf8Decode(start ? bytes.subarray(start) : bytes, this.#fatal);
    }
  }
  define(global, 'TextEncoder', TextEncoder);
  define(global, 'TextDecoder', TextDecoder);

  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const BASE64_VALUES = new Uint8ArrayCtor(128).fill(255);
  for (let i = 0; i < 64; i++) BASE64_VALUES[ReflectApply(StringCharCodeAt, BASE64, [i])] = i;

  /** Base64 of `length` bytes read through byteAt (a Latin-1 string's code units, or a byte array). */
  function encodeBase64(length, byteAt) {
    let out = '';
    for (let i = 0; i < length; i += 3) {
      const a = byteAt(i);
      const b = i + 1 < length ? byteAt(i + 1) : 0;
      const c = i + 2 < length ? byteAt(i + 2) : 0;
      const n = (a << 16) | (b << 8) | c;
      out += BASE64[n >> 18] + BASE64[(n >> 12) & 63] + (i + 1 < length ? BASE64[(n >> 6) & 63] : '=') + (i + 2 < length ? BASE64[n & 63] : '=');
    }
    return out;
  }

  /** The bytes base64 text stands for (ASCII whitespace ignored), or null when it is not base64. */
  function decodeBase64(text) {
    let s = ReflectApply(StringReplace, StringFn(text), [/[\t\n\f\r ]/g, '']);
    if (s.length % 4 === 0) s = ReflectApply(StringReplace, s, [/==?$/, '']);
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) return null;
    const bytes = new Uint8ArrayCtor(MathFloor(s.length * 3 / 4));
    let bits = 0, value = 0, n = 0;
    for (let i = 0; i < s.length; i++) {
      value = ((value << 6) | BASE64_VALUES[ReflectApply(StringCharCodeAt, s, [i])]) & 0xffffff;
      bits += 6;
      if (bits >= 8) { bits -= 8; bytes[n++] = (value >> bits) & 255; }
    }
    return bytes;
  }

  define(global, 'btoa', function btoa(data) {
    const s = StringFn(data);
    for (let i = 0; i < s.length; i++) {
      if (ReflectApply(StringCharCodeAt, s, [i]) > 255) {
        throw namedError('InvalidCharacterError', 'btoa: the string contains characters outside Latin-1; encode it with TextEncoder first');
      }
    }
    return encodeBase64(s.length, i => ReflectApply(StringCharCodeAt, s, [i]));
  });
  define(global, 'atob', function atob(data) {
    const bytes = decodeBase64(data);
    if (bytes === null) throw namedError('InvalidCharacterError', 'atob: the string is not valid base64');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += StringFromCharCode(bytes[i]);
    return out;
  });

  // ---------------------------------------------------------------------------------------------
  // structuredClone

  function cloneError(message) { return namedError('DataCloneError', message); }

  function clone(v, memo) {
    if (typeof v === 'function') throw cloneError(`${functionLabel(v)} could not be cloned`);
    if (typeof v === 'symbol') throw cloneError(`${ReflectApply(SymbolToString, v, [])} could not be cloned`);
    if (v === null || typeof v !== 'object') return v;
    const known = call(MapGet, memo, v);
    if (known !== undefined) return known;
    let copy;
    if (isDate(v)) copy = new Date(ReflectApply(DateGetTime, v, []));
    else if (isRegExp(v)) copy = new RegExp(ReflectApply(RegExpSource, v, []), v.flags);
    else if (isArrayBuffer(v)) copy = v.slice(0);
    else if (typedArrayName(v)) copy = new global[typedArrayName(v)](clone(v.buffer, memo), v.byteOffset, ReflectApply(TypedArrayLength, v, []));
    else if (isDataView(v)) copy = new DataView(clone(ReflectApply(DataViewBuffer, v, []), memo), ReflectApply(DataViewByteOffset, v, []), ReflectApply(DataViewByteLength, v, []));
    else if (isMap(v)) {
      copy = new Map();
      call(MapSet, memo, v, copy);
      forEachEntry(v, true, e => call(MapSet, copy, clone(e[0], memo), clone(e[1], memo)));
      return copy;
    } else if (isSet(v)) {
      copy = new Set();
      call(MapSet, memo, v, copy);
      forEachEntry(v, false, e => copy.add(clone(e, memo)));
      return copy;
    } else if (isError(v)) {
      copy = new ErrorCtor(v.message);
      call(MapSet, memo, v, copy);
      copy.name = v.name;
      if (typeof v.stack === 'string') copy.stack = v.stack;
      return copy;
    } else if (v instanceof PromiseCtor || v instanceof WeakMap || v instanceof WeakSet) {
      throw cloneError(`${constructorName(v)} could not be cloned`);
    } else {
      copy = ArrayIsArray(v) ? new Array(v.length) : {};
      call(MapSet, memo, v, copy);
      const keys = ObjectKeys(v);
      for (let i = 0; i < keys.length; i++) copy[keys[i]] = clone(v[keys[i]], memo);
      return copy;
    }
    call(MapSet, memo, v, copy);
    return copy;
  }
  define(global, 'structuredClone', function structuredClone(value) { return clone(value, new Map()); });

  // ---------------------------------------------------------------------------------------------
  // URL and URLSearchParams (WHATWG-like: special schemes, relative resolution, dot segments,
  // percent-encoding; no IDNA/punycode)

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
    try { return decodeURIComponent(plus); } catch (e) {
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

  const paramsOwner = new WeakMap();

  class URLSearchParams {
    #list = [];
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
  define(global, 'URL', URL);
  define(global, 'URLSearchParams', URLSearchParams);

  // ---------------------------------------------------------------------------------------------
  // Results: values to JSON, with documented shapes for what JSON cannot express

  const TOO_BIG = {};
  const MAX_SERIALIZE_DEPTH = 100;
  const MAX_BINARY_ITEMS = 10000;

  const TOO_DEEP = {};

  // strict: arguments leaving the isolate must arrive whole, so nesting past the limit fails instead of
  // being replaced by a marker as it is in results.
  function serialize(value, maxChars, strict) {
    let out = '';
    const ancestors = [];
    const emit = s => {
      out += s;
      if (out.length > maxChars) throw TOO_BIG;
    };
    const omitted = v => v === undefined || typeof v === 'function' || typeof v === 'symbol';

    function binary(name, items, length, toItem) {
      emit(`{"$type":${JSONStringify(name)},"length":${length},"data":[`);
      const shown = MathMin(length, MAX_BINARY_ITEMS);
      for (let i = 0; i < shown; i++) emit((i ? ',' : '') + toItem(items[i]));
      emit(']');
      if (shown < length) emit(',"truncated":true');
      emit('}');
    }

    function object(v, depth) {
      for (let i = 0; i < ancestors.length; i++) if (ancestors[i] === v) { emit('{"$ref":"[Circular]"}'); return; }
      if (depth > MAX_SERIALIZE_DEPTH) {
        if (strict) throw TOO_DEEP;
        emit(`{"$truncated":"nested deeper than ${MAX_SERIALIZE_DEPTH} levels"}`);
        return;
      }
      if (isDate(v)) {
        const t = ReflectApply(DateGetTime, v, []);
        emit(t === t ? JSONStringify(ReflectApply(DateToISOString, v, [])) : 'null');
        return;
      }
      const typed = typedArrayName(v);
      if (typed) {
        const big = typed === 'BigInt64Array' || typed === 'BigUint64Array';
        binary(typed, v, ReflectApply(TypedArrayLength, v, []), x => (big ? JSONStringify(StringFn(x)) : StringFn(x)));
        return;
      }
      if (isArrayBuffer(v) || isDataView(v)) {
        const bytes = bytesOf(v);
        binary(isArrayBuffer(v) ? 'ArrayBuffer' : 'DataView', bytes, bytes.length, StringFn);
        return;
      }
      if (isRegExp(v)) { emit(JSONStringify(ReflectApply(RegExpToString, v, []))); return; }
      ancestors[ancestors.length] = v;
      try {
        if (isError(v)) {
          emit(`{"$type":"Error","name":${JSONStringify(StringFn(v.name))},"message":${JSONStringify(StringFn(v.message))}`);
          if (typeof v.stack === 'string') emit(`,"stack":${JSONStringify(v.stack)}`);
          emit('}');
        } else if (isMap(v)) {
          emit('{"$type":"Map","entries":[');
          let first = true;
          forEachEntry(v, true, e => {
            emit(first ? '[' : ',[');
            first = false;
            write(e[0], depth + 1, true);
            emit(',');
            write(e[1], depth + 1, true);
            emit(']');
          });
          emit(']}');
        } else if (isSet(v)) {
          emit('{"$type":"Set","values":[');
          let first = true;
          forEachEntry(v, false, e => {
            if (!first) emit(',');
            first = false;
            write(e, depth + 1, true);
          });
          emit(']}');
        } else if (ArrayIsArray(v)) {
          emit('[');
          const length = v.length;
          for (let i = 0; i < length; i++) {
            if (i) emit(',');
            write(v[i], depth + 1, true);
          }
          emit(']');
        } else if (typeof v.toJSON === 'function') {
          const replaced = v.toJSON();
          ancestors.length = ancestors.length - 1;
          // Restored even when writing the replacement throws, so the outer finally pops the right entry.
          try { write(replaced, depth + 1, true); } finally { ancestors[ancestors.length] = v; }
        } else {
          emit('{');
          const keys = ObjectKeys(v);
          let first = true;
          for (let i = 0; i < keys.length; i++) {
            const item = v[keys[i]];
            if (omitted(item)) continue;
            emit((first ? '' : ',') + JSONStringify(keys[i]) + ':');
            first = false;
            write(item, depth + 1, true);
          }
          emit('}');
        }
      } finally {
        ancestors.length = ancestors.length - 1;
      }
    }

    function write(v, depth) {
      switch (typeof v) {
        case 'string': emit(JSONStringify(v)); return;
        case 'number': emit(v === v && v !== Infinity && v !== -Infinity ? StringFn(v) : 'null'); return;
        case 'boolean': emit(v ? 'true' : 'false'); return;
        case 'bigint': emit(`{"$type":"BigInt","value":"${StringFn(v)}"}`); return;
        case 'undefined':
        case 'function':
        case 'symbol': emit('null'); return;
      }
      if (v === null) { emit('null'); return; }
      object(v, depth);
    }

    try {
      write(value, 0);
      return { json: out, complete: true };
    } catch (e) {
      if (e === TOO_BIG) return { json: out, complete: false };
      throw e;
    }
  }

  // Written by hand: JSON.stringify of an object would call an Object.prototype.toJSON the agent installed.
  const described = (name, message) => `{"name":${JSONStringify(name)},"message":${JSONStringify(message)}}`;

  function describeError(e) {
    try {
      if (e !== null && typeof e === 'object' && isError(e)) return described(StringFn(e.name), StringFn(e.message));
      return described('Error', 'the code threw a value that is not an Error: ' + inspect(e, 1, [], false));
    } catch (inner) {
      return described('Error', 'the code threw a value that cannot be described');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Calls out of the isolate (capabilities, fetch). Arguments leave as JSON text and results come back
  // as JSON text, so nothing of the host is ever reachable; getters, toJSON and Proxies in the arguments
  // run here, inside the isolate and under its limits, before anything is sent.

  const MAX_ARGUMENT_CHARS = 16 * 1024 * 1024;
  const HOST_EGRESS = '#egress';
  const ERROR_TYPES = { TypeError: TypeErrorCtor, RangeError: RangeErrorCtor };

  function hostCall(namespace, method, args) {
    // Created at the call so that a failure's position is the agent's own line.
    const site = new ErrorCtor();
    const fail = (name, message, code) => {
      const type = ERROR_TYPES[name];
      if (type) ObjectSetPrototypeOf(site, type.prototype);
      ObjectDefineProperty(site, 'message', { value: StringFn(message), writable: true, configurable: true });
      if (code !== null && code !== undefined) site.code = StringFn(code);
      return site;
    };
    const where = namespace === HOST_EGRESS ? 'fetch' : `${namespace}.${method}`;
    let encoded;
    try {
      encoded = serialize(args, MAX_ARGUMENT_CHARS, true);
    } catch (e) {
      if (e === TOO_DEEP) {
        return ReflectApply(PromiseReject, PromiseCtor, [fail('RangeError',
          `${where}: the arguments are nested deeper than ${MAX_SERIALIZE_DEPTH} levels; flatten the data`, 'E2BIG')]);
      }
      return ReflectApply(PromiseReject, PromiseCtor, [e]);
    }
    if (!encoded.complete) {
      return ReflectApply(PromiseReject, PromiseCtor, [fail('RangeError',
        `${where}: the arguments are larger than ${MAX_ARGUMENT_CHARS} characters as JSON; send less data per call`, 'E2BIG')]);
    }
    return new PromiseCtor((resolve, reject) => {
      hostCallHook(namespace, method, encoded.json,
        json => resolve(JSONParse(json)),
        (name, message, code) => reject(fail(name, message, code)));
    });
  }

  function installApi(namespace, methods) {
    const api = ObjectCreate(null);
    for (let i = 0; i < methods.length; i++) {
      const method = methods[i];
      // A plain function per method: no host object, no way back to the bridge itself.
      ObjectDefineProperty(api, method, {
        value: { [method]: (...args) => hostCall(namespace, method, args) }[method], enumerable: true,
      });
    }
    ObjectDefineProperty(global, namespace, { value: ObjectFreeze(api), enumerable: false, configurable: false, writable: false });
  }

  // ---------------------------------------------------------------------------------------------
  // fetch, Headers, Request, Response: the WHATWG-like subset of fetch.d.ts. The host decides all that
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
      const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      const text = utf8Decode(bom ? new Uint8ArrayCtor(buffer, 3) : bytes, false);
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

  function fetch(input, init) {
    let wire;
    try {
      wire = requestToWire(new Request(input, init));
    } catch (e) {
      return ReflectApply(PromiseReject, PromiseCtor, [e]);
    }
    return ReflectApply(PromiseThen, hostCall(HOST_EGRESS, 'fetch', [wire]), [answer => new Response(FROM_HOST, answer)]);
  }

  define(global, 'fetch', fetch);
  define(global, 'Headers', Headers);
  define(global, 'Request', Request);
  define(global, 'Response', Response);

  // ---------------------------------------------------------------------------------------------
  // The runtime the host drives; returned to the host only.

  return {
    run(fn, callIfFunction, resolve, reject) {
      const settle = v => (callIfFunction && typeof v === 'function' ? v() : v);
      ReflectApply(PromiseThen, ReflectApply(PromiseThen, fn(), [settle]), [resolve, reject]);
    },
    fireTimer(id) {
      const t = call(MapGet, timers, id);
      if (!t) return;
      if (t.repeat) setTimerHook(id, t.ms);
      else call(MapDelete, timers, id);
      try { ReflectApply(t.callback, undefined, t.args); } catch (e) { uncaughtHook(e); }
    },
    resetTimers() {
      ReflectApply(MapClear, timers, []);
    },
    serialize,
    describeError,
    installApis(json) {
      const apis = JSONParse(json);
      const names = ObjectKeys(apis);
      for (let i = 0; i < names.length; i++) installApi(names[i], apis[names[i]]);
    },
    format(value) { return inspect(value, 0, [], true); },
  };
})
