import {
  keepPreviousData,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, fetchAll, type Page, type QueryParams } from "./api";

/** What a feature's read may add to the plain query: wait for a condition, or keep what is on screen. */
export interface ReadOptions {
  enabled?: boolean;
  refetchOnWindowFocus?: boolean;
}

/*
 * The reads of the features' api.ts files, which wrote the same useQuery/api.get block for each endpoint. Each
 * is cached under its `queryKey` and cancelled (`signal`) when no page needs it any more.
 */

/** A GET of one path, with a query when given: a record, a report, counts, figures. */
export function useGetQuery<T>(
  queryKey: QueryKey,
  path: string,
  { query, ...options }: ReadOptions & { query?: QueryParams } = {},
) {
  return useQuery({ queryKey, queryFn: ({ signal }) => api.get<T>(path, query, signal), ...options });
}

/** One page of a list for a query (filters, paging); the previous page stays on show while the next one loads. */
export function usePageQuery<T>(queryKey: QueryKey, path: string, query: QueryParams, options?: ReadOptions) {
  return useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<Page<T>>(path, query, signal),
    placeholderData: keepPreviousData,
    ...options,
  });
}

/** Every item of a short list, all its pages fetched (for a select, a filter). */
export function useAllQuery<T>(
  queryKey: QueryKey,
  path: string,
  query: QueryParams = {},
  options?: ReadOptions,
) {
  return useQuery({ queryKey, queryFn: ({ signal }) => fetchAll<T>(path, query, signal), ...options });
}

/**
 * A write that refreshes every query under `queryKey` (a feature's own) when it succeeds; the mutation settles only
 * once they are refreshed, so that a page reads the new state after `mutateAsync`.
 */
export function useRefreshingMutation<I, O>(queryKey: QueryKey, write: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey }) });
}
