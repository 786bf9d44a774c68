import { Button } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** A list page's "create" action: a button with a plus that opens the new record's form at `to`. */
export function NewRecordLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Button component={Link} to={to} leftSection={<IconPlus size={16} />} data-testid={testId}>
      {children}
    </Button>
  );
}
