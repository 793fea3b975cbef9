type Nullable<T> = { [K in keyof T]: T[K] | null };
type Unwrap<T> = T extends Promise<infer U> ? U : T;
type Flags = {
  readonly [K in "a" | "b"]?: boolean;
};
type Getters<T> = { -readonly [K in keyof T]-?: () => T[K] };

export interface Api {
  set(flags: Flags): Promise<void>;
  run(x: Unwrap<string>): Promise<void>;
}
//! error 1:22 mapped types are not supported: use Record<K, V> or an index signature
//! error 2:20 conditional types are not supported
//! error 4:12 mapped types are not supported: use Record<K, V> or an index signature
//! error 6:21 expected a property or method name, found '-'
