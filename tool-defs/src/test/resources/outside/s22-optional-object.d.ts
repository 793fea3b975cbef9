interface SearchOptions {
  query: string;
  limit?: number;
}

export interface Search {
  /** Options are optional as a whole. */
  search(options?: SearchOptions): Promise<string[]>;
  /** All fields optional. */
  recent(options?: { limit?: number }): Promise<string[]>;
}
//! accept s22_recent {}
//! accept s22_search {"query": "x"}
