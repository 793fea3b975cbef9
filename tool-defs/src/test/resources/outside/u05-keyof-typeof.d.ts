interface User { id: string; name: string }
declare const defaults: { a: number };
export type UserKey = keyof User;
export type Defaults = typeof defaults;
export type NameType = User["name"];
export interface Api {
  get(field: keyof User): Promise<void>;
  values(): Promise<(typeof defaults)[]>;
}
//! error 2:27 'a' in 'defaults' is not a method: tools are methods; declare data in a separate type
//! error 3:23 'keyof' is not supported: write the keys as a union of string literals
//! error 4:24 'typeof' types are not supported
//! error 5:28 indexed access types (T[K]) are not supported
//! error 7:14 'keyof' is not supported: write the keys as a union of string literals
//! error 8:22 'typeof' types are not supported
