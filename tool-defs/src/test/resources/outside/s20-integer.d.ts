type integer = number;

export interface Counter {
  /** Add to the counter. */
  add(by: integer): Promise<{ value: integer }>;
  range(from: integer, to?: integer): Promise<integer[]>;
}
//! accept s20_add {"by": 3}
//! reject s20_add {"by": 3.5}
//! accept s20_range {"from": 1}
