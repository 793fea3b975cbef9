export interface Api {
  @decorated run(): Promise<void>;
  #secret: string;
  get size(): number;
  set size(v: number);
  [index: number]: string;
  (call: string): void;
  new (x: string): Api;
  ok(x: string): Promise<void>;
}
//! error 2:3 expected a property or method name, found '@'
//! error 3:3 expected a property or method name, found '#'
//! error 4:3 accessors are not supported: declare a property
//! error 5:3 accessors are not supported: declare a property
//! error 6:11 index signature keys must be 'string' (JSON object keys are strings)
//! error 7:3 call signatures are not supported: give the method a name
//! error 8:3 construct signatures are not supported
