import { Button, Table } from "@mantine/core";
import type { ReactNode } from "react";

export interface RowEditCellProps {
  /** Whether the reader may change the row; without it there is no cell (nor the table's actions column). */
  show: boolean;
  onEdit: () => void;
  /** The first button's words ("Edit", "Record attendance"). */
  label: ReactNode;
  testId?: string;
  /** More buttons after it (a remove). */
  children?: ReactNode;
}

/** The right-hand cell of a row that its editor opens in a dialog: the small button that opens it, then others. */
export function RowEditCell({ show, onEdit, label, testId, children }: RowEditCellProps) {
  if (!show) return null;
  return (
    <Table.Td ta="right">
      <Button size="xs" variant="subtle" onClick={onEdit} data-testid={testId}>
        {label}
      </Button>
      {children}
    </Table.Td>
  );
}
