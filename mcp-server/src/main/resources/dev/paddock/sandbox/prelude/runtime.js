// @ts-check
// The last file of the prelude: the runtime the host drives, returned to the host only (GuestRuntime).
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const { ReflectApply, PromiseThen, fireTimer, resetTimers, serialize, describeError, installApis } = lib;

  return {
    /** Calls the agent's function and reports its settled value to exactly one of the two callbacks. */
    run(fn, callIfFunction, resolve, reject) {
      const settle = v => (callIfFunction && typeof v === 'function' ? v() : v);
      ReflectApply(PromiseThen, ReflectApply(PromiseThen, fn(), [settle]), [resolve, reject]);
    },
    fireTimer,
    resetTimers,
    serialize,
    describeError,
    installApis,
  };
}))
