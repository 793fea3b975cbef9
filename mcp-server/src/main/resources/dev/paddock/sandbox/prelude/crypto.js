// @ts-check
// crypto: random values from the host's secure generator, which arrive as hex.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, NumberFn, StringSlice, Uint8ArrayCtor, randomHook, typedArrayName, namedError, defineGlobal,
  } = lib;

  function randomBytes(n) {
    const hex = randomHook(n);
    const bytes = new Uint8ArrayCtor(n);
    for (let i = 0; i < n; i++) bytes[i] = NumberFn('0x' + ReflectApply(StringSlice, hex, [2 * i, 2 * i + 2]));
    return bytes;
  }

  const hexByte = b => (b < 16 ? '0' : '') + b.toString(16);
  defineGlobal('crypto', {
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

  return {  };
}))
