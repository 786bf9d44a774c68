import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface CancelAndActionButtonsProps {
  /** What "Cancel" does: close the dialog, leave the page. */
  onCancel: () => void;
  /** The action button's click (the dialog or page is not a form with a submit). */
  onClick: () => void;
  loading?: boolean;
  disabled?: boolean;
  testId?: string;
  /** The action button's words. */
  children: ReactNode;
}

/** The foot of a dialog or page that acts on a click, right-aligned: "Cancel", then the action button. */
export function CancelAndActionButtons({
  onCancel,
  testId,
  children,
  ...action
}: CancelAndActionButtonsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t("actions.cancel")}
      </Button>
      <Button {...action} data-testid={testId}>
        {children}
      </Button>
    </Group>
  );
}
