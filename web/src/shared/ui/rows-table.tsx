import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import { DimmedText } from "./section-card";
import { TableHead } from "./table-head";

export interface RowsTableProps<T> {
  rows: T[];
  /** Said instead of the table when there are no rows; without it the table shows with its head only. */
  empty?: ReactNode;
  /** The column titles, as TableHead takes them. */
  columns: ReactNode[];
  alignRight?: number[];
  /** A last column of row actions (a string names it for screen readers). */
  actions?: boolean | string;
  /** Scrolls sideways on a narrow screen below this width. */
  minWidth?: number;
  testId?: string;
  /** A row (`Table.Tr`, with its key). */
  children: (row: T) => ReactNode;
}

/** A striped table of a section's rows under plain column titles, or a dimmed "none" line when there are none. */
export function RowsTable<T>({
  rows,
  empty,
  columns,
  alignRight,
  actions,
  minWidth,
  testId,
  children,
}: RowsTableProps<T>) {
  if (rows.length === 0 && empty !== undefined) return <DimmedText>{empty}</DimmedText>;
  const table = (
    <Table striped data-testid={testId}>
      <TableHead columns={columns} alignRight={alignRight} actions={actions} />
      <Table.Tbody>{rows.map(children)}</Table.Tbody>
    </Table>
  );
  return minWidth === undefined ? (
    table
  ) : (
    <Table.ScrollContainer minWidth={minWidth}>{table}</Table.ScrollContainer>
  );
}
