// @ts-check
// The first file of the prelude, evaluated before any other and before agent code: it captures every
// built-in the standard library relies on, together with the host's hooks, in one frozen object. The other
// files take what they use from that object (`lib`), never from the global, so an agent that overwrites
// JSON, Array.prototype or Map.prototype in its own isolate cannot break how its results come back.
//
// The hooks live only in `lib`: agent code can call the functions built on them, never the hooks themselves.
(/** @type {PreludeIntrinsicsFactory} */ (function (logHook, setTimerHook, clearTimerHook, randomHook, clockHook, uncaughtHook, hostCallHook, executionHook) {
  'use strict';

  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const getter = (/** @type {object} */ prototype, /** @type {PropertyKey} */ name) =>
    /** @type {(this: any) => any} */ (/** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(prototype, name)).get);
  const ObjectFreeze = Object.freeze;
  const ObjectSetPrototypeOf = Object.setPrototypeOf;
  const ObjectKeys = Object.keys;
  const ObjectHasOwn = Object.prototype.hasOwnProperty;
  const ReflectApply = Reflect.apply;
  const utf8Encoder = new TextEncoder();
  const utf8Decoder = new TextDecoder();

  return ObjectFreeze({
    __proto__: null,
    global: globalThis,
    ReflectApply,
    ObjectKeys,
    ObjectGetPrototypeOf: Object.getPrototypeOf,
    ObjectDefineProperty: Object.defineProperty,
    ObjectIs: Object.is,
    ObjectToString: Object.prototype.toString,
    ObjectHasOwn,
    ObjectFreeze,
    ObjectSetPrototypeOf,
    ObjectCreate: Object.create,
    ProxyCtor: Proxy,
    ArrayCtor: Array,
    ArrayIsArray: Array.isArray,
    ArrayBufferIsView: ArrayBuffer.isView,
    JSONStringify: JSON.stringify,
    JSONParse: JSON.parse,
    StringFn: String,
    NumberFn: Number,
    MathFloor: Math.floor,
    MathMin: Math.min,
    DateNow: Date.now,
    DecodeURIComponent: decodeURIComponent,
    StringFromCharCode: String.fromCharCode,
    StringCharCodeAt: String.prototype.charCodeAt,
    StringSlice: String.prototype.slice,
    StringIndexOf: String.prototype.indexOf,
    StringReplace: String.prototype.replace,
    StringToLowerCase: String.prototype.toLowerCase,
    StringToUpperCase: String.prototype.toUpperCase,
    FunctionToString: Function.prototype.toString,
    SymbolToString: Symbol.prototype.toString,
    SymbolIterator: Symbol.iterator,
    DateCtor: Date,
    DateGetTime: Date.prototype.getTime,
    DateToISOString: Date.prototype.toISOString,
    RegExpCtor: RegExp,
    RegExpToString: RegExp.prototype.toString,
    RegExpSource: getter(RegExp.prototype, 'source'),
    MapCtor: Map,
    SetCtor: Set,
    WeakMapCtor: WeakMap,
    WeakSetCtor: WeakSet,
    MapSize: getter(Map.prototype, 'size'),
    SetSize: getter(Set.prototype, 'size'),
    MapEntries: Map.prototype.entries,
    SetValues: Set.prototype.values,
    SetAdd: Set.prototype.add,
    MapIteratorNext: Object.getPrototypeOf(new Map().entries()).next,
    SetIteratorNext: Object.getPrototypeOf(new Set().values()).next,
    MapGet: Map.prototype.get,
    MapSet: Map.prototype.set,
    MapDelete: Map.prototype.delete,
    MapClear: Map.prototype.clear,
    FinalizationRegistryCtor: FinalizationRegistry,
    FinalizationRegistryRegister: FinalizationRegistry.prototype.register,
    FinalizationRegistryUnregister: FinalizationRegistry.prototype.unregister,
    WeakMapGet: WeakMap.prototype.get,
    WeakMapSet: WeakMap.prototype.set,
    TypedArrayTag: getter(TypedArrayPrototype, Symbol.toStringTag),
    TypedArrayLength: getter(TypedArrayPrototype, 'length'),
    TypedArrayBuffer: getter(TypedArrayPrototype, 'buffer'),
    TypedArrayByteOffset: getter(TypedArrayPrototype, 'byteOffset'),
    TypedArrayByteLength: getter(TypedArrayPrototype, 'byteLength'),
    TypedArraySubarray: TypedArrayPrototype.subarray,
    /** Constructors by their toStringTag, for cloning a typed array into its own kind. */
    TypedArrayCtors: ObjectFreeze({
      Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
      Float32Array, Float64Array, BigInt64Array, BigUint64Array,
    }),
    ArrayBufferByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
    ArrayBufferSlice: ArrayBuffer.prototype.slice,
    DataViewCtor: DataView,
    DataViewBuffer: getter(DataView.prototype, 'buffer'),
    DataViewByteOffset: getter(DataView.prototype, 'byteOffset'),
    DataViewByteLength: getter(DataView.prototype, 'byteLength'),
    Uint8ArrayCtor: Uint8Array,
    /** Parses a body on its own, as the spec requires, before it builds the function around it. */
    AsyncFunctionCtor: Object.getPrototypeOf(async function () {}).constructor,
    PromiseCtor: Promise,
    PromiseThen: Promise.prototype.then,
    PromiseResolve: Promise.resolve,
    PromiseReject: Promise.reject,
    ErrorCtor: Error,
    TypeErrorCtor: TypeError,
    RangeErrorCtor: RangeError,
    SyntaxErrorCtor: SyntaxError,
    // GraalJS's own codec (js.text-encoding): bound to instances made now, so a replaced TextEncoder global
    // or prototype method does not reach the prelude's bodies and URLs.
    utf8Encode: (/** @type {string} */ s) => ReflectApply(TextEncoder.prototype.encode, utf8Encoder, [s]),
    /** Invalid sequences become U+FFFD and a leading byte order mark is dropped, as fetch's text() does. */
    utf8Decode: (/** @type {Uint8Array} */ bytes) => ReflectApply(TextDecoder.prototype.decode, utf8Decoder, [bytes]),
    logHook,
    setTimerHook,
    clearTimerHook,
    randomHook,
    clockHook,
    uncaughtHook,
    hostCallHook,
    executionHook,
    /**
     * The next file's view: that file's exports (a fresh object it returned) on top of what came before,
     * frozen. The earlier view becomes its prototype, so nothing is copied. A name exported twice is a
     * mistake in the prelude, not something to resolve by order.
     * @type {PreludeExtend}
     */
    extend(lib, exports) {
      const names = ObjectKeys(exports);
      for (let i = 0; i < names.length; i++) {
        if (names[i] in lib) throw new Error(`prelude: '${names[i]}' is exported twice`);
      }
      return ObjectFreeze(ObjectSetPrototypeOf(exports, lib));
    },
  });
}))
