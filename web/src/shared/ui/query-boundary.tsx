import { Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useParams } from "react-router-dom";
import { ErrorAlert } from "./error-alert";

export interface QueryBoundaryProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown while the first answer is loading (defaults to a centred loader). */
  loading?: ReactNode;
}

/**
 * Renders a query's three states: loading, error (with retry) and data. Data already shown stays
 * visible while it refetches.
 */
export function QueryBoundary<T>({ query, children, loading }: QueryBoundaryProps<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      {loading ?? (
        <Center py="xl" data-testid="loading">
          <Loader />
        </Center>
      )}
    </>
  );
}

export interface RecordPageProps<T> {
  /** The query hook of the record, given the `:id` of the address. */
  useRecord: (id: string) => UseQueryResult<T>;
  children: (record: T) => ReactNode;
}

/** A record's page: the record that the address's `:id` names, shown by `children` once loaded (`QueryBoundary`). */
export function RecordPage<T>({ useRecord, children }: RecordPageProps<T>) {
  const { id = "" } = useParams();
  const record = useRecord(id);
  return <QueryBoundary query={record}>{children}</QueryBoundary>;
}
