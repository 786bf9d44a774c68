import { Paper, Stack } from "@mantine/core";
import type { FormEventHandler, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { changedFields, type FormWithDirty } from "../../../shared/api";
import { formOutcome, notifySuccess } from "../../../shared/ui";
import type { RecordSection } from "../types";
import { FormActions } from "./form-actions";
import { RECORD_TEST_NAME } from "./record-form-page";

export interface RecordFormProps {
  section: RecordSection;
  /** The record edited; none on create. */
  recordId?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  saving: boolean;
  maw?: number;
  children: ReactNode;
}

/**
 * The card of a directory record's form: its fields stacked, then save and cancel (back to the record's page, or
 * to the list on create).
 */
export function RecordForm({ section, recordId, onSubmit, saving, maw = 960, children }: RecordFormProps) {
  // The form's test id is `<record>-form`, its buttons' `<record>-submit` and `<record>-cancel`.
  const testIdPrefix = RECORD_TEST_NAME[section];
  return (
    <Paper withBorder p="lg" radius="md" maw={maw}>
      <form onSubmit={onSubmit} noValidate data-testid={`${testIdPrefix}-form`}>
        <Stack>
          {children}
          <FormActions
            testIdPrefix={testIdPrefix}
            saving={saving}
            cancelTo={recordId ? `/${section}/${recordId}` : `/${section}`}
          />
        </Stack>
      </form>
    </Paper>
  );
}

interface RecordWrite<I> {
  mutate: (
    input: I,
    outcome: { onSuccess: (saved: { id: string }) => void; onError: (error: unknown) => void },
  ) => void;
  isPending: boolean;
}

interface RecordFormState<I> extends FormWithDirty {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
  onSubmit: (save: (values: I) => void) => FormEventHandler<HTMLFormElement>;
}

/**
 * What RecordForm needs to save a directory record (the form's values as the API takes them), then to open the
 * record's page, "created" or "saved" said first; the server's field errors show beside their fields. A create
 * leaves out what was not given rather than send nulls; an edit sends only the fields the user changed (all of
 * them with `editSendsAll`), and one that changed nothing goes back to the page without a write.
 */
export function useRecordForm<I extends object>({
  section,
  recordId,
  form,
  save,
  editSendsAll = false,
}: {
  section: RecordSection;
  recordId: string | undefined;
  form: RecordFormState<I>;
  save: RecordWrite<I>;
  editSendsAll?: boolean;
}): Omit<RecordFormProps, "children"> {
  const { t } = useTranslation("directory");
  const navigate = useNavigate();
  const onSubmit = form.onSubmit((values) => {
    const entries = Object.entries(values);
    const input = (
      !recordId
        ? Object.fromEntries(entries.filter(([, value]) => value !== null))
        : editSendsAll
          ? values
          : changedFields(form, Object.fromEntries(entries))
    ) as I;
    if (recordId && Object.keys(input).length === 0) {
      navigate(`/${section}/${recordId}`);
      return;
    }
    save.mutate(
      input,
      formOutcome(form, t, (saved) => {
        notifySuccess(t(recordId ? "common:notify.saved" : "common:notify.created"));
        navigate(`/${section}/${saved.id}`);
      }),
    );
  });
  return { section, recordId, onSubmit, saving: save.isPending };
}
