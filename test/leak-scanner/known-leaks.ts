/**
 * Leaks the scanner finds that are known and being fixed elsewhere. Each entry names the finding it belongs to;
 * remove the entry when the fix lands (the scanner prints entries that matched nothing: those are ready to go).
 * An entry matches a hit when the route template, the canary's table and (if given) the viewer's role all match.
 */
export interface KnownLeak {
  id: string;
  /** The finding, where it is tracked, and who fixes it. */
  finding: string;
  /** Route template as in the OpenAPI document, e.g. `/api/readiness/evaluations/{id}/eligible-evaluators`. */
  route: string;
  /** Table of the canary record that leaks. */
  table: string;
  roles?: string[];
}

export const KNOWN_LEAKS: KnownLeak[] = [];
