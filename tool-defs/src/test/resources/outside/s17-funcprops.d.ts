export type Clock = {
  /** Current time in ms. */
  now: () => Promise<number>;
  /** Time in a zone. */
  zone: (city: string, dst?: boolean) => Promise<string>;
  sleep(ms: number): Promise<void>;
  readonly tz?: (name: string) => Promise<{ offset: number }>;
};
//! accept s17_now {}
//! accept s17_zone {"city": "x"}
//! reject s17_zone {"dst": true}
//! accept s17_tz {"name": "UTC"}
