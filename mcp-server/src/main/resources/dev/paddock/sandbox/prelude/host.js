// @ts-check
// Calls out of the isolate (capabilities, fetch). Arguments leave as JSON text and results come back as
// JSON text, so nothing of the host is ever reachable; getters, toJSON and Proxies in the arguments run
// here, inside the isolate and under its limits, before anything is sent.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    global, ReflectApply, ObjectKeys, ObjectCreate, ObjectDefineProperty, ObjectFreeze, ObjectSetPrototypeOf,
    StringFn, JSONParse, ProxyCtor, PromiseCtor, PromiseReject, ErrorCtor, TypeErrorCtor, RangeErrorCtor, hostCallHook,
    serialize, TOO_DEEP, MAX_SERIALIZE_DEPTH,
  } = lib;

  const MAX_ARGUMENT_CHARS = 16 * 1024 * 1024;
  const ERROR_TYPES = { TypeError: TypeErrorCtor, RangeError: RangeErrorCtor };

  /** Calls namespace.method on the host; `where` names the call in errors (default "namespace.method"). */
  function hostCall(namespace, method, args, where = `${namespace}.${method}`) {
    // Created at the call so that a failure's position is the agent's own line.
    const site = new ErrorCtor();
    const fail = (name, message, code) => {
      const type = ERROR_TYPES[name];
      if (type) ObjectSetPrototypeOf(site, type.prototype);
      ObjectDefineProperty(site, 'message', { value: StringFn(message), writable: true, configurable: true });
      if (code !== null && code !== undefined) site.code = StringFn(code);
      return site;
    };
    let encoded;
    try {
      encoded = serialize(args, MAX_ARGUMENT_CHARS, true);
    } catch (e) {
      if (e === TOO_DEEP) {
        return ReflectApply(PromiseReject, PromiseCtor, [fail('RangeError',
          `${where}: the arguments are nested deeper than ${MAX_SERIALIZE_DEPTH} levels; flatten the data`, 'E2BIG')]);
      }
      return ReflectApply(PromiseReject, PromiseCtor, [e]);
    }
    if (!encoded.complete) {
      return ReflectApply(PromiseReject, PromiseCtor, [fail('RangeError',
        `${where}: the arguments are larger than ${MAX_ARGUMENT_CHARS} characters as JSON; send less data per call`, 'E2BIG')]);
    }
    return new PromiseCtor((resolve, reject) => {
      hostCallHook(namespace, method, encoded.json,
        json => resolve(JSONParse(json)),
        (name, message, code) => reject(fail(name, message, code)));
    });
  }

  /** Each namespace's current frozen object, which its global's getter returns: the host may swap it, agent code cannot. */
  const installed = ObjectCreate(null);

  // A plain function per method: no host object, no way back to the bridge itself.
  const methodOf = (namespace, method) => ({ [method]: (...args) => hostCall(namespace, method, args) })[method];

  // Names the language itself looks up on any object (await, JSON.stringify, String()): not methods.
  const NOT_METHODS = ObjectFreeze({ __proto__: null, then: true, toJSON: true, toString: true, valueOf: true, constructor: true });

  /**
   * A namespace whose methods the host does not know yet (["*"]: an upstream server that has not started): any
   * name is a method and the host answers each call, today with why it is unavailable. Its target is frozen and
   * empty, so nothing can be added to it and the handler is out of reach.
   */
  function anyMethod(namespace) {
    return new ProxyCtor(ObjectFreeze(ObjectCreate(null)), ObjectFreeze({
      __proto__: null,
      get: (target, key) => (typeof key === 'string' && !NOT_METHODS[key] ? methodOf(namespace, key) : undefined),
    }));
  }

  function installApi(namespace, methods) {
    let api;
    if (methods.length === 1 && methods[0] === '*') {
      api = anyMethod(namespace);
    } else {
      api = ObjectCreate(null);
      for (let i = 0; i < methods.length; i++) {
        ObjectDefineProperty(api, methods[i], { value: methodOf(namespace, methods[i]), enumerable: true });
      }
      api = ObjectFreeze(api);
    }
    const first = installed[namespace] === undefined;
    installed[namespace] = api;
    // A getter, not a value, so that the namespace can be installed again when its methods change (an upstream
    // MCP server's tools/list_changed) while the global stays non-configurable: agent code can neither
    // redefine, delete nor assign it.
    if (first) ObjectDefineProperty(global, namespace, { get: () => installed[namespace], enumerable: false, configurable: false });
  }

  /** Installs (or installs again) capability namespaces as frozen globals: {"files": ["read", "list"], "github": ["*"]} as JSON text. */
  function installApis(json) {
    const apis = JSONParse(json);
    const names = ObjectKeys(apis);
    for (let i = 0; i < names.length; i++) installApi(names[i], apis[names[i]]);
  }

  return { hostCall, installApis };
}))
