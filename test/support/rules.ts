/**
 * Rules written down independently of the code that enforces them, so that a test compares the behaviour with the
 * rule rather than with the code's own table.
 */

export const ACTIVITY_STATUSES = ["draft", "published", "closed", "completed", "cancelled"] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The allowed moves of an activity's status; every other move (including to the same status) is refused. */
export const ACTIVITY_STATUS_MOVES: Record<ActivityStatus, readonly ActivityStatus[]> = {
  draft: ["published", "cancelled"],
  published: ["closed", "completed", "cancelled", "draft"],
  closed: ["published", "completed", "cancelled"],
  completed: [],
  cancelled: [],
};

/** The shortest allowed path from a new (draft) activity to each status. */
export const PATH_FROM_DRAFT: Record<ActivityStatus, readonly ActivityStatus[]> = {
  draft: [],
  published: ["published"],
  closed: ["published", "closed"],
  completed: ["published", "completed"],
  cancelled: ["cancelled"],
};
