import { type FormValidateInput, useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { changedFields } from "../../../shared/api";
import { saveChanges, saveForm, useFormReset } from "../../../shared/ui";

/** What a record's dialog is given by the page that opens it. */
export interface RecordDialogProps {
  opened: boolean;
  onClose: () => void;
}

export interface RecordFormOptions<V> extends RecordDialogProps {
  /** The form's values: the record's when it edits one, else a new record's. */
  valuesOf: () => V;
  validate?: FormValidateInput<V>;
  /** The values as the API takes them, a field each; an edit sends only the ones the user changed. */
  body: (values: V) => Record<string, unknown>;
  /** Makes the new record and answers the address of its page, which opens. */
  create: (values: V, body: Record<string, unknown>) => Promise<string>;
  /** The write that changes the record. */
  update: (changes: Record<string, unknown>) => Promise<unknown>;
}

/**
 * The form of a dialog that makes a new record, or changes `record` when it is given: back at its values each time
 * the dialog opens; a new record's page opens once it is made, an edit sends only the fields the user changed.
 */
export function useRecordForm<V extends Record<string, unknown>>(
  record: unknown,
  { valuesOf, validate, body, create, update, opened, onClose }: RecordFormOptions<V>,
) {
  const { t } = useTranslation("operations");
  const navigate = useNavigate();
  const form = useForm<V>({ initialValues: valuesOf(), validate });
  useFormReset(form, opened, valuesOf);
  const submit = form.onSubmit(async (values) => {
    const fields = body(values);
    if (record) return saveChanges(form, t, onClose, changedFields(form, fields), update);
    await saveForm(form, t, onClose, async () => navigate(await create(values, fields)));
  });
  /** The dialog's own props: open or not, its close, and the form's submit. */
  const dialog = { opened, onClose, onSubmit: submit };
  return { form, dialog };
}
