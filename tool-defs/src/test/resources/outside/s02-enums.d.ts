export enum Priority {
  Low,
  Medium,
  High = 10,
  Urgent,
}

export const enum Status {
  Open = "open",
  InProgress = "in_progress",
  Done = "done", // trailing comma after last
}

declare enum Sign { Minus = -1, Zero = 0, Plus = 1 }

export interface Tickets {
  /** Create a ticket. */
  create(title: string, priority: Priority, status?: Status): Promise<{ id: string }>;
  /** Set the sign. */
  sign(value: Sign): Promise<void>;
  byStatus(statuses: Status[]): Promise<Record<Status, number>>;
}
//! accept s02_create {"title": "x", "priority": 11}
//! accept s02_create {"title": "x", "priority": 0, "status": "in_progress"}
//! reject s02_create {"title": "x", "priority": 2}
//! reject s02_create {"title": "x", "priority": 1, "status": "InProgress"}
//! accept s02_sign {"value": -1}
//! reject s02_sign {"value": 2}
//! accept s02_byStatus {"statuses": ["open", "done"]}
//! reject s02_byStatus {"statuses": ["closed"]}
