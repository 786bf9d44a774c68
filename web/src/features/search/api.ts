import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../shared/api";
import type { QueryOf, ResponseOf } from "../../shared/api/contract";

export type SearchResult = ResponseOf<"getSearch">;
export type SearchGroup = SearchResult["groups"][number];
export type SearchHit = SearchGroup["items"][number];
export type SearchKind = SearchHit["kind"];

export const useSearch = (query: QueryOf<"getSearch">) =>
  useQuery({
    queryKey: ["search", query],
    queryFn: ({ signal }) => api.get<SearchResult>("/api/search", query, signal),
    enabled: query.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });

/** Where the records of a kind have their own page: the record's id follows the path. */
const RECORD_PAGES = {
  nation: "/nations/",
  organisation: "/organisations/",
  person: "/people/",
  activity: "/catalogue/activities/",
  event: "/catalogue/events/",
  plan: "/programmes/plans/",
  goal: "/programmes/goals/",
  course: "/training/courses/",
  unit: "/readiness/units/",
  evaluation: "/readiness/evaluations/",
  exercise: "/exercises/",
  operation: "/operations/",
  meeting: "/meetings/",
  exchange_message: "/exchange/",
} as const satisfies Partial<Record<SearchKind, string>>;

/** The page a result opens: its own, or the page it is shown on (a decision and an action item on their meeting). */
export function hitPath(hit: SearchHit): string {
  switch (hit.kind) {
    case "certificate":
      return `/training/certificates?q=${encodeURIComponent(hit.code ?? "")}`;
    case "decision":
      return `/meetings/${hit.parentId}#decision-${hit.id}`;
    case "action_item":
      return `/meetings/${hit.parentId}`;
    default:
      return `${RECORD_PAGES[hit.kind]}${hit.id}`;
  }
}
