import type { UseQueryResult } from "@tanstack/react-query";
import { DataTable, type DataTableProps } from "./data-table";
import { QueryBoundary } from "./query-boundary";

/** A page of a list as every list route answers it. */
export interface ListPage<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

type FromThePage =
  | "rows"
  | "total"
  | "limit"
  | "offset"
  | "onOffsetChange"
  | "sort"
  | "onSortChange"
  | "fetching";

export interface ListTableProps<T> extends Omit<DataTableProps<T>, FromThePage> {
  query: UseQueryResult<ListPage<T>>;
  /** The page's list state (`useListParams`): the page offset and, when `sortable`, the sort live in the URL. */
  list: { sort: string; setSort: (sort: string) => void; setOffset: (offset: number) => void };
  /** The columns with a `sortKey` sort on the server. */
  sortable?: boolean;
}

/**
 * A list page's table: the query's loading and error states, then the server's page of rows, dimmed while the next
 * page or a fresher answer is on its way.
 */
export function ListTable<T>({ query, list, sortable = false, ...table }: ListTableProps<T>) {
  return (
    <QueryBoundary query={query}>
      {(page) => (
        <DataTable
          {...table}
          rows={page.items}
          total={page.total}
          limit={page.limit}
          offset={page.offset}
          onOffsetChange={list.setOffset}
          fetching={query.isPlaceholderData || query.isFetching}
          {...(sortable ? { sort: list.sort, onSortChange: list.setSort } : {})}
        />
      )}
    </QueryBoundary>
  );
}
