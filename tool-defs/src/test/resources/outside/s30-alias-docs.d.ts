// Constraints written once on a named type hold wherever it is used.

/** An email address. @format email */
export type Email = string;

/** @minimum 0 @maximum 100 */
type Percent = number;

/** Lowercase words. @pattern ^[a-z]+$ */
type Slug = string;

/** @minItems 1 */
type NonEmpty = string[];

export interface Shares {
  /** Share a document. */
  share(to: Email, percent: Percent, tags: Slug[], owners: NonEmpty): Promise<void>;
}
//! accept s30_share {"to": "a@b.io", "percent": 50, "tags": ["ok"], "owners": ["x"]}
//! reject s30_share {"to": "a@b.io", "percent": 101, "tags": ["ok"], "owners": ["x"]}
//! reject s30_share {"to": "a@b.io", "percent": 50, "tags": ["Not OK"], "owners": ["x"]}
//! reject s30_share {"to": "a@b.io", "percent": 50, "tags": ["ok"], "owners": []}
