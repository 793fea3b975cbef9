// @ts-check
// Telling values apart and walking them without going through prototypes the agent can overwrite: the
// brand checks and small helpers every other file of the prelude shares.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    global, ReflectApply, ObjectToString, ObjectHasOwn, ObjectDefineProperty, ArrayBufferIsView, ErrorCtor,
    DateGetTime, MapSize, SetSize, RegExpSource, ArrayBufferByteLength, DataViewBuffer, DataViewByteOffset,
    DataViewByteLength, TypedArrayTag, MapEntries, SetValues, MapIteratorNext, SetIteratorNext, Uint8ArrayCtor,
  } = lib;

  /** fn called with two arguments, through the captured Reflect.apply. */
  const call = (/** @type {Function} */ fn, /** @type {any} */ self, /** @type {any} */ a, /** @type {any} */ b) =>
    ReflectApply(fn, self, [a, b]);
  /** True when the built-in getter accepts the value, i.e. it has that internal slot. */
  const brand = (/** @type {Function} */ getter, /** @type {any} */ value) => {
    try { ReflectApply(getter, value, []); return true; } catch (e) { return false; }
  };

  /** An Error whose name is a DOMException's (DataCloneError, InvalidCharacterError, ...). */
  function namedError(/** @type {string} */ name, /** @type {string} */ message) {
    const e = new ErrorCtor(message);
    e.name = name;
    return e;
  }

  /** Installs a global (or a member) the way built-ins are: writable, configurable, not enumerable. */
  function define(/** @type {object} */ target, /** @type {PropertyKey} */ name, /** @type {unknown} */ value) {
    ObjectDefineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
  }

  /** Iterates a Map's entries or a Set's values without going through (overridable) prototypes. */
  function forEachEntry(/** @type {any} */ collection, /** @type {boolean} */ map, /** @type {(entry: any) => void} */ fn) {
    const it = ReflectApply(map ? MapEntries : SetValues, collection, []);
    const next = map ? MapIteratorNext : SetIteratorNext;
    for (let step = ReflectApply(next, it, []); !step.done; step = ReflectApply(next, it, [])) fn(step.value);
  }

  /** The bytes of an ArrayBuffer or DataView as a Uint8Array; any other value as it is. */
  function bytesOf(/** @type {any} */ v) {
    if (isArrayBuffer(v)) return new Uint8ArrayCtor(v);
    if (isDataView(v)) return new Uint8ArrayCtor(ReflectApply(DataViewBuffer, v, []), ReflectApply(DataViewByteOffset, v, []), ReflectApply(DataViewByteLength, v, []));
    return v;
  }

  const isArrayBuffer = (/** @type {unknown} */ v) => brand(ArrayBufferByteLength, v);
  const isDataView = (/** @type {unknown} */ v) => brand(DataViewBuffer, v);

  return {
    call,
    isDate: (/** @type {unknown} */ v) => brand(DateGetTime, v),
    isMap: (/** @type {unknown} */ v) => brand(MapSize, v),
    isSet: (/** @type {unknown} */ v) => brand(SetSize, v),
    isRegExp: (/** @type {unknown} */ v) => brand(RegExpSource, v),
    isArrayBuffer,
    isDataView,
    /** The typed array's kind ('Uint8Array', ...), or undefined for anything else. */
    typedArrayName: (/** @type {unknown} */ v) => (ArrayBufferIsView(v) ? ReflectApply(TypedArrayTag, v, []) : undefined),
    isError: (/** @type {any} */ v) => v instanceof ErrorCtor || ReflectApply(ObjectToString, v, []) === '[object Error]',
    hasOwn: (/** @type {object} */ o, /** @type {PropertyKey} */ k) => ReflectApply(ObjectHasOwn, o, [k]),
    namedError,
    define,
    /** Installs a global of the standard library. */
    defineGlobal: (/** @type {string} */ name, /** @type {unknown} */ value) => define(global, name, value),
    forEachEntry,
    bytesOf,
  };
}))
