type Tag = string;

export interface Collections {
  arrays(a: string[], b: Array<number>, c: ReadonlyArray<boolean>, d: readonly Tag[]): Promise<void>;
  nested(matrix: number[][], groups: Array<Array<string>>): Promise<void>;
  unionArray(items: (string | number)[]): Promise<void>;
  tuples(
    point: [number, number],
    labeled: [x: number, y: number, z?: number],
    rest: [string, ...number[]],
    optionalThenRest: [first: string, second?: number, ...others: boolean[]],
    ro: readonly [string, string],
  ): Promise<void>;
  variadic(prefix: string, ...names: string[]): Promise<string>;
}
//! accept s04_arrays {"a": ["x"], "b": [1, 2], "c": [true], "d": []}
//! reject s04_arrays {"a": [1], "b": [1, 2], "c": [true], "d": []}
//! accept s04_nested {"matrix": [[1], [2, 3]], "groups": [["a"]]}
//! reject s04_nested {"matrix": [1], "groups": [["a"]]}
//! accept s04_unionArray {"items": ["a", 1]}
//! reject s04_unionArray {"items": [true]}
//! accept s04_tuples {"point": [1, 2], "labeled": [1, 2], "rest": ["a", 1, 2], "optionalThenRest": ["a"], "ro": ["a", "b"]}
//! accept s04_tuples {"point": [1, 2], "labeled": [1, 2, 3], "rest": ["a"], "optionalThenRest": ["a", 1, true, false], "ro": ["a", "b"]}
//! reject s04_tuples {"point": [1, 2, 3], "labeled": [1, 2], "rest": ["a"], "optionalThenRest": ["a"], "ro": ["a", "b"]}
//! reject s04_tuples {"point": [1, 2], "labeled": [1], "rest": ["a"], "optionalThenRest": ["a"], "ro": ["a", "b"]}
//! reject s04_tuples {"point": [1, 2], "labeled": [1, 2], "rest": ["a", "b"], "optionalThenRest": ["a"], "ro": ["a", "b"]}
//! reject s04_tuples {"point": [1, 2], "labeled": [1, 2], "rest": ["a"], "optionalThenRest": ["a", 1, 2], "ro": ["a", "b"]}
//! accept s04_variadic {"prefix": "x", "names": ["a", "b"]}
//! accept s04_variadic {"prefix": "x"}
//! reject s04_variadic {"prefix": "x", "names": "a"}
