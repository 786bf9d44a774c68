/**
 * Rules written down independently of the code that enforces them, so that a test compares the behaviour with the
 * rule rather than with the code's own table.
 */

export const ACTIVITY_STATUSES = [
  "proposed",
  "draft",
  "published",
  "closed",
  "completed",
  "cancelled",
  "rejected",
] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * The allowed moves of an activity's status; every other move (including to the same status) is refused. A
 * partner's proposal is approved (published) or rejected by alliance staff, or withdrawn (cancelled) by its own
 * organisers; nothing moves back to proposed.
 */
export const ACTIVITY_STATUS_MOVES: Record<ActivityStatus, readonly ActivityStatus[]> = {
  proposed: ["published", "rejected", "cancelled"],
  draft: ["published", "cancelled"],
  published: ["closed", "completed", "cancelled", "draft"],
  closed: ["published", "completed", "cancelled"],
  completed: [],
  cancelled: [],
  rejected: [],
};

/**
 * The shortest allowed path from a new (draft) activity to each status an alliance-side organiser's activity can
 * reach; a draft never becomes a proposal, so proposed and rejected have none.
 */
export const PATH_FROM_DRAFT: Partial<Record<ActivityStatus, readonly ActivityStatus[]>> = {
  draft: [],
  published: ["published"],
  closed: ["published", "closed"],
  completed: ["published", "completed"],
  cancelled: ["cancelled"],
};
