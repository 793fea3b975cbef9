declare namespace MyLib {
  interface Options { type: string; verbose?: boolean }
  function init(opts: Options): void;
}

declare module "my-lib" {
  export type Level = "a" | "b";
}

declare global {
  interface Window { myLib: unknown }
}

export interface Api {
  run(x: string): Promise<void>;
}
//! error 1:9 namespaces and modules are not supported: declare types at the top level
//! error 6:9 namespaces and modules are not supported: declare types at the top level
//! error 10:9 namespaces and modules are not supported: declare types at the top level
