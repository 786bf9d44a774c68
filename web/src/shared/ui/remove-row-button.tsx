import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmButton } from "./confirm-button";
import { confirmOutcome } from "./notify";

export interface RemoveRowButtonProps {
  /** The button's words. */
  children: ReactNode;
  /** The question in the confirmation. */
  message: ReactNode;
  /** The removal; a failure is notified and keeps the confirmation open. */
  remove: () => Promise<unknown>;
  /** Notified after the removal, when given. */
  success?: string;
  testId?: string;
  /** `compact-xs` in dense tables. */
  size?: "xs" | "compact-xs";
}

/** The small "remove" button of a table row, asking first (a ConfirmButton running `confirmOutcome`). */
export function RemoveRowButton({
  children,
  message,
  remove,
  success,
  testId,
  size = "xs",
}: RemoveRowButtonProps) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      size={size}
      variant="subtle"
      message={message}
      onConfirm={() => confirmOutcome(remove(), t, success)}
      data-testid={testId}
    >
      {children}
    </ConfirmButton>
  );
}
