import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/**
 * The header row of a table whose columns are plain titles (null leaves a column, such as one of row actions,
 * untitled). Most tables of the app head their columns so; written once instead of a Thead/Tr/Th block each.
 */
export function TableHead({ columns }: { columns: ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed; their place is their identity
          <Table.Th key={index}>{column}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
