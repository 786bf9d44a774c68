import { Group, Pagination, type PaginationProps, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export interface ListFooterProps {
  /** The server's page: total matching rows, page size, offset of the first row, rows on this page. */
  total: number;
  limit: number;
  offset: number;
  shown: number;
  onOffsetChange: (offset: number) => void;
}

/** A list page as the server answers it (`Page(item)`): what ListFooter reads of it. */
export interface ServerPage {
  total: number;
  limit: number;
  offset: number;
  items: readonly unknown[];
}

/**
 * The footer of a list that shows one server page as it came: its figures are the page's own, so each list
 * passes the page instead of repeating total/limit/offset/shown.
 */
export function PageFooter({
  page,
  onOffsetChange,
}: {
  page: ServerPage;
  onOffsetChange: (offset: number) => void;
}) {
  return (
    <ListFooter
      total={page.total}
      limit={page.limit}
      offset={page.offset}
      shown={page.items.length}
      onOffsetChange={onOffsetChange}
    />
  );
}

/** "Showing 101–150 of 420" and the page buttons under a server-paged list, so no list stops silently. */
export function ListFooter({ total, limit, offset, shown, onOffsetChange }: ListFooterProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, limit)));
  const page = Math.min(pages, Math.floor(offset / Math.max(1, limit)) + 1);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap">
      <Text size="sm" c="dimmed" data-testid="table-range">
        {total === 0
          ? t("list.showing", { from: 0, to: 0, total: 0 })
          : t("list.showing", { from: offset + 1, to: Math.min(offset + shown, total), total })}
      </Text>
      {pages > 1 && (
        <ListPagination
          total={pages}
          value={page}
          onChange={(next) => onOffsetChange((next - 1) * limit)}
          size="sm"
          getItemProps={(page) => ({ "aria-label": `${t("list.pagination")}: ${page}` })}
          data-testid="pagination"
        />
      )}
    </Group>
  );
}

/** Page buttons whose navigation and previous/next controls are named for screen readers, in the user's language. */
export function ListPagination(props: PaginationProps) {
  const { t } = useTranslation();
  return (
    <Pagination
      aria-label={t("list.pagination")}
      getControlProps={(control) =>
        control === "previous"
          ? { "aria-label": t("list.previousPage") }
          : control === "next"
            ? { "aria-label": t("list.nextPage") }
            : {}
      }
      {...props}
    />
  );
}
