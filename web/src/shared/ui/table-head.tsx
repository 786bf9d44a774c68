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
  actionsLabel,
}: {
  columns: ReactNode[];
  alignRight?: number[];
  /** When given, a last, untitled column of row actions named so for screen readers. */
  actionsLabel?: string;
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
        {actionsLabel !== undefined && <Table.Th aria-label={actionsLabel} />}
      </Table.Tr>
    </Table.Thead>
  );
}
