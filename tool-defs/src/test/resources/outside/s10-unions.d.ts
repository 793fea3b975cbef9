export type Shape =
  | { kind: "circle"; radius: number }
  | { kind: "rect"; width: number; height: number }
  | { kind: "polygon"; points: [number, number][] };

type Id = string | number;
type MaybeString = string | null | undefined;

export interface Geometry {
  area(shape: Shape): Promise<number>;
  lookup(id: Id): Promise<void>;
  note(text?: MaybeString): Promise<void>;
  mixed(v: "auto" | number | boolean): Promise<void>;
  literals(v: 1 | 2 | 3 | "many"): Promise<void>;
  nullableObj(v: { a: string } | null): Promise<void>;
}
//! accept s10_area {"shape": {"kind": "circle", "radius": 1}}
//! accept s10_area {"shape": {"kind": "polygon", "points": [[0, 0], [1, 1]]}}
//! reject s10_area {"shape": {"kind": "circle", "width": 1}}
//! reject s10_area {"shape": {"kind": "square", "radius": 1}}
//! accept s10_lookup {"id": 1}
//! accept s10_lookup {"id": "a"}
//! reject s10_lookup {"id": true}
//! accept s10_note {}
//! accept s10_note {"text": null}
//! reject s10_note {"text": 1}
//! accept s10_mixed {"v": "auto"}
//! accept s10_mixed {"v": 3}
//! reject s10_mixed {"v": "manual"}
//! accept s10_literals {"v": "many"}
//! reject s10_literals {"v": 4}
//! accept s10_nullableObj {"v": null}
//! reject s10_nullableObj {"v": {}}
