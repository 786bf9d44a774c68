import { Box, Center, Group, Loader, Table, Text, UnstyledButton } from "@mantine/core";
import { IconArrowsSort, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ListFooter } from "./list-footer";

export interface DataTableColumn<T> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  /** Plain-text name of the column for the sort button's accessible label (defaults to `header` if a string). */
  headerText?: string;
  render: (row: T) => ReactNode;
  /** The server's sort field; the header becomes a sort toggle (`field` ↔ `-field`). */
  sortKey?: string;
  width?: number | string;
  align?: "left" | "center" | "right";
}

export interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Current sort as the API takes it: `field` ascending, `-field` descending. */
  sort?: string;
  onSortChange?: (sort: string) => void;
  /** The server's page: total matching rows, page size and offset of the first row. */
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  onRowClick?: (row: T) => void;
  /** `data-testid` of each row; defaults to `row-<key>`. */
  rowTestId?: (row: T) => string;
  /** Shown instead of the table when `rows` is empty. */
  empty?: ReactNode;
  /** Fetching a new page: the current rows stay, dimmed. */
  fetching?: boolean;
  "data-testid"?: string;
  caption?: string;
}

function SortIcon({ direction }: { direction: "asc" | "desc" | null }) {
  if (direction === "asc") return <IconSortAscending size={14} aria-hidden />;
  if (direction === "desc") return <IconSortDescending size={14} aria-hidden />;
  return <IconArrowsSort size={14} aria-hidden opacity={0.4} />;
}

/**
 * A server-paginated, server-sorted table. It renders what it is given: keep sort/offset in the URL
 * (see `useListParams`) and pass the API's `total/limit/offset` through.
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t } = useTranslation();
  const { columns, rows, rowKey, sort, onSortChange, total, limit, offset, onOffsetChange } = props;

  if (rows.length === 0 && props.empty) return <>{props.empty}</>;

  const direction = (key?: string): "asc" | "desc" | null => {
    if (!key || !sort) return null;
    if (sort === key) return "asc";
    if (sort === `-${key}`) return "desc";
    return null;
  };

  return (
    <Box data-testid={props["data-testid"]} pos="relative">
      <Table.ScrollContainer minWidth={600}>
        <Table
          striped
          highlightOnHover={!!props.onRowClick}
          verticalSpacing="xs"
          opacity={props.fetching ? 0.6 : 1}
        >
          {props.caption && <Table.Caption>{props.caption}</Table.Caption>}
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => {
                const current = direction(column.sortKey);
                return (
                  <Table.Th
                    key={column.key}
                    w={column.width}
                    ta={column.align}
                    aria-sort={
                      current === "asc" ? "ascending" : current === "desc" ? "descending" : undefined
                    }
                  >
                    {column.sortKey && onSortChange ? (
                      <UnstyledButton
                        onClick={() =>
                          onSortChange(current === "asc" ? `-${column.sortKey}` : column.sortKey!)
                        }
                        aria-label={t("list.sortBy", {
                          column:
                            column.headerText ??
                            (typeof column.header === "string" ? column.header : column.key),
                        })}
                        data-testid={`sort-${column.key}`}
                      >
                        <Group gap={4} wrap="nowrap">
                          <Text fw={700} size="sm">
                            {column.header}
                          </Text>
                          <SortIcon direction={current} />
                        </Group>
                      </UnstyledButton>
                    ) : (
                      column.header
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              return (
                <Table.Tr
                  key={key}
                  data-testid={props.rowTestId ? props.rowTestId(row) : `row-${key}`}
                  onClick={props.onRowClick ? () => props.onRowClick?.(row) : undefined}
                  style={props.onRowClick ? { cursor: "pointer" } : undefined}
                >
                  {columns.map((column) => (
                    <Table.Td key={column.key} ta={column.align}>
                      {column.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {props.fetching && (
        <Center pos="absolute" top={8} right={8}>
          <Loader size="xs" />
        </Center>
      )}
      <ListFooter
        total={total}
        limit={limit}
        offset={offset}
        shown={rows.length}
        onOffsetChange={onOffsetChange}
      />
    </Box>
  );
}
