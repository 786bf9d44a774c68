import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** The way to the import page for one kind of record, from the page that lists those records. */
export function ImportLink({
  kind,
  testId,
  children,
}: {
  kind: "activities" | "nominations";
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button component={Link} to={`/imports?kind=${kind}`} variant="light" data-testid={testId}>
      {children}
    </Button>
  );
}
