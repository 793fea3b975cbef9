// @ts-check
// structuredClone: the structured-clone algorithm over the values a script can build here.
(/** @type {PreludeFile} */ (function (lib) {
  'use strict';
  const {
    ReflectApply, ObjectKeys, ArrayIsArray, ArrayCtor, DateCtor, DateGetTime, RegExpCtor, RegExpSource,
    DataViewCtor, DataViewBuffer, DataViewByteOffset, DataViewByteLength, TypedArrayCtors, TypedArrayLength,
    MapCtor, MapGet, MapSet, SetCtor, SetAdd, WeakMapCtor, WeakSetCtor, PromiseCtor, ErrorCtor,
    SymbolToString, functionLabel, constructorName, call, isDate, isRegExp, isArrayBuffer, isDataView, isMap,
    isSet, isError, typedArrayName, namedError, forEachEntry, defineGlobal,
  } = lib;

  function cloneError(message) { return namedError('DataCloneError', message); }

  function clone(v, memo) {
    if (typeof v === 'function') throw cloneError(`${functionLabel(v)} could not be cloned`);
    if (typeof v === 'symbol') throw cloneError(`${ReflectApply(SymbolToString, v, [])} could not be cloned`);
    if (v === null || typeof v !== 'object') return v;
    const known = call(MapGet, memo, v);
    if (known !== undefined) return known;
    let copy;
    if (isDate(v)) copy = new DateCtor(ReflectApply(DateGetTime, v, []));
    else if (isRegExp(v)) copy = new RegExpCtor(ReflectApply(RegExpSource, v, []), v.flags);
    else if (isArrayBuffer(v)) copy = v.slice(0);
    else if (typedArrayName(v)) copy = new TypedArrayCtors[typedArrayName(v)](clone(v.buffer, memo), v.byteOffset, ReflectApply(TypedArrayLength, v, []));
    else if (isDataView(v)) copy = new DataViewCtor(clone(ReflectApply(DataViewBuffer, v, []), memo), ReflectApply(DataViewByteOffset, v, []), ReflectApply(DataViewByteLength, v, []));
    else if (isMap(v)) {
      copy = new MapCtor();
      call(MapSet, memo, v, copy);
      forEachEntry(v, true, e => call(MapSet, copy, clone(e[0], memo), clone(e[1], memo)));
      return copy;
    } else if (isSet(v)) {
      copy = new SetCtor();
      call(MapSet, memo, v, copy);
      forEachEntry(v, false, e => call(SetAdd, copy, clone(e, memo)));
      return copy;
    } else if (isError(v)) {
      copy = new ErrorCtor(v.message);
      call(MapSet, memo, v, copy);
      copy.name = v.name;
      if (typeof v.stack === 'string') copy.stack = v.stack;
      return copy;
    } else if (v instanceof PromiseCtor || v instanceof WeakMapCtor || v instanceof WeakSetCtor) {
      throw cloneError(`${constructorName(v)} could not be cloned`);
    } else {
      copy = ArrayIsArray(v) ? new ArrayCtor(v.length) : {};
      call(MapSet, memo, v, copy);
      const keys = ObjectKeys(v);
      for (let i = 0; i < keys.length; i++) copy[keys[i]] = clone(v[keys[i]], memo);
      return copy;
    }
    call(MapSet, memo, v, copy);
    return copy;
  }
  defineGlobal('structuredClone', function structuredClone(value) { return clone(value, new MapCtor()); });

  return {  };
}))
