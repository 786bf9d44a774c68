import { Table, type TableProps } from "@mantine/core";
import type { ReactNode } from "react";
import { TableHead } from "./table-head";

export interface ScrollTableProps extends Omit<TableProps, "children"> {
  /** Below this width the table scrolls sideways instead of squeezing its columns (a phone). */
  minWidth: number;
  /** Plain column titles, as TableHead takes them; without them the table has no head row. */
  columns?: ReactNode[];
  alignRight?: number[];
  actions?: boolean | string;
  "data-testid"?: string;
  /** Anything to render beside the table, inside the scrolling box (the dialogs its rows open). */
  beside?: ReactNode;
  /** The body's rows (`Table.Tr`s). */
  children: ReactNode;
}

/**
 * A plain table of rows that scrolls sideways on a narrow screen, under an optional head of plain titles: the
 * ScrollContainer/Table/Thead/Tbody frame that hand-written tables repeat. (RowsTable is the striped one that
 * maps a list and says "none" when it is empty.)
 */
export function ScrollTable({
  minWidth,
  columns,
  alignRight,
  actions,
  beside,
  children,
  ...table
}: ScrollTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      {beside}
      <Table {...table}>
        {columns && <TableHead columns={columns} alignRight={alignRight} actions={actions} />}
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
