import { EmptyState as MantineEmptyState } from "@mantine/core";
import { IconInbox } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface EmptyStateProps {
  title?: ReactNode;
  description?: ReactNode;
  /** A button or link, e.g. "Create the first one". */
  action?: ReactNode;
  icon?: ReactNode;
}

/** What a list shows when it has no rows; the title defaults to the translated "Nothing here yet". */
export function EmptyState({ title, description, action, icon }: EmptyStateProps) {
  const { t } = useTranslation();
  return (
    <MantineEmptyState
      py="xl"
      data-testid="empty-state"
      icon={icon ?? <IconInbox size={32} aria-hidden />}
      withIndicatorBackground
      title={title ?? t("empty.title")}
      description={description}
    >
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
