/** A user of the system. */
export interface User {
  readonly id: string;
  /** @format email */
  email: string;
  name: string;
  /** @minimum 0 @maximum 150 */
  age?: number;
  createdAt: string;
  roles: Role[];
}

export type Role = 'admin' | 'editor' | 'viewer';

/** Fields a caller may set when creating a user. */
export type NewUser = Omit<User, 'id' | 'createdAt'>;
export type UserPatch = Partial<Pick<User, "email" | "name" | "age">>;

export interface Users {
  /** Create a user. */
  create(user: NewUser): Promise<User>;
  /** Update some fields. @param id user id */
  update(id: string, patch: UserPatch): Promise<User>;
  /** Only some fields. */
  summary(id: string): Promise<Pick<User, "id" | "name">>;
  /** Everything optional. */
  find(filter: Partial<User>): Promise<{ users: User[]; total: number }>;
  /** Readonly input */
  replace(user: Readonly<User>): Promise<void>;
}
//! accept s06_create {"email": "a@b.c", "name": "A", "roles": ["admin"]}
//! reject s06_create {"id": "1", "email": "a@b.c", "name": "A", "roles": ["admin"]}
//! reject s06_create {"email": "a@b.c", "name": "A", "roles": ["root"]}
//! reject s06_create {"email": "a@b.c", "name": "A", "roles": [], "age": -1}
//! accept s06_update {"id": "1", "patch": {}}
//! accept s06_update {"id": "1", "patch": {"age": 3}}
//! reject s06_update {"id": "1", "patch": {"roles": []}}
//! accept s06_summary {"id": "1"}
//! accept s06_find {}
//! accept s06_find {"roles": ["viewer"]}
//! reject s06_find {"roles": "viewer"}
//! accept s06_replace {"id": "1", "email": "a@b.c", "name": "A", "roles": [], "createdAt": "x"}
//! reject s06_replace {"id": "1", "email": "a@b.c", "name": "A", "roles": []}
