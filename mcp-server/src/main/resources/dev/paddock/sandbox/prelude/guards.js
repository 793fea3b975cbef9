// @ts-check
// Caps on the built-ins that loop inside the engine without checking for interrupts (docs/containment.md,
// "Built-ins"): neither the watchdog's interrupt nor closing the context stops them, so a call that is too
// big must be refused before it starts. Each guarded built-in is replaced by a Proxy of the original whose
// apply (or construct) trap checks the sizes first; a Proxy keeps the original's name, length, toString and
// constructor behaviour, and its target cannot be read back, so agent code never reaches an unguarded one.
//
// Evaluated right after intrinsics.js, before any agent code: what it captures here are the originals.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const { global, ReflectApply, ArrayIsArray, ObjectDefineProperty, ObjectGetPrototypeOf, ObjectHasOwn, ObjectSetPrototypeOf,
    TypedArrayLength, RangeErrorCtor, TypeErrorCtor, StringFn, NumberFn } = lib;
  const ProxyCtor = Proxy;
  const ReflectConstruct = Reflect.construct;
  const ReflectGet = Reflect.get;
  const GetOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  const ObjectFn = Object;
  const WeakSetAdd = WeakSet.prototype.add;
  const WeakSetHas = WeakSet.prototype.has;
  const MathTrunc = Math.trunc;
  const SymbolIterator = Symbol.iterator;
  const SymbolToPrimitive = Symbol.toPrimitive;
  const BigIntFn = BigInt;
  const BigIntValueOf = BigInt.prototype.valueOf;
  const BigIntPrototype = BigInt.prototype;
  const ArrayCtor = Array;
  const TypedArray = ObjectGetPrototypeOf(Uint8Array);
  const ArrayBufferCtor = ArrayBuffer;
  const ArrayBufferByteLength = /** @type {PropertyDescriptor} */ (GetOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')).get;

  /** Array-like objects (not arrays): the engine's generic loop costs ~100–500 ns per index, holes included. */
  const MAX_ARRAY_LIKE_LENGTH = 2 ** 20;
  /** Real arrays (their length, holes included) and typed arrays: the engine's loops cost ~15–150 ns per element. */
  const MAX_ELEMENTS = 2 ** 23;
  /** Strings built or scanned in one call (repeat, padStart, split, indexOf, JSON.parse…), in characters. */
  const MAX_STRING_LENGTH = 2 ** 26;
  /**
   * One ArrayBuffer or typed array. Zeroing one is an allocation the watchdog cannot interrupt (256 MiB took
   * 3–10 s on a loaded machine), and one past the heap's room is an OutOfMemoryError.
   */
  const MAX_BUFFER_BYTES = 2 ** 26;
  /** Array.from copies larger array-likes in a loop the watchdog can stop, up to this; beyond it refuses. */
  const MAX_ARRAY_FROM_COPY = 2 ** 24;
  /** Characters of a string given to BigInt(): the conversion is quadratic (3 million digits took 156 s). */
  const MAX_BIGINT_DIGITS = 10000;
  /** Bits of a BigInt turned into decimal text (quadratic: 20 million bits took 9–14 s), or made by asIntN/asUintN. */
  const MAX_BIGINT_BITS = 2 ** 20;

  /** @param {string} what @param {string} message @returns {never} */
  const refuse = (what, message) => {
    throw new RangeErrorCtor(`${what}: ${message}; the sandbox refuses such calls up front because the engine `
      + 'cannot interrupt them (docs/containment.md)');
  };
  /** @param {unknown} value */
  const isObject = value => (typeof value === 'object' && value !== null) || typeof value === 'function';
  /** @param {object} o @param {PropertyKey} key */
  const hasOwn = (o, key) => ReflectApply(ObjectHasOwn, o, [key]);

  // Every Proxy made by agent code (filled in by the guarded Proxy below), so a guard knows when reading a
  // property could run agent code.
  const proxies = new WeakSet();
  /** @param {unknown} value */
  const isProxy = value => ReflectApply(WeakSetHas, proxies, [value]);

  /**
   * A Proxy handler without a prototype: a trap the agent put on Object.prototype (say `get`) would
   * otherwise be called, with the original as its target.
   * @param {ProxyHandler<any>} traps
   */
  const bare = traps => ObjectSetPrototypeOf({ ...traps }, null);

  /** Replaces object[name] with a guarded Proxy of it. @param {any} object @param {PropertyKey} name @param {ProxyHandler<any>} handler */
  function guard(object, name, handler) {
    const guarded = new ProxyCtor(object[name], bare(handler));
    ObjectDefineProperty(object, name, { value: guarded });
    return guarded;
  }

  /** @param {unknown} v */
  const toLength = v => {
    const n = MathTrunc(NumberFn(v));
    return n > 0 ? (n < 2 ** 53 ? n : 2 ** 53 - 1) : 0;
  };
  /** A number argument converted once, so a valueOf cannot show the check one value and the engine another. @param {unknown} v */
  const once = v => (isObject(v) ? NumberFn(v) : v);

  const unsafe = {};
  /**
   * The value the engine will read for o[key] when reading it runs no agent code (no Proxy on the way, no
   * getter other than the typed-array length); else `unsafe`.
   * @param {object} o @param {PropertyKey} key
   */
  function plainGet(o, key) {
    for (let p = o; p !== null; p = ObjectGetPrototypeOf(p)) {
      if (isProxy(p)) return unsafe;
      const d = GetOwnPropertyDescriptor(p, key);
      if (d === undefined) continue;
      if (hasOwn(d, 'value')) return d.value;
      return key === 'length' && d.get === TypedArrayLength ? ReflectApply(TypedArrayLength, o, []) : unsafe;
    }
    return undefined;
  }

  /**
   * The receiver to call the original on and the length it will see. When reading the length could run
   * agent code (a getter, valueOf, a Proxy), it is read once here and the engine gets a Proxy that answers
   * that same length: otherwise the check would see one length and the engine another.
   * @param {any} self
   */
  function measured(self) {
    if (self === null || self === undefined) return { receiver: self, length: 0, pinned: false };
    if (typeof self === 'string') return { receiver: self, length: self.length, pinned: false };
    const o = ObjectFn(self);
    const raw = plainGet(o, 'length');
    if (raw !== unsafe && !isObject(raw) && typeof raw !== 'symbol') return { receiver: self, length: toLength(raw), pinned: false };
    const length = toLength(o.length);
    const receiver = new ProxyCtor(o, bare({
      get: (target, key, from) => (key === 'length' ? length : key === SymbolIterator ? undefined : ReflectGet(target, key, from)),
    }));
    return { receiver, length, pinned: true };
  }

  /** @param {any} self */
  const isPlainArray = self => ArrayIsArray(self) && !isProxy(self);

  /** @param {string} what @param {number} length @param {number} max @param {string} kind */
  const limitLength = (what, length, max, kind) => {
    if (length > max) refuse(what, `${kind} has length ${length}, more than the ${max} allowed`);
  };

  // Array.prototype: every method that walks the receiver's indices in the engine. On an array-like object
  // the engine visits every index up to length, present or not. On a real array most of them skip holes or
  // take interrupts; these were measured not to (forEach over 1e8 elements, includes over 2**32-1 holes).
  const ARRAY_METHODS = ['copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'flat', 'flatMap', 'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight',
    'reverse', 'shift', 'slice', 'some', 'sort', 'splice', 'toLocaleString', 'toReversed', 'toSorted', 'toSpliced',
    'unshift', 'with'];
  const INTERRUPTIBLE_ON_ARRAYS = ['fill', 'filter', 'join', 'map', 'with'];
  for (let i = 0; i < ARRAY_METHODS.length; i++) {
    const what = `Array.prototype.${ARRAY_METHODS[i]}`;
    let onArrays = true;
    for (let j = 0; j < INTERRUPTIBLE_ON_ARRAYS.length; j++) if (INTERRUPTIBLE_ON_ARRAYS[j] === ARRAY_METHODS[i]) onArrays = false;
    guard(ArrayCtor.prototype, ARRAY_METHODS[i], {
      apply(target, self, args) {
        if (isPlainArray(self)) {
          if (onArrays) limitLength(what, self.length, MAX_ELEMENTS, 'the array');
          return ReflectApply(target, self, args);
        }
        const m = measured(self);
        limitLength(what, m.length, MAX_ARRAY_LIKE_LENGTH, 'the array-like object');
        const result = ReflectApply(target, m.receiver, args);
        return m.pinned && result === m.receiver ? ObjectFn(self) : result;
      },
    });
  }
  // Array.prototype.toString calls join through the receiver, which is guarded above.

  // Array.from over an array-like copies in the engine; over an iterable the engine's loop takes the
  // watchdog's interrupt. A larger array-like is copied here instead, in a loop the watchdog can stop.
  const arrayFrom = guard(ArrayCtor, 'from', {
    apply(target, self, args) {
      const items = args[0];
      if (items === null || items === undefined) return ReflectApply(target, self, args);
      const o = ObjectFn(items);
      const plain = plainGet(o, SymbolIterator);
      const iterator = plain === unsafe ? o[SymbolIterator] : plain;
      if (iterator !== undefined && iterator !== null) {
        if (plain === unsafe) {
          // Pinned, so the engine takes the iterator path this check saw.
          args[0] = new ProxyCtor(o, bare({
            get: (t, key, from) => (key === SymbolIterator ? iterator : ReflectGet(t, key, from)),
          }));
        }
        return ReflectApply(target, self, args);
      }
      const m = measured(items);
      if (m.length <= MAX_ARRAY_LIKE_LENGTH) {
        args[0] = m.receiver;
        return ReflectApply(target, self, args);
      }
      const copyHere = self === ArrayCtor || self === undefined;
      limitLength('Array.from', m.length, copyHere ? MAX_ARRAY_FROM_COPY : MAX_ARRAY_LIKE_LENGTH, 'the array-like object');
      const map = args[1];
      if (map !== undefined && typeof map !== 'function') return ReflectApply(target, self, args);
      const out = new ArrayCtor(m.length);
      for (let k = 0; k < m.length; k++) out[k] = map === undefined ? o[k] : ReflectApply(map, args[2], [o[k], k]);
      return out;
    },
  });

  // Typed arrays and buffers: what one allocation may take, and the element loops.
  /** @param {string} what @param {number} bytes */
  const limitBytes = (what, bytes) => {
    if (bytes > MAX_BUFFER_BYTES) refuse(what, `it would allocate ${bytes} bytes, more than the ${MAX_BUFFER_BYTES} (64 MiB) allowed for one buffer`);
  };
  /** @param {any} value */
  const isArrayBuffer = value => {
    try { ReflectApply(ArrayBufferByteLength, value, []); return true; } catch (e) { return false; }
  };
  /** @param {any} value */
  const typedLength = value => {
    try { return ReflectApply(TypedArrayLength, value, []); } catch (e) { return -1; }
  };
  /**
   * What a typed array of `size`-byte elements made from args[0] would allocate is checked; an array-like
   * or iterable that is not a plain array is copied first (through the guarded Array.from), so the engine
   * reads it once, as the check did.
   * @param {string} what @param {any[]} args @param {number} size
   */
  function checkTypedSource(what, args, size) {
    if (args.length === 0) return;
    const source = args[0];
    if (!isObject(source)) {
      limitBytes(what, toLength(source) * size);
      return;
    }
    if (isArrayBuffer(source)) return;
    const t = typedLength(source);
    if (t >= 0) {
      limitBytes(what, t * size);
      return;
    }
    if (!isPlainArray(source)) {
      limitBytes(what, measured(source).length * size);
      args[0] = ReflectApply(arrayFrom, ArrayCtor, [source]);
    }
    limitBytes(what, args[0].length * size);
  }
  const TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'];
  for (let i = 0; i < TYPED_ARRAYS.length; i++) {
    const name = TYPED_ARRAYS[i];
    const original = global[name];
    const size = original.BYTES_PER_ELEMENT;
    const guarded = guard(global, name, {
      construct(target, args, newTarget) {
        checkTypedSource(`new ${name}`, args, size);
        return ReflectConstruct(target, args, newTarget === guarded ? target : newTarget);
      },
    });
    ObjectDefineProperty(original.prototype, 'constructor', { value: guarded });
  }
  for (const name of ['from', 'of']) {
    guard(TypedArray, name, {
      apply(target, self, args) {
        const size = isObject(self) && typeof self.BYTES_PER_ELEMENT === 'number' ? self.BYTES_PER_ELEMENT : 8;
        if (name === 'of') limitBytes('TypedArray.of', args.length * size);
        else checkTypedSource('TypedArray.from', args, size);
        return ReflectApply(target, self, args);
      },
    });
  }
  const TYPED_METHODS = ['copyWithin', 'every', 'fill', 'filter', 'find', 'findIndex', 'findLast', 'findLastIndex',
    'forEach', 'includes', 'indexOf', 'join', 'lastIndexOf', 'map', 'reduce', 'reduceRight', 'reverse', 'set',
    'slice', 'some', 'sort', 'toLocaleString', 'toReversed', 'toSorted', 'with'];
  for (let i = 0; i < TYPED_METHODS.length; i++) {
    const what = `TypedArray.prototype.${TYPED_METHODS[i]}`;
    guard(TypedArray.prototype, TYPED_METHODS[i], {
      apply(target, self, args) {
        limitLength(what, typedLength(self), MAX_ELEMENTS, 'the typed array');
        if (TYPED_METHODS[i] === 'set' && isObject(args[0]) && typedLength(args[0]) < 0) {
          limitLength(what, measured(args[0]).length, MAX_ARRAY_LIKE_LENGTH, 'the source array-like object');
        }
        return ReflectApply(target, self, args);
      },
    });
  }
  const guardedArrayBuffer = guard(global, 'ArrayBuffer', {
    construct(target, args, newTarget) {
      if (args.length > 0) {
        args[0] = once(args[0]);
        limitBytes('new ArrayBuffer', toLength(args[0]));
      }
      if (args.length > 1 && isObject(args[1])) {
        const max = once(args[1].maxByteLength);
        if (max !== undefined) limitBytes('new ArrayBuffer (maxByteLength)', toLength(max));
        args[1] = { maxByteLength: max };
      }
      return ReflectConstruct(target, args, newTarget === guardedArrayBuffer ? target : newTarget);
    },
  });
  ObjectDefineProperty(ArrayBufferCtor.prototype, 'constructor', { value: guardedArrayBuffer });
  for (const name of ['resize', 'transfer', 'transferToFixedLength']) {
    if (typeof ArrayBufferCtor.prototype[name] !== 'function') continue;
    guard(ArrayBufferCtor.prototype, name, {
      apply(target, self, args) {
        if (args.length > 0 && args[0] !== undefined) {
          args[0] = once(args[0]);
          limitBytes(`ArrayBuffer.prototype.${name}`, toLength(args[0]));
        }
        return ReflectApply(target, self, args);
      },
    });
  }

  // Strings: what builds a long string in one call, and the scans measured to ignore interrupts. A string
  // made with + is a rope; operators that flatten one are not covered (docs/containment.md).
  /** @param {string} what @param {number} length */
  const limitString = (what, length) => {
    if (length > MAX_STRING_LENGTH) refuse(what, `the string length would be ${length}, more than the ${MAX_STRING_LENGTH} allowed`);
  };
  const StringPrototype = StringFn.prototype;
  /**
   * Guards a function whose cost grows with the length of the string it gets: `this` (index -1) or an
   * argument. The value is converted once, here, and the engine gets that string.
   * @param {any} object @param {string} name @param {string} what @param {number} index
   * @param {(s: string, args: any[]) => number} [resultLength] the length of the string it would build
   */
  function guardString(object, name, what, index, resultLength) {
    if (typeof object[name] !== 'function') return;
    guard(object, name, {
      apply(target, self, args) {
        let value = index < 0 ? self : args[index];
        if (index < 0 && (value === null || value === undefined)) return ReflectApply(target, self, args);
        if (typeof value !== 'string') value = StringFn(value);
        limitString(what, value.length);
        if (resultLength) limitString(what, resultLength(value, args));
        if (index < 0) return ReflectApply(target, value, args);
        if (args.length > index) args[index] = value;
        return ReflectApply(target, self, args);
      },
    });
  }
  guardString(StringPrototype, 'repeat', 'String.prototype.repeat', -1, (s, args) => {
    args[0] = once(args[0]);
    return s.length * toLength(args[0]);
  });
  for (const name of ['padStart', 'padEnd']) {
    guardString(StringPrototype, name, `String.prototype.${name}`, -1, (s, args) => {
      if (args.length === 0) return 0;
      args[0] = once(args[0]);
      return toLength(args[0]);
    });
  }
  const STRING_SCANS = ['split', 'replace', 'replaceAll', 'match', 'matchAll', 'search', 'indexOf', 'lastIndexOf',
    'includes', 'startsWith', 'endsWith', 'normalize', 'toUpperCase', 'toLowerCase', 'toLocaleUpperCase',
    'toLocaleLowerCase', 'localeCompare', 'codePointAt', 'toWellFormed', 'isWellFormed', 'trim', 'trimStart', 'trimEnd'];
  for (let i = 0; i < STRING_SCANS.length; i++) {
    guardString(StringPrototype, STRING_SCANS[i], `String.prototype.${STRING_SCANS[i]}`, -1);
  }
  const RegExpPrototype = global.RegExp.prototype;
  for (const symbol of [Symbol.split, Symbol.replace, Symbol.match, Symbol.matchAll, Symbol.search]) {
    guardString(RegExpPrototype, /** @type {any} */ (symbol), `RegExp.prototype[${StringFn(symbol.description)}]`, 0);
  }
  for (const name of ['encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'decodeURI', 'escape', 'unescape']) {
    guardString(global, name, name, 0);
  }
  // Up to three bytes a character, in one buffer: the same bound as a typed array's.
  guardString(global.TextEncoder.prototype, 'encode', 'TextEncoder.prototype.encode', 0, s => s.length * 3);
  const JSONObject = global.JSON;
  guardString(JSONObject, 'parse', 'JSON.parse', 0);
  // The engine's stringify loop takes interrupts only while it calls into JavaScript: a replacer that
  // changes nothing makes a huge array stoppable.
  guard(JSONObject, 'stringify', {
    apply(target, self, args) {
      if (args.length > 1 && args[1] !== undefined && args[1] !== null) return ReflectApply(target, self, args);
      return ReflectApply(target, self, [args[0], passThrough, args[2]]);
    },
  });
  /** @param {string} key @param {unknown} value */
  function passThrough(key, value) { return value; }

  // BigInt: what can be guarded at run time. The operators cannot be; Preparation refuses the literals
  // that would make them run long (docs/containment.md).
  /** ToPrimitive with the hint "number", done once here so that the engine gets the same primitive. @param {unknown} value */
  function toPrimitive(value) {
    if (!isObject(value)) return value;
    const o = /** @type {any} */ (value);
    const exotic = o[SymbolToPrimitive];
    if (exotic !== undefined && exotic !== null) {
      const result = ReflectApply(exotic, o, ['number']);
      if (!isObject(result)) return result;
      throw new TypeErrorCtor('Cannot convert object to primitive value');
    }
    const valueOf = o.valueOf;
    if (typeof valueOf === 'function') {
      const result = ReflectApply(valueOf, o, []);
      if (!isObject(result)) return result;
    }
    const toString = o.toString;
    if (typeof toString === 'function') {
      const result = ReflectApply(toString, o, []);
      if (!isObject(result)) return result;
    }
    throw new TypeErrorCtor('Cannot convert object to primitive value');
  }
  const BIGINT_MAX_BITS = BigIntFn(MAX_BIGINT_BITS);
  /** Whether a BigInt has more bits than MAX_BIGINT_BITS: one shift, linear in its size. @param {bigint} value */
  const tooManyBits = value => (value < 0n ? -value : value) >> BIGINT_MAX_BITS > 0n;
  const guardedBigInt = guard(global, 'BigInt', {
    apply(target, self, args) {
      const value = toPrimitive(args[0]);
      if (typeof value === 'string' && value.length > MAX_BIGINT_DIGITS) {
        refuse('BigInt', `the string has ${value.length} characters, more than the ${MAX_BIGINT_DIGITS} allowed`);
      }
      return ReflectApply(target, self, [value]);
    },
  });
  ObjectDefineProperty(BigIntPrototype, 'constructor', { value: guardedBigInt });
  for (const name of ['asIntN', 'asUintN']) {
    guard(guardedBigInt, name, {
      apply(target, self, args) {
        args[0] = once(args[0]);
        const bits = toLength(args[0]);
        if (bits > MAX_BIGINT_BITS) refuse(`BigInt.${name}`, `${bits} bits are more than the ${MAX_BIGINT_BITS} allowed`);
        return ReflectApply(target, self, args);
      },
    });
  }
  for (const name of ['toString', 'toLocaleString']) {
    guard(BigIntPrototype, name, {
      apply(target, self, args) {
        let value;
        try { value = ReflectApply(BigIntValueOf, self, []); } catch (e) { return ReflectApply(target, self, args); }
        // Every radix: the engine's conversion is superlinear for powers of two as well.
        if (tooManyBits(value)) refuse(`BigInt.prototype.${name}`, `the BigInt has more than the ${MAX_BIGINT_BITS} bits allowed`);
        return ReflectApply(target, self, args);
      },
    });
  }

  // Last, so that the guards' own Proxies above are not counted: from here on every Proxy that agent code
  // makes is known to them.
  const guardedProxy = guard(global, 'Proxy', {
    construct(target, args, newTarget) {
      const p = ReflectConstruct(target, args, newTarget === guardedProxy ? target : newTarget);
      ReflectApply(WeakSetAdd, proxies, [p]);
      return p;
    },
  });
  guard(ProxyCtor, 'revocable', {
    apply(target, self, args) {
      const r = ReflectApply(target, self, args);
      ReflectApply(WeakSetAdd, proxies, [r.proxy]);
      return r;
    },
  });

  return {};
}))
