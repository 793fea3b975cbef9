export interface Page<T = unknown> { items: T[] }
export type Keyed<T extends object, K extends string = "id"> = { key: K; value: T };
export interface Api {
  list<T>(kind: string): Promise<Page<T>>;
  one(id: string): Promise<Keyed<{ a: 1 }>>;
}
//! error 1:25 type parameter defaults are not supported
//! error 2:21 generic constraints are not supported: drop 'extends ...'
//! error 4:7 generic methods are not supported
