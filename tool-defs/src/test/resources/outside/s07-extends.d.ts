interface Entity {
  id: string;
  createdAt: string;
}

interface Owned {
  ownerId: string;
}

/** A document. */
interface Doc extends Entity, Owned {
  title: string;
  body?: string;
}

interface Folder extends Entity {
  name: string;
  children: Array<Doc | Folder>;
}

type WithTags = Doc & { tags: string[] };

export interface Drive {
  /** Save a document. */
  save(doc: Doc): Promise<Doc>;
  tree(root: string): Promise<Folder>;
  tag(doc: WithTags): Promise<void>;
  merge(a: Entity & Owned & { note?: string }): Promise<void>;
}
//! accept s07_save {"id": "1", "createdAt": "t", "ownerId": "o", "title": "T"}
//! reject s07_save {"id": "1", "createdAt": "t", "title": "T"}
//! reject s07_save {"id": "1", "createdAt": "t", "ownerId": "o", "title": "T", "x": 1}
//! accept s07_tag {"id": "1", "createdAt": "t", "ownerId": "o", "title": "T", "tags": []}
//! reject s07_tag {"id": "1", "createdAt": "t", "ownerId": "o", "title": "T"}
//! accept s07_merge {"id": "1", "createdAt": "t", "ownerId": "o"}
//! accept s07_merge {"id": "1", "createdAt": "t", "ownerId": "o", "note": "n"}
//! reject s07_merge {"id": "1", "createdAt": "t"}
