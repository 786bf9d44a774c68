import { Center, Loader } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
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
