/** Any JSON value. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A tree node. */
interface TreeNode {
  name: string;
  children?: TreeNode[];
}

interface Comment { text: string; replies: Comment[]; author: Person }
interface Person { name: string; best?: Person; comments: Comment[] }

type LinkedList<T> = { value: T; next: LinkedList<T> | null };

export interface Store {
  put(key: string, value: JsonValue): Promise<void>;
  tree(root: TreeNode): Promise<TreeNode>;
  thread(c: Comment): Promise<void>;
  list(l: LinkedList<number>): Promise<void>;
}
//! accept s09_put {"key": "k", "value": {"a": [1, "x", null, {"b": true}]}}
//! reject s09_put {"key": "k"}
//! accept s09_tree {"name": "a", "children": [{"name": "b", "children": []}]}
//! reject s09_tree {"name": "a", "children": [{"children": []}]}
//! reject s09_tree {"name": "a", "children": [{"name": "b", "extra": 1}]}
//! accept s09_thread {"text": "t", "replies": [], "author": {"name": "n", "comments": []}}
//! reject s09_thread {"text": "t", "replies": [{"text": 1, "replies": [], "author": {"name": "n", "comments": []}}], "author": {"name": "n", "comments": []}}
//! accept s09_list {"value": 1, "next": {"value": 2, "next": null}}
//! reject s09_list {"value": 1, "next": {"value": "2", "next": null}}
//! accept-output s09_tree {"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}
//! reject-output s09_tree {"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}
