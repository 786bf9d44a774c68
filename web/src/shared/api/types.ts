/** One page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** The common list query: full-text `q`, `sort` (`field` or `-field`), `limit` 1..100, `offset`. */
export interface ListQuery {
  q?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

/** What DELETE answers: records still referenced elsewhere are archived instead of deleted. */
export interface DeleteOutcome {
  outcome: "deleted" | "archived";
}

export type ReleasabilityLevel = "public" | "internal" | "restricted";

/** A compact reference to another record, as lists embed it. */
export interface Ref {
  id: string;
  code: string;
  nameEn: string;
}
