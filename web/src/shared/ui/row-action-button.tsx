import { Button, type ButtonProps } from "@mantine/core";
import type { MouseEventHandler, ReactNode } from "react";

export interface RowActionButtonProps extends Omit<ButtonProps, "size" | "children"> {
  onClick: MouseEventHandler<HTMLButtonElement>;
  testId?: string;
  children: ReactNode;
}

/**
 * The small text button of a table row, a card's heading or a list line (edit, review, evidence…): compact and,
 * unless told otherwise, subtle.
 */
export function RowActionButton({ variant = "subtle", testId, children, ...button }: RowActionButtonProps) {
  return (
    <Button size="compact-xs" variant={variant} data-testid={testId} {...button}>
      {children}
    </Button>
  );
}
