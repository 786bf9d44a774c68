import { Paper, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered panel of the catalogue's event pages (seats, sessions, allocations…) under its heading. */
export function Panel({
  title,
  testId,
  children,
}: {
  title: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
