/** A page of results. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
  total: number;
}

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

interface Item { sku: string; price: number }
interface Pair<A, B> { first: A; second: B }

export interface Shop {
  list(cursor?: string): Promise<Page<Item>>;
  pairs(p: Pair<string, Item>): Promise<Page<Pair<number, string>>>;
  tryBuy(sku: string): Promise<Result<Item, string>>;
  pageOfPages(q: string): Promise<Page<Page<Item>>>;
}
//! accept s08_list {}
//! accept s08_list {"cursor": "c"}
//! accept s08_pairs {"first": "a", "second": {"sku": "s", "price": 1}}
//! reject s08_pairs {"first": 1, "second": {"sku": "s", "price": 1}}
//! reject s08_pairs {"first": "a", "second": {"sku": "s"}}
//! accept-output s08_list {"items": [{"sku": "a", "price": 1}], "total": 1, "nextCursor": null}
//! reject-output s08_list {"items": [{"sku": "a"}], "total": 1}
//! reject-output s08_list {"items": [], "total": "1"}
//! accept-output s08_tryBuy {"ok": true, "value": {"sku": "a", "price": 1}}
//! reject-output s08_tryBuy {"ok": false, "value": {"sku": "a", "price": 1}}
//! accept-output s08_pageOfPages {"items": [{"items": [{"sku": "a", "price": 2}], "total": 1}], "total": 1}
//! reject-output s08_pageOfPages {"items": [{"items": [{"sku": 5, "price": 2}], "total": 1}], "total": 1}
