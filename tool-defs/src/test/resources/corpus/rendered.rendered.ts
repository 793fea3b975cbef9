type Point = { x: number; y: number };
/** A shape on the canvas. */
type Shape = { kind: "circle"; center: Point; radius: number } | { kind: "polygon"; points: Point[] };
declare const rendered: {
 /** Draws shapes; returns how many were drawn. */
 draw(input: { shapes: Shape[]; clear?: boolean }): Promise<{ drawn: number }>;
 /** Reads the canvas size. */
 size(): Promise<{ width: number; height: number }>;
 "get-pixel"(input: { at: Point }): Promise<unknown>;
};
