/**
 * Paged search, with parameters documented where they are declared, the way some people prefer.
 */
export interface Catalog {
  /**
   * Search the catalog.
   * @returns {Promise<Hit[]>} the hits, best first
   */
  search(
    /** Free text. @minLength 2 */
    text: string,
    /**
     * Page number.
     * @minimum 1
     * @default 1
     */
    page?: number,
    /** Tags to filter on. @maxItems 3 */
    ...tags: string[]
  ): Promise<Hit[]>;

  /** Look one up. */
  get(/** SKU, e.g. "AB-123". @pattern ^[A-Z]{2}-\d+$ */ sku: string): Promise<Hit | null>;
}

interface Hit { sku: string; score: number }
//! accept s28_search {"text": "ab"}
//! accept s28_search {"text": "ab", "page": 2, "tags": ["a", "b", "c"]}
//! reject s28_search {"text": "a"}
//! reject s28_search {"text": "ab", "page": 0}
//! reject s28_search {"text": "ab", "tags": ["a", "b", "c", "d"]}
//! accept s28_get {"sku": "AB-123"}
//! reject s28_get {"sku": "ab-123"}
