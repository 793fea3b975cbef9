// @ts-check
// Results: values to JSON, with documented shapes for what JSON cannot express (Map, Set, BigInt, binary,
// errors, cycles), and thrown values described as {name, message}.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ObjectKeys, ArrayIsArray, JSONStringify, StringFn, MathMin, ReflectApply, DateGetTime, DateToISOString,
    RegExpToString, TypedArrayLength, inspect, isDate, isRegExp, isError, isMap, isSet, isArrayBuffer,
    isDataView, typedArrayName, bytesOf, forEachEntry,
  } = lib;

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
            write(e[0], depth + 1);
            emit(',');
            write(e[1], depth + 1);
            emit(']');
          });
          emit(']}');
        } else if (isSet(v)) {
          emit('{"$type":"Set","values":[');
          let first = true;
          forEachEntry(v, false, e => {
            if (!first) emit(',');
            first = false;
            write(e, depth + 1);
          });
          emit(']}');
        } else if (ArrayIsArray(v)) {
          emit('[');
          const length = v.length;
          for (let i = 0; i < length; i++) {
            if (i) emit(',');
            write(v[i], depth + 1);
          }
          emit(']');
        } else if (typeof v.toJSON === 'function') {
          const replaced = v.toJSON();
          ancestors.length = ancestors.length - 1;
          // Restored even when writing the replacement throws, so the outer finally pops the right entry.
          try { write(replaced, depth + 1); } finally { ancestors[ancestors.length] = v; }
        } else {
          emit('{');
          const keys = ObjectKeys(v);
          let first = true;
          for (let i = 0; i < keys.length; i++) {
            const item = v[keys[i]];
            if (omitted(item)) continue;
            emit((first ? '' : ',') + JSONStringify(keys[i]) + ':');
            first = false;
            write(item, depth + 1);
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

  return { serialize, describeError, TOO_DEEP, MAX_SERIALIZE_DEPTH };
}))
