export type EventName = `on${Capitalize<string>}`;
export type Greeting = `it's ${string}`;
export type Path = `/${string}/{id}`;

export interface Api {
  emit(name: EventName, payload: string): Promise<void>;
  route(p: `/api/${"v1" | "v2"}`): Promise<void>;
}
//! error 1:25 template literal types are not supported: use string with @pattern
//! error 2:24 template literal types are not supported: use string with @pattern
//! error 3:20 template literal types are not supported: use string with @pattern
//! error 7:12 template literal types are not supported: use string with @pattern
