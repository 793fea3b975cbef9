declare const collections: {
 arrays(input: {
  a: string[];
  b: number[];
  c: boolean[];
  d: string[];
  nested: number[][];
  unionItems: (string | number)[];
  fixed: string;
  readonly?: boolean;
 }): Promise<void>;
 tuples(input: {
  pair: [string, number];
  optionalTail: [string, number?];
  withRest: [string, ...number[]];
  named: [x: number, y: number];
 }): Promise<void>;
 maps(input: {
  /** Any string key. */ labels: Record<string, string>;
  scores: Record<"low" | "high", number>;
  headers: { [key: string]: string };
  counted: { total: number; [key: string]: number };
 }): Promise<Record<string, number>>;
};
