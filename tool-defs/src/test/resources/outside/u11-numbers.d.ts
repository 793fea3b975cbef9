export enum Flags {
  None = 0,
  Read = 1 << 0,
  Write = 1 << 1,
  Mask = 0xff,
  Other = Read | Write,
}
export interface Api {
  set(flags: Flags, mode: 0o644, bits: 0b1010, big: 10n): Promise<void>;
  ratio(x: .5): Promise<void>;
}
//! error 3:12 computed enum values are not supported: write the resulting string or number literal
//! error 4:13 computed enum values are not supported: write the resulting string or number literal
//! error 6:11 enum values must be string or number literals
//! error 9:53 bigint literals cannot be represented in JSON: use a number
