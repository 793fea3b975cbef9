// @ts-check
// Timers, microtasks and performance: the host's loop runs timers on the isolate's thread until the
// execution ends; fireTimer is for the host, resetTimers for the runtime's run().
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, MathFloor, NumberFn, MapCtor, MapGet, MapSet, MapDelete, MapClear, PromiseCtor, PromiseThen,
    PromiseResolve, TypeErrorCtor, DateNow, setTimerHook, clearTimerHook, clockHook, uncaughtHook, call,
    defineGlobal,
  } = lib;

  const timers = new MapCtor();
  let nextTimerId = 1;

  function addTimer(callback, delay, args, repeat) {
    if (typeof callback !== 'function') {
      throw new TypeErrorCtor('The "callback" argument must be a function (strings are not evaluated)');
    }
    let ms = MathFloor(NumberFn(delay));
    if (!(ms >= 1 && ms <= 2147483647)) ms = 1;
    const id = nextTimerId++;
    call(MapSet, timers, id, { callback, args, ms, repeat });
    setTimerHook(id, ms);
    return id;
  }

  function clearTimer(id) {
    if (call(MapDelete, timers, id)) clearTimerHook(id);
  }

  defineGlobal('setTimeout', function setTimeout(callback, delay, ...args) { return addTimer(callback, delay, args, false); });
  defineGlobal('setInterval', function setInterval(callback, delay, ...args) { return addTimer(callback, delay, args, true); });
  defineGlobal('clearTimeout', function clearTimeout(id) { clearTimer(id); });
  defineGlobal('clearInterval', function clearInterval(id) { clearTimer(id); });
  defineGlobal('queueMicrotask', function queueMicrotask(callback) {
    if (typeof callback !== 'function') throw new TypeErrorCtor('queueMicrotask expects a function');
    ReflectApply(PromiseThen, ReflectApply(PromiseResolve, PromiseCtor, []), [() => {
      try { callback(); } catch (e) { uncaughtHook(e); }
    }]);
  });

  const timeOrigin = DateNow();
  defineGlobal('performance', {
    now() { return clockHook(); },
    get timeOrigin() { return timeOrigin; },
  });

  /** Runs timer `id` (the host's loop calls this when it is due); a repeating timer is scheduled again first. */
  function fireTimer(id) {
    const t = call(MapGet, timers, id);
    if (!t) return;
    if (t.repeat) setTimerHook(id, t.ms);
    else call(MapDelete, timers, id);
    try { ReflectApply(t.callback, undefined, t.args); } catch (e) { uncaughtHook(e); }
  }

  /** Drops every pending timer: timers run only while the call that set them runs. */
  function resetTimers() {
    ReflectApply(MapClear, timers, []);
  }

  return { fireTimer, resetTimers };
}))
