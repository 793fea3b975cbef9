/** Key-value store. */
declare const kv: {
  /** Read a key. */
  get(key: string): Promise<string | null>;
  /** Write a key. */
  set(key: string, value: string, ttlSeconds?: number): Promise<void>;
  del: (key: string) => Promise<boolean>;
  keys(prefix?: string): Promise<string[]>;
};
//! accept s12_get {"key": "a"}
//! accept s12_set {"key": "a", "value": "b", "ttlSeconds": 5}
//! reject s12_set {"key": "a"}
//! accept s12_del {"key": "a"}
//! accept s12_keys {}
