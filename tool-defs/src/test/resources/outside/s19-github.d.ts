// Type definitions for a GitHub-ish client, the way people hand-write them.

export type IssueState = "open" | "closed" | "all";
export type SortDirection = "asc" | "desc";

export interface Label {
  name: string;
  color: string;
  description: string | null;
}

export interface SimpleUser {
  login: string;
  id: number;
  avatar_url: string;
  type: "User" | "Bot" | "Organization";
  site_admin: boolean;
}

export interface Milestone {
  number: number;
  title: string;
  due_on: string | null;
  state: "open" | "closed";
}

export interface Issue {
  number: number;
  title: string;
  body?: string | null;
  user: SimpleUser;
  labels: Label[];
  assignees: SimpleUser[];
  milestone: Milestone | null;
  state: IssueState;
  locked: boolean;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: {
    url: string;
    merged_at: string | null;
  };
  reactions?: Record<"+1" | "-1" | "laugh" | "hooray", number>;
}

export interface ListIssuesParams {
  /** Repository owner. */
  owner: string;
  /** Repository name. */
  repo: string;
  state?: IssueState;
  labels?: string[];
  sort?: "created" | "updated" | "comments";
  direction?: SortDirection;
  /** Only issues updated after this time. @format date-time */
  since?: string;
  /** @minimum 1 @maximum 100 @default 30 */
  per_page?: number;
  /** @minimum 1 */
  page?: number;
}

export interface CreateIssueParams {
  owner: string;
  repo: string;
  /** @minLength 1 */
  title: string;
  body?: string;
  assignees?: string[];
  milestone?: number | null;
  labels?: Array<string | { name: string }>;
}

export interface GitHub {
  /** List issues in a repository. */
  listIssues(params: ListIssuesParams): Promise<Issue[]>;
  /** Create an issue. */
  createIssue(params: CreateIssueParams): Promise<Issue>;
  /** Get one issue. */
  getIssue(owner: string, repo: string, issue_number: number): Promise<Issue>;
  /** Update. */
  updateIssue(params: Pick<CreateIssueParams, "owner" | "repo"> & {
    issue_number: number;
    patch: Partial<Omit<CreateIssueParams, "owner" | "repo">> & { state?: "open" | "closed" };
  }): Promise<Issue>;
  /** Lock. */
  lock(owner: string, repo: string, issue_number: number, reason?: "off-topic" | "too heated" | "resolved" | "spam"): Promise<void>;
}
//! accept s19_listIssues {"owner": "o", "repo": "r"}
//! accept s19_listIssues {"owner": "o", "repo": "r", "state": "all", "labels": ["bug"], "per_page": 50, "since": "2020-01-01T00:00:00Z"}
//! reject s19_listIssues {"owner": "o", "repo": "r", "per_page": 500}
//! reject s19_listIssues {"owner": "o"}
//! accept s19_createIssue {"owner": "o", "repo": "r", "title": "t", "labels": ["a", {"name": "b"}], "milestone": null}
//! reject s19_createIssue {"owner": "o", "repo": "r", "title": ""}
//! reject s19_createIssue {"owner": "o", "repo": "r", "title": "t", "labels": [{"nom": "b"}]}
//! accept s19_getIssue {"owner": "o", "repo": "r", "issue_number": 1}
//! accept s19_updateIssue {"owner": "o", "repo": "r", "issue_number": 1, "patch": {"state": "closed", "title": "x"}}
//! reject s19_updateIssue {"owner": "o", "repo": "r", "issue_number": 1, "patch": {"owner": "x"}}
//! reject s19_updateIssue {"owner": "o", "repo": "r", "patch": {}}
//! accept s19_lock {"owner": "o", "repo": "r", "issue_number": 1, "reason": "too heated"}
//! accept-output s19_getIssue {"number": 1, "title": "t", "user": {"login": "l", "id": 1, "avatar_url": "u", "type": "Bot", "site_admin": false}, "labels": [], "assignees": [], "milestone": null, "state": "open", "locked": false, "comments": 0, "created_at": "c", "updated_at": "u", "closed_at": null, "reactions": {"+1": 1, "-1": 0, "laugh": 0, "hooray": 2}}
//! reject-output s19_getIssue {"number": 1, "title": "t", "user": {"login": "l", "id": 1, "avatar_url": "u", "type": "Robot", "site_admin": false}, "labels": [], "assignees": [], "milestone": null, "state": "open", "locked": false, "comments": 0, "created_at": "c", "updated_at": "u", "closed_at": null}
