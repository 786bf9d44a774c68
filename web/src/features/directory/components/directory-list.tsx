import { Group, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { localName, useFormat } from "../../../shared/i18n/format";
import {
  ArchivedBadge,
  type DataTableColumn,
  EmptyState,
  type ListPage,
  ListTable,
  NewRecordLink,
  PageHeader,
  RowLink,
  SearchInput,
} from "../../../shared/ui";
import type { RecordSection } from "../types";
import { IncludeArchivedSwitch } from "./include-archived-switch";
import { RECORD_TEST_NAME } from "./record-form-page";

export interface DirectoryListProps<T extends { id: string }> {
  /**
   * The list's words (`<section>.title`, `.description`, `.empty`, `.create` of the directory namespace), its path
   * `/<section>` (a row leads to `/<section>/<id>`) and its table's test id `<section>-table`.
   */
  section: RecordSection;
  /** The header's buttons (import, export). */
  actions?: ReactNode;
  /** The reader may create a record: the header offers it last. */
  create?: boolean;
  /**
   * The page's list state; every directory list filters on `includeArchived`. While a search or another filter is
   * set, an empty list says that nothing matched, not that there is nothing yet.
   */
  list: {
    q: string;
    setQ: (q: string) => void;
    sort: string;
    setSort: (sort: string) => void;
    setOffset: (offset: number) => void;
    filters: Record<string, string> & { includeArchived: string };
    setFilter: (name: "includeArchived", value: string | null) => void;
  };
  query: UseQueryResult<ListPage<T>>;
  columns: DataTableColumn<T>[];
  rowTestId: (row: T) => string;
  searchWidth: number;
  /** Above the search (a switch between kinds of record). */
  above?: ReactNode;
  /** The list's own filters, between the search and the archived switch. */
  filters: ReactNode;
  /** Offered by the empty list when nothing is filtered (the way to the first record). */
  emptyAction?: ReactNode;
}

/**
 * A directory list page: its header, then search, filters and the archived switch, then the sortable table whose
 * rows open their record.
 */
export function DirectoryList<T extends { id: string }>(props: DirectoryListProps<T>) {
  const { t } = useTranslation("directory");
  const { list, section } = props;
  // The test ids: `<record>-search`, `<record>-include-archived`, `<record>-create`.
  const testIdPrefix = RECORD_TEST_NAME[section];
  const filtered =
    !!list.q || Object.entries(list.filters).some(([name, value]) => name !== "includeArchived" && value);
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t(`${section}.title`)}
        description={t(`${section}.description`)}
        actions={
          (props.actions || props.create) && (
            <>
              {props.actions}
              {props.create && (
                <NewRecordLink to={`/${section}/new`} testId={`${testIdPrefix}-create`}>
                  {t(`${section}.create`)}
                </NewRecordLink>
              )}
            </>
          )
        }
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
          data-testid={`${section}-table`}
          columns={props.columns}
          rowKey={(row) => row.id}
          rowTestId={props.rowTestId}
          onRowClick={(row) => navigate(`/${section}/${row.id}`)}
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

/** A nation or an organisation as its list shows it. */
interface CodedRecord {
  id: string;
  code: string;
  nameEn: string;
  nameAz?: string | null;
  nameRu?: string | null;
  archivedAt?: string | null;
}

/**
 * The first two columns of the nations' and the organisations' lists: the code, and the name in the reader's
 * language leading to the record, marked when it is archived.
 */
export function useCodeAndNameColumns<T extends CodedRecord>(
  section: "nations" | "organisations",
  codeWidth: number,
): DataTableColumn<T>[] {
  const { t } = useTranslation("directory");
  const { language } = useFormat();
  return [
    {
      key: "code",
      header: t(`${section}.code`),
      sortKey: "code",
      width: codeWidth,
      render: (row) => row.code,
    },
    {
      key: "name",
      header: t(`${section}.name`),
      // The server sorts by the English name only.
      sortKey: "nameEn",
      render: (row) => (
        <Group gap="xs">
          <RowLink to={`/${section}/${row.id}`}>{localName(row, language)}</RowLink>
          <ArchivedBadge archivedAt={row.archivedAt} />
        </Group>
      ),
    },
  ];
}
