type Lang = "en" | "fr" | "de";
enum Env { Dev = "dev", Prod = "prod" }

interface Headers {
  [name: string]: string;
}

interface Labeled {
  name: string;
  /** Free-form labels. */
  [label: string]: string | number;
}

export interface Config {
  setHeaders(headers: Headers): Promise<void>;
  translations(t: Record<Lang, string>): Promise<void>;
  perEnv(values: Record<Env, { url: string }>): Promise<void>;
  counts(byKey: Record<string, number>): Promise<Record<string, number>>;
  labeled(input: Labeled): Promise<void>;
  inline(map: { [key: string]: boolean }): Promise<void>;
}
//! accept s05_setHeaders {"X-A": "1"}
//! reject s05_setHeaders {"X-A": 1}
//! accept s05_translations {"en": "a", "fr": "b", "de": "c"}
//! reject s05_translations {"en": "a", "fr": "b"}
//! reject s05_translations {"en": "a", "fr": "b", "de": "c", "it": "d"}
//! accept s05_perEnv {"dev": {"url": "x"}, "prod": {"url": "y"}}
//! reject s05_perEnv {"dev": {"url": "x"}}
//! accept s05_counts {"a": 1}
//! reject s05_counts {"a": "1"}
//! accept s05_labeled {"name": "n", "x": 1, "y": "z"}
//! reject s05_labeled {"name": "n", "x": true}
//! reject s05_labeled {"x": 1}
//! accept s05_inline {"a": true}
//! reject s05_inline {"a": 1}
