/**
 * Issue tracker.
 *
 * Talks to the tracker's REST API.
 */
export interface Tracker {
  /**
   * Search issues.
   *
   * Results are sorted by relevance.
   * @param input.query Free-text query
   * @param input.limit Max results
   * @param input.filter.state Only this state
   * @returns Matching issues
   * @example
   * ```ts
   * await tracker.search({ query: "crash", limit: 5 });
   * ```
   * @see https://example.com/docs
   */
  search(input: {
    query: string;
    /**
     * @minimum 1
     * @maximum 100
     * @default 20
     */
    limit?: number;
    filter?: {
      state?: "open" | "closed";
      /** @pattern ^[a-z-]+$ */
      label?: string;
    };
  }): Promise<{ issues: Issue[] }>;

  /**
   * Old way.
   * @deprecated Use search instead.
   */
  find(q: string): Promise<Issue[]>;

  /** @param {string} id - the issue id
   * @param [comment] optional comment */
  close(id: string, comment?: string): Promise<void>;
}

/** An issue. */
export interface Issue {
  /** @minLength 1 @maxLength 200 */
  title: string;
  /** @format uri */
  url: string;
  /** @minItems 0 @maxItems 10 */
  labels: string[];
  /** Who filed it.
   * @deprecated */
  reporter?: string;
}
//! accept s11_search {"query": "x"}
//! accept s11_search {"query": "x", "limit": 100, "filter": {"state": "open", "label": "bug-fix"}}
//! reject s11_search {"query": "x", "limit": 101}
//! reject s11_search {"query": "x", "filter": {"label": "Bug"}}
//! reject s11_search {"query": "x", "filter": {"state": "merged"}}
//! accept s11_close {"id": "1"}
