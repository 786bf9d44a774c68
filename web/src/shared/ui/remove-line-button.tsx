import { ActionIcon, type ActionIconProps } from "@mantine/core";
import { IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

export interface RemoveLineButtonProps extends Omit<ActionIconProps, "children" | "variant" | "color"> {
  onClick: () => void;
  /** The button's name for screen readers (and its tooltip); "Remove" when not given. */
  label?: string;
  testId?: string;
}

/** The red "×" at the end of one line of a form's list of lines (a strength category, a stage, an attendee). */
export function RemoveLineButton({ onClick, label, testId, ...props }: RemoveLineButtonProps) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="red"
      aria-label={label ?? t("actions.remove")}
      title={label}
      onClick={onClick}
      data-testid={testId}
      {...props}
    >
      <IconX size={16} />
    </ActionIcon>
  );
}
