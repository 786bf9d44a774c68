import { NumberInput, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { FormButtons, FormModal, RowActionButton, saveForm } from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";
import type { Nomination } from "../types";

/** The nominating coordinator changes a nomination's priority within the nation, or its note to the organiser. */
export function NominationEdit({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation("catalogue");
  const invalidate = useInvalidateCatalogue();
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  const form = useForm({
    initialValues: {
      priority: nomination.priority as number | string,
      note: nomination.note ?? "",
      reason: "",
    },
  });
  // A change of priority needs a reason (kept in the audit trail); the server refuses one without.
  const reprioritised =
    typeof form.values.priority === "number" && form.values.priority !== nomination.priority;

  const save = form.onSubmit(async (values) => {
    await saveForm(form, t, close, async () => {
      await api.patch(`/api/nominations/${nomination.id}`, {
        ...(typeof values.priority === "number" ? { priority: values.priority } : {}),
        note: values.note.trim() || null,
        ...(reprioritised ? { reason: values.reason.trim() } : {}),
      });
      await invalidate();
    });
  });

  return (
    <>
      <RowActionButton
        onClick={() => {
          form.setValues({ priority: nomination.priority, note: nomination.note ?? "", reason: "" });
          setOpened(true);
        }}
        testId={`nomination-edit-${nomination.person.familyName}`}
      >
        {t("form.edit")}
      </RowActionButton>
      <FormModal opened={opened} onClose={close} title={t("form.edit")} onSubmit={save}>
        <NumberInput
          label={t("nominate.priority")}
          min={1}
          max={10000}
          {...form.getInputProps("priority")}
          data-testid="nomination-edit-priority"
        />
        {reprioritised && (
          <TextInput
            label={t("offers.priorityReason")}
            required
            {...form.getInputProps("reason")}
            data-testid="nomination-edit-reason"
          />
        )}
        <Textarea autosize minRows={2} label={t("nominate.note")} {...form.getInputProps("note")} />
        <FormButtons submit={t("form.save")} loading={form.submitting} testId="nomination-edit-save" />
      </FormModal>
    </>
  );
}
