import { Button, type ButtonProps } from "@mantine/core";
import type { ReactNode } from "react";

export interface SubmitButtonProps extends Pick<ButtonProps, "variant" | "disabled"> {
  children: ReactNode;
  /** The form's write (a mutation): the button shows it running and cannot be pressed twice meanwhile. */
  write: { isPending: boolean };
  testId?: string;
}

/** The submit button of a form that is not a dialog (a section's inline form), standing after its fields. */
export function SubmitButton({ children, write, testId, ...button }: SubmitButtonProps) {
  return (
    <Button type="submit" {...button} loading={write.isPending} data-testid={testId}>
      {children}
    </Button>
  );
}
