import { Group } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { type DataTableColumn, type ListPage, ListTable, SearchInput } from "../../../shared/ui";
import { IncludeArchivedSwitch } from "./include-archived-switch";

export interface DirectoryListProps<T extends { id: string }> {
  /** The page's list state; every directory list filters on `includeArchived`. */
  list: {
    q: string;
    setQ: (q: string) => void;
    sort: string;
    setSort: (sort: string) => void;
    setOffset: (offset: number) => void;
    filters: { includeArchived: string };
    setFilter: (name: "includeArchived", value: string | null) => void;
  };
  query: UseQueryResult<ListPage<T>>;
  columns: DataTableColumn<T>[];
  /** The test ids' prefix: `<prefix>-search`, `<prefix>-include-archived`. */
  testIdPrefix: string;
  tableTestId: string;
  rowTestId: (row: T) => string;
  /** Where a row leads: `<path>/<id>`. */
  path: string;
  searchWidth: number;
  /** The list's own filters, between the search and the archived switch. */
  filters: ReactNode;
  empty: ReactNode;
}

/** The body of a directory list page: search, filters and the archived switch, then the sortable table. */
export function DirectoryList<T extends { id: string }>(props: DirectoryListProps<T>) {
  const { list, testIdPrefix, path } = props;
  const navigate = useNavigate();
  return (
    <>
      <Group align="flex-end" wrap="wrap">
        <SearchInput
          value={list.q}
          onChange={list.setQ}
          w={props.searchWidth}
          data-testid={`${testIdPrefix}-search`}
        />
        {props.filters}
        <IncludeArchivedSwitch list={list} testId={`${testIdPrefix}-include-archived`} />
      </Group>
      <ListTable
        query={props.query}
        list={list}
        sortable
        data-testid={props.tableTestId}
        columns={props.columns}
        rowKey={(row) => row.id}
        rowTestId={props.rowTestId}
        onRowClick={(row) => navigate(`${path}/${row.id}`)}
        empty={props.empty}
      />
    </>
  );
}
