import type { UseFormReturnType } from "@mantine/form";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { closeClearing, FormDialog, formSaved } from "../../../shared/ui";

/** What the page that opens an add dialog gives it. */
export interface AddDialogProps {
  opened: boolean;
  onClose: () => void;
}

export interface AddRecordDialogProps<V extends object, P> extends AddDialogProps {
  form: UseFormReturnType<V>;
  add: UseMutationResult<unknown, unknown, P>;
  /** The write's body made of the form's (validated) values. */
  payload: (values: V) => P;
  /** The dialog's title, which its submit button says as well. */
  title: string;
  /** Names the test ids: `<name>-form`, `<name>-submit`. */
  name: string;
  children: ReactNode;
}

/**
 * A dialog that adds one line to a record (a person's affiliation, a nation's membership): saving says "saved" and
 * closes it, cleared for the next line; a refusal shows beside its fields.
 */
export function AddRecordDialog<V extends object, P>({
  form,
  add,
  payload,
  opened,
  onClose,
  title,
  name,
  children,
}: AddRecordDialogProps<V, P>) {
  const { t } = useTranslation("directory");
  const close = closeClearing(form, onClose);
  const submit = form.onSubmit((values) => add.mutate(payload(values), formSaved(form, t, close)));
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={title}
      centered
      size="lg"
      onSubmit={submit}
      testId={`${name}-form`}
      submit={{ label: title, loading: add.isPending, testId: `${name}-submit` }}
    >
      {children}
    </FormDialog>
  );
}
