import { Card, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A card of the message's page under its small heading. */
export function MessageCard({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}
