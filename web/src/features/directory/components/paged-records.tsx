import { Table } from "@mantine/core";
import type { ReactNode } from "react";
import type { Page } from "../../../shared/api";
import { DimmedText, ErrorAlert, ListFooter, SectionCard } from "../../../shared/ui";

export const RECORDS_LIMIT = 10;

export interface PagedRecordsProps<T> {
  title: string;
  testId: string;
  /** The page being shown (undefined while the first one loads) and the load's error. */
  query: { data?: Page<T>; error: unknown };
  /** What the section says when there is nothing. */
  empty: string;
  minWidth: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
  /** The table's head and body for the page's items. */
  children: (items: T[]) => ReactNode;
}

/**
 * A section of a directory detail page listing a record's related records a page at a time: an error, a
 * "none" line, or a striped table with its pager.
 */
export function PagedRecords<T>({
  title,
  testId,
  query,
  empty,
  minWidth,
  offset,
  onOffsetChange,
  children,
}: PagedRecordsProps<T>) {
  const page = query.data;
  return (
    <SectionCard title={title} testId={testId}>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {page && page.total === 0 && <DimmedText>{empty}</DimmedText>}
      {page && page.total > 0 && (
        <>
          <Table.ScrollContainer minWidth={minWidth}>
            <Table striped>{children(page.items)}</Table>
          </Table.ScrollContainer>
          <ListFooter
            total={page.total}
            limit={RECORDS_LIMIT}
            offset={offset}
            shown={page.items.length}
            onOffsetChange={onOffsetChange}
          />
        </>
      )}
    </SectionCard>
  );
}
