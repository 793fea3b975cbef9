export interface Builder {
  name(n: string): this;
  build(): Promise<{ ok: boolean }>;
  run(fn: new () => object): Promise<void>;
  check(x: unknown): asserts x is string;
  is(x: unknown): x is string;
}
//! error 2:20 'this' types are not supported
//! error 4:11 constructor types are not supported
//! error 5:22 assertion signatures are not supported
//! error 6:19 type predicates are not supported: return boolean
