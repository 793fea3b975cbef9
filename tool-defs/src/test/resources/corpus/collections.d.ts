export interface Collections {
  arrays(input: {
    a: string[];
    b: Array<number>;
    c: ReadonlyArray<boolean>;
    d: readonly string[];
    nested: number[][];
    unionItems: (string | number)[];
    readonly fixed: string;
    readonly?: boolean;
  }): Promise<void>;

  tuples(input: {
    pair: [string, number];
    optionalTail: [string, number?];
    withRest: [string, ...number[]];
    named: [x: number, y: number];
  }): Promise<void>;

  maps(input: {
    /** Any string key. */
    labels: Record<string, string>;
    scores: Record<"low" | "high", number>;
    headers: { [name: string]: string };
    counted: { total: number; [key: string]: number };
  }): Promise<Record<string, number>>;
}
