import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The header row of a table whose columns are plain titles (null leaves a column, such as one of row actions,
 * untitled; `alignRight` names the places of right-aligned ones, such as numbers). Most tables of the app head
 * their columns so; written once instead of a Thead/Tr/Th block each.
 */
export function TableHead({
  columns,
  alignRight = [],
  actions = false,
}: {
  columns: ReactNode[];
  alignRight?: number[];
  /** A last, untitled column of row actions; a string names it for screen readers. */
  actions?: boolean | string;
}) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; their place is their identity
          <Table.Th key={index} ta={alignRight.includes(index) ? "right" : undefined}>
            {column}
          </Table.Th>
        ))}
        {actions !== false && <Table.Th aria-label={actions === true ? undefined : actions} />}
      </Table.Tr>
    </Table.Thead>
  );
}
