export enum ShapeKind {
  Circle = "circle",
  Square = "square",
  Triangle = "triangle",
}

enum Version { V1 = 1, V2 }

export type Shape =
  | { kind: ShapeKind.Circle; radius: number }
  | { kind: ShapeKind.Square; side: number };

export interface Drawing {
  /** Draw one shape. */
  draw(shape: Shape, version?: Version.V2): Promise<{ id: string; kind: ShapeKind }>;
  /** Only round or square ones. */
  count(kinds: (ShapeKind.Circle | ShapeKind.Square)[]): Promise<number>;
  /** Sizes per kind. */
  sizes(perKind: Record<ShapeKind.Circle | ShapeKind.Triangle, number>): Promise<void>;
}
//! accept s29_draw {"shape": {"kind": "circle", "radius": 1}}
//! accept s29_draw {"shape": {"kind": "square", "side": 1}, "version": 2}
//! reject s29_draw {"shape": {"kind": "square", "radius": 1}}
//! reject s29_draw {"shape": {"kind": "circle", "radius": 1}, "version": 1}
//! accept s29_count {"kinds": ["circle", "square"]}
//! reject s29_count {"kinds": ["triangle"]}
//! accept s29_sizes {"circle": 1, "triangle": 2}
//! reject s29_sizes {"circle": 1}
