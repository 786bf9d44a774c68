import { Button, Modal, NumberInput, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, applyServerErrors } from "../../../shared/api";
import { FormButtons, notifyError, notifySuccess } from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";
import type { Nomination } from "../types";

/** The nominating coordinator changes a nomination's priority within the nation, or its note to the organiser. */
export function NominationEdit({ nomination }: { nomination: Nomination }) {
  const { t } = useTranslation("catalogue");
  const invalidate = useInvalidateCatalogue();
  const [opened, setOpened] = useState(false);
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
    try {
      await api.patch(`/api/nominations/${nomination.id}`, {
        ...(typeof values.priority === "number" ? { priority: values.priority } : {}),
        note: values.note.trim() || null,
        ...(reprioritised ? { reason: values.reason.trim() } : {}),
      });
      await invalidate();
      notifySuccess(t("common:notify.saved"));
      setOpened(false);
    } catch (error) {
      if (!(error instanceof ApiError && applyServerErrors(form, error))) notifyError(error, t);
    }
  });

  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        onClick={() => {
          form.setValues({ priority: nomination.priority, note: nomination.note ?? "", reason: "" });
          setOpened(true);
        }}
        data-testid={`nomination-edit-${nomination.person.familyName}`}
      >
        {t("form.edit")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("form.edit")}>
        <form onSubmit={save} noValidate>
          <Stack>
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
          </Stack>
        </form>
      </Modal>
    </>
  );
}
