// A file with many independent mistakes: all must be reported in one run.
export interface Api {
  a(x: Date): Promise<void>;
  b(x: Map<string, number>): Promise<void>;
  c(cb: (err: Error) => void): Promise<void>;
  d(x: string, x2: Set<string>): Promise<void>;
  e(x: string = "default"): Promise<void>;
  f({ a, b }: { a: string; b: string }): Promise<void>;
  g(x: string): Promise<Required<Opts>>;
  h(): Promise<Missing>;
  i(x: Opts["a"]): Promise<void>;
  j?: string;
}
interface Opts { a?: string }
//! error 3:8 unknown type 'Date': JSON has no dates, use string with @format date-time
//! error 4:8 unknown type 'Map': JSON has no maps, use Record<string, V>
//! error 5:15 unknown type 'Error'
//! error 6:20 unknown type 'Set': JSON has no sets, use T[]
//! error 7:15 default values are not supported in declarations: mark the parameter optional with '?'
//! error 8:5 destructuring parameters are not supported: name the parameter
//! error 9:25 unknown type 'Required': only Partial, Pick, Omit, Record and Readonly are supported
//! error 10:16 unknown type 'Missing'
//! error 11:12 indexed access types (T[K]) are not supported
//! error 12:3 'j' in 'Api' is not a method: tools are methods; declare data in a separate type
