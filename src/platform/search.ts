import type { RawBuilder } from "kysely";

/** The kinds of record the global search finds, in the order its groups are shown. */
export const SEARCH_KINDS = [
  "nation",
  "organisation",
  "person",
  "activity",
  "event",
  "plan",
  "goal",
  "course",
  "certificate",
  "unit",
  "evaluation",
  "exercise",
  "operation",
  "meeting",
  "decision",
  "action_item",
  "exchange_message",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * Each capability's read rule for the kinds it owns, as a SQL condition on the search entry `s` (its `record_id`):
 * the same rule its own lists apply, so the global search lists and counts exactly what those lists would show. A
 * kind left out is one the viewer may not read at all. Write each as `exists (select 1 … where x.id = s.record_id and
 * <rule> offset 0)`: the offset keeps it a primary-key probe per candidate; without it PostgreSQL turns an EXISTS
 * under the search's OR into a hashed subplan that first reads every row of the table the viewer may see
 * (docs/search.md).
 */
export type SearchVisibility = Partial<Record<SearchKind, RawBuilder<boolean>>>;
