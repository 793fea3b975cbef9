export interface Api {
  /** Fine. */
  a(x: "ok"): Promise<void>;
  b(x: "broken): Promise<void>;
  c(x: string): Promise<void>;
}
/* never closed
export interface More { d(): void }
//! error 4:8 unterminated string: add the closing "
//! error 7:1 unterminated comment
