// What the prelude's files (the .js files beside this one) may assume beyond ES2024,
// for conformance-tests/test/prelude-types.test.mjs: the host bridge GuestRuntime passes in, and the
// shape every file has.

/** intrinsics.js: called by GuestRuntime.install with the host's hooks; returns the frozen lib. */
type PreludeIntrinsicsFactory = (
  logHook: (level: string, message: string) => void,
  setTimerHook: (id: number, delayMillis: number) => void,
  clearTimerHook: (id: number) => void,
  /** count secure random bytes as lowercase hex */
  randomHook: (count: number) => string,
  clockHook: () => number,
  uncaughtHook: (error: unknown) => void,
  /** Settles later by calling resolve(json) or reject(name, message, code). */
  hostCallHook: (namespace: string, method: string, argumentsJson: string,
    resolve: (json: string) => void, reject: (name: string, message: string, code?: string | null) => void) => void,
  /** The execution running now (a number unique in the process), 0 between executions. */
  executionHook: () => number,
) => PreludeLib;

/** The captured built-ins, the hooks, and the exports of the files evaluated so far; frozen. */
interface PreludeLib {
  readonly [name: string]: any;
}

/** Every file but intrinsics.js: a function of lib returning its exports (runtime.js: the host's runtime). */
type PreludeFile = (lib: PreludeLib) => object;

type PreludeExtend = (lib: PreludeLib, exports: object) => PreludeLib;

// GraalJS's WHATWG Encoding classes (js.text-encoding); ES2024 has no declaration of them.
declare class TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}
