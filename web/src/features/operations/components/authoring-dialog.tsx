import { SimpleGrid, Textarea } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormButtons, FormModal, type FormModalProps } from "../../../shared/ui";

export interface AuthoringDialogProps extends Omit<FormModalProps, "children"> {
  /** The record's fields, two abreast from a small screen up. */
  grid?: ReactNode;
  /** What follows them (a list of lines). */
  children?: ReactNode;
  /** The free text at the foot of the form (its note, a description): its words, its binding, its test id. */
  note: { label: string; input: GetInputPropsReturnType; testId?: string };
  /** The save button: whether the write runs, its test id. */
  save: { loading: boolean; testId: string };
}

/**
 * The dialog in which an operation's records are written (an operation, a contingent, a rotation, a nation's part
 * in an exercise, a contribution): their fields, then a note and "Save".
 */
export function AuthoringDialog({ grid, children, note, save, size = "lg", ...modal }: AuthoringDialogProps) {
  const { t } = useTranslation("operations");
  return (
    <FormModal size={size} {...modal}>
      {grid && <SimpleGrid cols={{ base: 1, sm: 2 }}>{grid}</SimpleGrid>}
      {children}
      <Textarea label={note.label} autosize minRows={2} {...note.input} data-testid={note.testId} />
      <FormButtons submit={t("authoring.save")} loading={save.loading} testId={save.testId} />
    </FormModal>
  );
}
