import { type FormValidateInput, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { changedFields } from "../../../shared/api";
import { saveChanges, useFormReset } from "../../../shared/ui";

export interface RowEditFormOptions<R, V> {
  /** The form's values for the row (called with null while no row is open). */
  valuesOf: (row: R | null) => V;
  validate?: FormValidateInput<V>;
  /** The values as the API takes them, a field each; only the changed ones are sent. */
  body: (values: V) => Record<string, unknown>;
  /** The write that changes a row, known by its id. */
  update: { mutateAsync: (patch: { id: string } & Record<string, unknown>) => Promise<unknown> };
  onClose: () => void;
}

/**
 * The form of a dialog that corrects one row of a table (open while `row` is set): back at the row's values each
 * time it opens; its submit sends the fields the user changed, with the row's id, then closes the dialog.
 */
export function useRowEditForm<R extends { id: string }, V extends Record<string, unknown>>(
  row: R | null,
  { valuesOf, validate, body, update, onClose }: RowEditFormOptions<R, V>,
) {
  const { t } = useTranslation("operations");
  const form = useForm<V>({ initialValues: valuesOf(row), validate });
  useFormReset(form, row?.id, () => valuesOf(row));
  const submit = form.onSubmit(async (values) => {
    if (!row) return;
    await saveChanges(form, t, onClose, changedFields(form, body(values)), (changes) =>
      update.mutateAsync({ id: row.id, ...changes }),
    );
  });
  return { form, submit };
}
