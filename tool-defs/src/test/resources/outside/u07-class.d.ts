export declare class Client {
  constructor(apiKey: string);
  private secret: string;
  get(id: string): Promise<string>;
  static create(): Client;
}

export abstract class Base { abstract run(): void }

export interface Api {
  get(id: string): Promise<string>;
}
//! error 1:16 classes are not supported: declare an interface
//! error 8:8 classes are not supported: declare an interface
