// @ts-check
// FinalizationRegistry. The engine runs cleanup callbacks whenever it has collected a target, which may be
// during a later execution of the isolate: that execution would fail with the callback's error, quoted
// against its own code. So a callback runs only while the execution that registered its target runs (what
// it throws then fails that execution, like an error in a timer); once that execution has ended it is
// dropped, as its timers are.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, ObjectIs, TypeErrorCtor, FinalizationRegistryCtor, FinalizationRegistryRegister,
    FinalizationRegistryUnregister, executionHook, uncaughtHook, define, defineGlobal,
  } = lib;

  /**
   * What the engine's registry holds for one registration: the agent's held value and the execution that
   * registered it.
   * @typedef {{ heldValue: unknown, execution: number }} Entry
   */

  // Composition, not a subclass: the engine's registry and its prototype stay out of the agent's reach, so
  // nothing can be registered on it without an execution.
  class FinalizationRegistry {
    /** The engine's registry (this class shadows its name). @type {any} */
    #registry;

    /** @param {(heldValue: any) => void} cleanup */
    constructor(cleanup) {
      if (typeof cleanup !== 'function') throw new TypeErrorCtor('FinalizationRegistry: cleanup must be a function');
      this.#registry = new FinalizationRegistryCtor((/** @type {Entry} */ entry) => {
        if (entry.execution !== executionHook()) return;
        try { ReflectApply(cleanup, undefined, [entry.heldValue]); } catch (e) { uncaughtHook(e); }
      });
    }

    /** @param {object} target @param {unknown} heldValue @param {object} [unregisterToken] */
    register(target, heldValue, unregisterToken) {
      const registry = this.#registry;
      // The engine compares the target with the entry, which is never the held value: compare here.
      if (ObjectIs(target, heldValue)) {
        throw new TypeErrorCtor('FinalizationRegistry.prototype.register: the target and the held value must not be the same');
      }
      /** @type {Entry} */
      const entry = { heldValue, execution: executionHook() };
      ReflectApply(FinalizationRegistryRegister, registry, [target, entry, unregisterToken]);
    }

    /** @param {object} unregisterToken */
    unregister(unregisterToken) {
      return ReflectApply(FinalizationRegistryUnregister, this.#registry, [unregisterToken]);
    }
  }
  define(FinalizationRegistry.prototype, Symbol.toStringTag, 'FinalizationRegistry');
  defineGlobal('FinalizationRegistry', FinalizationRegistry);

  return {};
}))
