// @ts-check
// The last file of the prelude: the runtime the host drives, returned to the host only (GuestRuntime).
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, PromiseThen, AsyncFunctionCtor, SyntaxErrorCtor, fireTimer, resetTimers, serialize, describeError,
    installApis,
  } = lib;

  return {
    /**
     * Calls the agent's function and reports its settled value to exactly one of the two callbacks. Timers
     * an earlier execution left behind are dropped first, here rather than in a call of the host's own.
     */
    run(fn, callIfFunction, resolve, reject) {
      resetTimers();
      const settle = v => (callIfFunction && typeof v === 'function' ? v() : v);
      ReflectApply(PromiseThen, ReflectApply(PromiseThen, fn(), [settle]), [resolve, reject]);
    },
    /**
     * Null when the text parses on its own as the body of an async function, else the parser's message
     * ("<function>:line:column message", the column 0-based). Nothing runs: the function is only built.
     */
    functionBodyError(body) {
      try {
        new AsyncFunctionCtor(body);
        return null;
      } catch (e) {
        if (e instanceof SyntaxErrorCtor) return e.message;
        throw e;
      }
    },
    fireTimer,
    serialize,
    describeError,
    installApis,
  };
}))
