declare const ambient: {
 /** Milliseconds since the epoch. */
 now(): Promise<number>;
 sleep: (ms: number) => Promise<void>;
};
