import { Modal, type ModalProps, Stack } from "@mantine/core";
import type { FormEventHandler, ReactNode } from "react";

export interface FormModalProps extends Omit<ModalProps, "children" | "onSubmit"> {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The form's test id. */
  testId?: string;
  children: ReactNode;
}

/**
 * A dialog that holds one form, its fields stacked. The browser's own validation is off: the form's messages and
 * the server's field errors show beside the fields. Written once for the app's dialogs.
 */
export function FormModal({ onSubmit, testId, children, ...modal }: FormModalProps) {
  return (
    <Modal {...modal}>
      <form onSubmit={onSubmit} noValidate data-testid={testId}>
        <Stack>{children}</Stack>
      </form>
    </Modal>
  );
}
