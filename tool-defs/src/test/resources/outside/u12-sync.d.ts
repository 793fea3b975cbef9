declare function configure(type: string, module: string, options?: { interface: boolean }): void;
declare let version: string;
declare var debug: boolean;
export interface Api {
  run(x: string): Promise<void>;
}
//! error 1:9 top-level functions are not supported: declare methods in an interface or a 'declare const'
//! error 2:9 use 'declare const' for a namespace object
//! error 3:9 use 'declare const' for a namespace object
