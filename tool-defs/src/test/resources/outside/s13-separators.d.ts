export interface Messy {
  a(x: { one: string, two: number }): Promise<void>
  b(x: { one: string; two: number; }): Promise<void>,
  c(x: {
    one: string
    two: number
  }): Promise<void>;
  d(x: { one: string, two: number, },): Promise<void>;
  e(
    first: string,
    second: number,
  ): Promise<void>;
  f(x: ((string))): Promise<void>
  g(x: (string | number)[] | null): Promise<void>;
  h(x:
    | "a"
    | "b"
  ): Promise<void>;
  i(x: & { a: string } & { b: string }): Promise<void>;
  'quoted-name'(x: string): Promise<void>;
}
//! accept s13_a {"one": "1", "two": 2}
//! accept s13_b {"one": "1", "two": 2}
//! accept s13_c {"one": "1", "two": 2}
//! accept s13_d {"one": "1", "two": 2}
//! reject s13_d {"one": "1"}
//! accept s13_e {"first": "1", "second": 2}
//! accept s13_f {"x": "s"}
//! accept s13_g {"x": null}
//! accept s13_g {"x": [1, "a"]}
//! accept s13_h {"x": "b"}
//! reject s13_h {"x": "c"}
//! accept s13_i {"a": "1", "b": "2"}
//! reject s13_i {"a": "1"}
