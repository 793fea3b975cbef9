export interface Everything {
  strings(a: string, b: "fixed", c: 'single'): Promise<void>;
  numbers(a: number, b: 42, c: -1, d: 3.14, e: 1e3): Promise<void>;
  booleans(a: boolean, b: true, c: false): Promise<void>;
  nothing(a: null, b?: string | undefined): Promise<null>;
  anything(a: unknown, b: any, c: object): Promise<unknown>;
  impossible(a?: never): Promise<never>;
  voids(): void;
}
//! accept s03_strings {"a": "x", "b": "fixed", "c": "single"}
//! reject s03_strings {"a": "x", "b": "fixe", "c": "single"}
//! accept s03_numbers {"a": 1.5, "b": 42, "c": -1, "d": 3.14, "e": 1000}
//! reject s03_numbers {"a": 1.5, "b": 42, "c": -1, "d": 3.14, "e": 100}
//! reject s03_numbers {"a": "1", "b": 42, "c": -1, "d": 3.14, "e": 1000}
//! accept s03_booleans {"a": false, "b": true, "c": false}
//! reject s03_booleans {"a": false, "b": false, "c": false}
//! accept s03_nothing {"a": null}
//! reject s03_nothing {"a": 0}
//! accept s03_anything {"a": [1], "b": "x", "c": {}}
//! reject s03_anything {"a": 1, "b": 2, "c": []}
//! accept s03_impossible {}
//! reject s03_impossible {"a": 1}
//! accept s03_voids {}
//! reject s03_voids {"x": 1}
