import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageFooter } from "./list-footer";
import type { ListPage } from "./list-table";
import { QueryBoundary } from "./query-boundary";

export interface PagedQueryProps<T> {
  /** One server page of a list. */
  query: UseQueryResult<ListPage<T>>;
  onOffsetChange: (offset: number) => void;
  /** Shown instead of rows and footer when the page has no rows; without it the rows' view shows regardless. */
  empty?: ReactNode;
  /** The page's rows, shown by the caller (a table, a list of cards). */
  children: (items: T[]) => ReactNode;
}

/**
 * One server page of a list at a time, once loaded: its rows as `children` shows them, then the page's footer.
 * (PagedRowsTable is the carded, striped table of hand-written rows.)
 */
export function PagedQuery<T>({ query, onOffsetChange, empty, children }: PagedQueryProps<T>) {
  return (
    <QueryBoundary query={query}>
      {(page) =>
        empty !== undefined && page.items.length === 0 ? (
          empty
        ) : (
          <>
            {children(page.items)}
            <PageFooter page={page} onOffsetChange={onOffsetChange} />
          </>
        )
      }
    </QueryBoundary>
  );
}
