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

/** The page a result opens: its own, or the page it is shown on (a decision and an action item on their meeting). */
export function hitPath(hit: SearchHit): string {
  switch (hit.kind) {
    case "nation":
      return `/nations/${hit.id}`;
    case "organisation":
      return `/organisations/${hit.id}`;
    case "person":
      return `/people/${hit.id}`;
    case "activity":
      return `/catalogue/activities/${hit.id}`;
    case "event":
      return `/catalogue/events/${hit.id}`;
    case "plan":
      return `/programmes/plans/${hit.id}`;
    case "goal":
      return `/programmes/goals/${hit.id}`;
    case "course":
      return `/training/courses/${hit.id}`;
    case "certificate":
      return `/training/certificates?q=${encodeURIComponent(hit.code ?? "")}`;
    case "unit":
      return `/readiness/units/${hit.id}`;
    case "evaluation":
      return `/readiness/evaluations/${hit.id}`;
    case "exercise":
      return `/exercises/${hit.id}`;
    case "operation":
      return `/operations/${hit.id}`;
    case "meeting":
      return `/meetings/${hit.id}`;
    case "decision":
      return `/meetings/${hit.parentId}#decision-${hit.id}`;
    case "action_item":
      return `/meetings/${hit.parentId}`;
    case "exchange_message":
      return `/exchange/${hit.id}`;
  }
}
