export interface Counter {
  /** Increment. */
  inc(this: Counter, by?: number): Promise<number>;
  reset(this: void): Promise<void>;
}
//! accept s27_inc {"by": 1}
//! accept s27_inc {}
//! accept s27_reset {}
