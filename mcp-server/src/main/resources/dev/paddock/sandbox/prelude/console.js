// @ts-check
// console: values formatted as Node prints them, each call one entry for the host's log hook.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, ObjectKeys, ObjectGetPrototypeOf, ObjectIs, ArrayIsArray, StringFn, NumberFn, MathFloor,
    MathMin, StringIndexOf, StringSlice, FunctionToString, SymbolToString, DateGetTime, DateToISOString,
    RegExpToString, MapSize, SetSize, MapGet, MapSet, MapDelete, MapCtor, TypedArrayLength, Uint8ArrayCtor,
    PromiseCtor, JSONStringify, logHook, clockHook, call, isDate, isRegExp, isError, isMap, isSet,
    isArrayBuffer, typedArrayName, hasOwn, define, defineGlobal, forEachEntry,
  } = lib;

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
  const counts = new MapCtor();
  const timersByLabel = new MapCtor();
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
  defineGlobal('console', consoleObject);

  return { quote, functionLabel, constructorName, inspect };
}))
