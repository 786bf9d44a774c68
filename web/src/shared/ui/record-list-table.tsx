import { useNavigate } from "react-router-dom";
import { ListTable, type ListTableProps } from "./list-table";

export interface RecordListTableProps<T extends { id: string }>
  extends Omit<ListTableProps<T>, "rowKey" | "onRowClick"> {
  /** The address of a row's record: a click on the row opens it (a `RowLink` in a cell keeps its own click). */
  recordPath?: (row: T) => string;
}

/**
 * A list page's table of records, each row keyed by its record's id and, given `recordPath`, opening its record
 * when clicked: the `rowKey` and `onRowClick` (with its `navigate`) that the list pages wrote each time.
 */
export function RecordListTable<T extends { id: string }>({ recordPath, ...table }: RecordListTableProps<T>) {
  const navigate = useNavigate();
  return (
    <ListTable
      {...table}
      rowKey={(row) => row.id}
      onRowClick={recordPath && ((row) => navigate(recordPath(row)))}
    />
  );
}
