import { Button } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** The last cell's button of a catalogue list (an activity's events, the proposals) that opens the row's page. */
export function OpenRecordButton({
  to,
  testId,
  children,
}: {
  to: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Button component={Link} to={to} size="xs" variant="light" data-testid={testId}>
      {children}
    </Button>
  );
}
