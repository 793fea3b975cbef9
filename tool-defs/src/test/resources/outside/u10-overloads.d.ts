export interface Api {
  /** Get by id. */
  get(id: string): Promise<string>;
  /** Get many. */
  get(ids: string[]): Promise<string[]>;
  put(key: string, value: string): Promise<void>;
}
//! error 5:3 method 'get' is declared twice
