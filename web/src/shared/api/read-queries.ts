import { keepPreviousData, type QueryKey, useQuery } from "@tanstack/react-query";
import { api, type QueryParams } from "./client";
import type { Page } from "./types";

/**
 * A page of a list route as a query: the page on screen stays while the next one (another filter, another offset)
 * loads, so that a list does not blank between pages. The features' list hooks each wrote this query.
 */
export const usePageQuery = <T>(
  queryKey: QueryKey,
  path: string,
  query: QueryParams,
  options: { enabled?: boolean } = {},
) =>
  useQuery({
    queryKey,
    queryFn: ({ signal }) => api.get<Page<T>>(path, query, signal),
    placeholderData: keepPreviousData,
    ...options,
  });

/** A record (or any answer without a query) read from its route. */
export const useRecordQuery = <T>(queryKey: QueryKey, path: string) =>
  useQuery({ queryKey, queryFn: ({ signal }) => api.get<T>(path, undefined, signal) });
