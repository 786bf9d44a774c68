import { type MantineSpacing, Paper } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { EmptyState } from "./empty-state";
import { PageFooter } from "./list-footer";
import type { ListPage } from "./list-table";
import { QueryBoundary } from "./query-boundary";
import { RowsTable, type RowsTableProps } from "./rows-table";

export interface PagedRowsTableProps<T> extends Omit<RowsTableProps<T>, "rows" | "empty"> {
  /** One server page of the list. */
  query: UseQueryResult<ListPage<T>>;
  /** The empty state's title when the page has no rows. */
  emptyTitle: ReactNode;
  onOffsetChange: (offset: number) => void;
  /** Space below the card. */
  mb?: MantineSpacing;
}

/**
 * A list of one server page at a time, read as it came: the empty state when there is nothing, else a card of
 * the rows' table over the page's footer. For lists whose rows are written by hand (not `DataTable` columns).
 */
export function PagedRowsTable<T>({
  query,
  emptyTitle,
  onOffsetChange,
  mb,
  ...table
}: PagedRowsTableProps<T>) {
  return (
    <QueryBoundary query={query}>
      {(page) =>
        page.items.length === 0 ? (
          <EmptyState title={emptyTitle} />
        ) : (
          <Paper withBorder radius="md" mb={mb}>
            <RowsTable rows={page.items} {...table} />
            <PageFooter page={page} onOffsetChange={onOffsetChange} />
          </Paper>
        )
      }
    </QueryBoundary>
  );
}
