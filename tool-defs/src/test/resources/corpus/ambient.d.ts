// No exports: an ambient script. Every interface with methods offers tools.
interface Clock {
  /** Milliseconds since the epoch. */
  now(): Promise<number>;
  sleep: (ms: number) => Promise<void>;
}

interface Unused {
  value: string;
}
