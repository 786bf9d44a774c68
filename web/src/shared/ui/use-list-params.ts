import { useCallback, useMemo, useRef } from "react";
import { useSearchParams } from "react-router-dom";

export interface ListParams<F extends string> {
  q: string;
  sort: string;
  limit: number;
  offset: number;
  filters: Record<F, string>;
}

/**
 * A list page's search, filters, sort and page, kept in the URL (so back/forward and links work).
 * Changing the search, a filter or the sort goes back to the first page.
 */
export function useListParams<F extends string = never>(options: {
  defaultSort: string;
  filters?: readonly F[];
  limit?: number;
}) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filterNames = options.filters ?? [];
  const limit = options.limit ?? 25;

  // biome-ignore lint/correctness/useExhaustiveDependencies: filterNames is a constant list per page
  const params: ListParams<F> = useMemo(() => {
    const offset = Number.parseInt(searchParams.get("offset") ?? "0", 10);
    const filters = {} as Record<F, string>;
    for (const name of filterNames) filters[name] = searchParams.get(name) ?? "";
    return {
      q: searchParams.get("q") ?? "",
      sort: searchParams.get("sort") ?? options.defaultSort,
      limit,
      offset: Number.isFinite(offset) && offset > 0 ? offset : 0,
      filters,
    };
  }, [searchParams, options.defaultSort, limit]);

  // The router's functional update starts from the URL of the last render, not from an update still on its way:
  // two changes before the page renders again (a filter, then another, on a busy machine) kept only the second.
  // Each change therefore starts from the one before it until the URL it made has been rendered.
  const pending = useRef<{ from: URLSearchParams; next: URLSearchParams } | null>(null);
  const update = useCallback(
    (changes: Record<string, string | number | null>, resetOffset = true) => {
      const base = pending.current?.from === searchParams ? pending.current.next : searchParams;
      const next = new URLSearchParams(base);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === "" || value === 0) next.delete(key);
        else next.set(key, String(value));
      }
      if (resetOffset && !("offset" in changes)) next.delete("offset");
      pending.current = { from: searchParams, next };
      setSearchParams(next, { replace: true });
    },
    [searchParams, setSearchParams],
  );

  return {
    ...params,
    setQ: (q: string) => update({ q }),
    setSort: (sort: string) => update({ sort: sort === options.defaultSort ? null : sort }),
    setOffset: (offset: number) => update({ offset }, false),
    setFilter: (name: F, value: string | null) => update({ [name]: value }),
    /** The API query for this list: `{ q, sort, limit, offset, ...filters }` without empty values. */
    query: { q: params.q, sort: params.sort, limit: params.limit, offset: params.offset, ...params.filters },
  };
}
