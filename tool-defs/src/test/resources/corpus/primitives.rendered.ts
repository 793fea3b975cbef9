declare const primitives: {
 /** Every keyword type as a property of one input object. */
 keywords(input: {
  s: string;
  n: number;
  b: boolean;
  nul: null;
  unk: unknown;
  an: any;
  obj: object;
  maybe?: string;
  orUndefined: number | undefined;
  nothing?: never;
 }): Promise<void>;
 /** Literal types and unions of them. */
 literals(input: {
  mode: "fast" | "slow";
  one: "only";
  count: 1 | 2 | -3 | 0.5;
  flag: true;
  mixed: "auto" | number;
  either: string | number | null;
  choice: "a" | "b" | { custom: string };
 }): Promise<{ ok: boolean }>;
};
