import { Table, type TableProps } from "@mantine/core";
import type { ReactNode } from "react";
import { TableHead } from "./table-head";

export interface PlainTableProps extends Omit<TableProps, "children"> {
  /** Below this width the table scrolls sideways instead of squeezing its columns (a phone); none: it never does. */
  minWidth?: number;
  /** Plain column titles, as TableHead takes them; without them the table has no head row. */
  columns?: ReactNode[];
  alignRight?: number[];
  actions?: boolean | string;
  "data-testid"?: string;
  /** Anything to render beside the table, inside its box (the dialogs its rows open). */
  beside?: ReactNode;
  /** The body's rows (`Table.Tr`s). */
  children: ReactNode;
}

/**
 * A plain (unstriped) table of rows under an optional head of plain titles, scrolling sideways on a narrow screen
 * when given a `minWidth`: the ScrollContainer/Table/Thead/Tbody frame that hand-written tables repeat. (RowsTable
 * is the striped one that maps a list and says "none" when it is empty.)
 */
export function PlainTable({
  minWidth,
  columns,
  alignRight,
  actions,
  beside,
  children,
  ...table
}: PlainTableProps) {
  const content = (
    <>
      {beside}
      <Table {...table}>
        {columns && <TableHead columns={columns} alignRight={alignRight} actions={actions} />}
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </>
  );
  return minWidth === undefined ? (
    content
  ) : (
    <Table.ScrollContainer minWidth={minWidth}>{content}</Table.ScrollContainer>
  );
}
