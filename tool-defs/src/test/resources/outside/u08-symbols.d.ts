declare const tag: unique symbol;
export interface Tagged {
  [tag]: string;
  id: symbol;
  big: bigint;
}
export interface Api {
  get(x: Tagged): Promise<void>;
}
//! error 1:20 'unique symbol' is not supported
//! error 3:3 computed property names are not supported
//! error 4:7 'symbol' cannot be represented in JSON: use string or number
//! error 5:8 'bigint' cannot be represented in JSON: use string or number
