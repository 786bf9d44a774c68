import { Group, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import {
  type DataTableColumn,
  EmptyState,
  type ListPage,
  ListTable,
  PageHeader,
  SearchInput,
} from "../../../shared/ui";
import { IncludeArchivedSwitch } from "./include-archived-switch";

export interface DirectoryListProps<T extends { id: string }> {
  /** The list's words: `<section>.title`, `.description` and `.empty` of the directory namespace. */
  section: "nations" | "organisations" | "people";
  /** The header's buttons (create, import, export). */
  actions: ReactNode;
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
  /** Above the search (a switch between kinds of record). */
  above?: ReactNode;
  /** The list's own filters, between the search and the archived switch. */
  filters: ReactNode;
  /** A search or filter is set: an empty list then says that nothing matched, not that there is nothing yet. */
  filtered: boolean;
  /** Offered by the empty list when nothing is filtered (the way to the first record). */
  emptyAction?: ReactNode;
}

/**
 * A directory list page: its header, then search, filters and the archived switch, then the sortable table whose
 * rows open their record.
 */
export function DirectoryList<T extends { id: string }>(props: DirectoryListProps<T>) {
  const { t } = useTranslation("directory");
  const { list, testIdPrefix, path, section, filtered } = props;
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t(`${section}.title`)}
        description={t(`${section}.description`)}
        actions={props.actions}
      />
      <Stack>
        {props.above}
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
          empty={
            <EmptyState
              description={filtered ? t("common:empty.noResults") : t(`${section}.empty`)}
              action={!filtered && props.emptyAction}
            />
          }
        />
      </Stack>
    </>
  );
}
