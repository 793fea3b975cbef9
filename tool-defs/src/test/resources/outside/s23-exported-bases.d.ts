export interface Reader {
  /** Read a value. */
  get(key: string): Promise<string | null>;
}

export interface Writer {
  /** Write a value. */
  put(key: string, value: string): Promise<void>;
}

/** Read and write. */
export interface Store extends Reader, Writer {
  /** Remove. */
  remove(key: string): Promise<void>;
}
//! accept s23_get {"key": "a"}
//! accept s23_put {"key": "a", "value": "b"}
//! accept s23_remove {"key": "a"}
