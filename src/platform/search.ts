import { type RawBuilder, sql } from "kysely";

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

/**
 * A kind's read rule for a viewer who reads every record of it (administrators, unscoped auditors): plain `true`
 * instead of the probe. An entry exists exactly while its record does (the record's own statement writes it, in the
 * same transaction), so for such a viewer the probe could only answer yes, at one primary-key lookup per candidate:
 * most of the statement's time on a common word (docs/search-plans.md).
 */
export function ruleFor(readsAll: boolean, probe: () => RawBuilder<boolean>): RawBuilder<boolean> {
  return readsAll ? sql<boolean>`true` : probe();
}
