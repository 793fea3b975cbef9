import type { Readable } from "stream";
import { EventEmitter } from 'events';
import * as path from "path";
import fs = require("fs");
/// <reference types="node" />

export interface Api {
  run(x: string): Promise<void>;
}
export type { Api as Default };
export * from "./other";
export = Api;
//! error 1:1 imports are not supported: put every declaration in this file
//! error 2:1 imports are not supported: put every declaration in this file
//! error 3:1 imports are not supported: put every declaration in this file
//! error 4:1 imports are not supported: put every declaration in this file
//! error 10:8 export lists are not supported: export each declaration itself
//! error 11:8 re-exports and 'export =' are not supported: put every declaration in this file and export it
//! error 12:8 re-exports and 'export =' are not supported: put every declaration in this file and export it
