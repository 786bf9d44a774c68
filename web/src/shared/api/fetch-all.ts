import { api, type QueryParams } from "./client";
import type { Page } from "./types";

/** The server's largest page (`limit` 1..100). */
const PAGE_SIZE = 100;

/**
 * Every row of a list endpoint, page after page until the server's `total` is reached: for the few
 * small lists a page needs whole (a nation filter). Never a silent "first 100"; pick with a search
 * (`RemoteSelect`) where the list can grow large.
 */
export async function fetchAll<T>(
  path: string,
  query: QueryParams = {},
  signal?: AbortSignal,
): Promise<Page<T>> {
  const items: T[] = [];
  let total = 0;
  do {
    const page = await api.get<Page<T>>(path, { ...query, limit: PAGE_SIZE, offset: items.length }, signal);
    total = page.total;
    items.push(...page.items);
    if (page.items.length === 0) break;
  } while (items.length < total);
  return { items, total, limit: items.length, offset: 0 };
}
