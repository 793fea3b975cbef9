interface Reader {
  get(key: string): Promise<string | null>;
}
interface Writer {
  put(key: string, value: string): Promise<void>;
}
/** The store offered to agents. */
export interface Store extends Reader, Writer {}
export type Extra = { note: string };
//! accept s24_get {"key": "a"}
//! accept s24_put {"key": "a", "value": "b"}
