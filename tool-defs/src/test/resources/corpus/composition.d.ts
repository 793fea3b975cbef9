/** A page of results. */
export interface Page<T> {
  items: T[];
  /** Cursor for the next page; absent on the last one. */
  next?: string;
}

export interface Entity {
  id: string;
  /**
   * @minLength 1
   * @maxLength 80
   */
  name: string;
  tags?: string[];
}

/** A tree of entities, as deep as it needs to be. */
export type Tree = {
  entity: Entity;
  children: Tree[];
};

export interface Timestamped {
  /** @format date-time */
  createdAt: string;
}

export type Stored = Entity & Timestamped & { version: number };

export const enum Priority {
  Low,
  Medium = 5,
  High,
}

export type Draft = Partial<Entity>;
export type Summary = Pick<Entity, "id" | "name">;
export type WithoutTags = Omit<Entity, "tags">;

export interface Store extends Timestamped {
  revision: number;
}

export interface Entities {
  /**
   * Creates an entity.
   * @param input.name Display name.
   */
  create(input: { name: string; priority?: Priority; tags?: string[] }): Promise<Stored>;

  /** Lists entities page by page. */
  list(input: { cursor?: string; limit?: number }): Promise<Page<Entity>>;

  /** The whole tree under one entity. */
  tree(input: { rootId: string }): Promise<Tree>;

  /** Updates some fields. */
  update(id: string, changes: Draft): Promise<Summary>;

  /** Copies entities, each id once. */
  copy(target: WithoutTags, ...ids: string[]): Promise<{ copies: Stored[]; first: Stored }>;

  /** Store metadata. */
  info(input: Store): Promise<Store>;

  /**
   * Searches by name.
   * @param query Text to look for.
   */
  search: (query: string, options?: { exact?: boolean }) => Promise<Page<Summary>>;
}
