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

//! accept s22_search {}
//! accept s22_search {"options": {"query": "x", "limit": 2}}
//! reject s22_search {"options": {"limit": 2}}
//! reject s22_search {"query": "x"}
