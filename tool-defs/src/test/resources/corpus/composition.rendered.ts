/** A page of results. */
type Page<T> = { items: T[]; /** Cursor for the next page; absent on the last one. */ next?: string };
type Entity = { id: string; /** @minLength 1 @maxLength 80 */ name: string; tags?: string[] };
/** A tree of entities, as deep as it needs to be. */
type Tree = { entity: Entity; children: Tree[] };
type Timestamped = { /** @format date-time */ createdAt: string };
type Stored = Entity & Timestamped & { version: number };
type Priority = 0 | 5 | 6;
type Draft = Partial<Entity>;
type Summary = Pick<Entity, "id" | "name">;
type WithoutTags = Omit<Entity, "tags">;
type Store = Timestamped & { revision: number };
declare const composition: {
 /** Creates an entity. @param input.name Display name. */
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
 /** Searches by name. @param query Text to look for. */
 search: (query: string, options?: { exact?: boolean }) => Promise<Page<Summary>>;
};
