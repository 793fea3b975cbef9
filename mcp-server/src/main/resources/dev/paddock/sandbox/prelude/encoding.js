// @ts-check
// Base64: atob and btoa, and the encoding fetch bodies cross the isolate boundary in. TextEncoder and
// TextDecoder are GraalJS's own (js.text-encoding); intrinsics.js captures them for the other files.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, StringFn, MathFloor, StringCharCodeAt, StringReplace, StringFromCharCode, Uint8ArrayCtor,
    namedError, defineGlobal,
  } = lib;

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

  defineGlobal('btoa', function btoa(data) {
    const s = StringFn(data);
    for (let i = 0; i < s.length; i++) {
      if (ReflectApply(StringCharCodeAt, s, [i]) > 255) {
        throw namedError('InvalidCharacterError', 'btoa: the string contains characters outside Latin-1; encode it with TextEncoder first');
      }
    }
    return encodeBase64(s.length, i => ReflectApply(StringCharCodeAt, s, [i]));
  });
  defineGlobal('atob', function atob(data) {
    const bytes = decodeBase64(data);
    if (bytes === null) throw namedError('InvalidCharacterError', 'atob: the string is not valid base64');
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += StringFromCharCode(bytes[i]);
    return out;
  });

  return { encodeBase64, decodeBase64 };
}))
