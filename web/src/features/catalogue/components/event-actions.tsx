import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api, changedFields } from "../../../shared/api";
import { numberOrNull } from "../../../shared/form-values";
import {
  FormButtons,
  FormModal,
  FormPeriodInputs,
  FormTextInput,
  formValuesOf,
  notifyError,
  notifySuccess,
  optionsUnder,
  ReasonTextarea,
  saveChanges,
  useFormReset,
  useRequiredReason,
} from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";
import type { EventDetail } from "../types";

// The statuses the form offers: where the event is and where the server's table lets it go (cancel has its button).
const statusesOf = (event: EventDetail) =>
  [event.status, ...event.allowedTransitions].filter((status) => status !== "cancelled");

interface EventValues {
  title: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue: string;
  capacity: number | string;
  nationQuota: number | string;
  nominationsCloseOn: string;
  reallocationDate: string;
  acceptance: string;
  status: string;
}

const valuesOf = (event: EventDetail): EventValues =>
  formValuesOf(event, [
    "title",
    "startsOn",
    "endsOn",
    "city",
    "venue",
    "capacity",
    "nationQuota",
    "nominationsCloseOn",
    "reallocationDate",
    "acceptance",
    "status",
  ]);

const orNull = (text: string) => text.trim() || null;

/** The organiser's controls on an event: edit its facts, cancel it with a reason that reaches every nominee. */
export function EventActions({ event }: { event: EventDetail }) {
  const { t } = useTranslation("catalogue");
  const invalidate = useInvalidateCatalogue();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const reason = useRequiredReason();
  const [busy, setBusy] = useState(false);
  const form = useForm<EventValues>({
    initialValues: valuesOf(event),
    validate: {
      startsOn: (value) => (value ? null : t("eventEdit.required")),
      endsOn: (value) => (value ? null : t("eventEdit.required")),
    },
  });

  useFormReset(form, editing, () => valuesOf(event));

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    const all = {
      title: orNull(values.title),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      city: orNull(values.city),
      venue: orNull(values.venue),
      capacity: numberOrNull(values.capacity),
      nationQuota: numberOrNull(values.nationQuota),
      nominationsCloseOn: values.nominationsCloseOn || null,
      reallocationDate: values.reallocationDate || null,
      acceptance: values.acceptance,
      status: values.status,
    };
    await saveChanges(
      form,
      t,
      () => setEditing(false),
      changedFields(form, all),
      async (patch) => {
        await api.patch(`/api/events/${event.id}`, patch);
        await invalidate();
      },
    );
    setBusy(false);
  });

  const cancel = async () => {
    const given = reason.given(t("eventEdit.required"));
    if (!given) return;
    setBusy(true);
    try {
      await api.post(`/api/events/${event.id}/cancel`, { reason: given });
      await invalidate();
      notifySuccess(t("common:notify.saved"));
      setCancelling(false);
    } catch (error) {
      const field =
        error instanceof ApiError ? error.fields.find((f) => f.field === "body.reason") : undefined;
      if (field) reason.setError(field.message);
      else notifyError(error, t);
    } finally {
      setBusy(false);
    }
  };

  if (event.status === "cancelled") return null;
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="event-edit">
        {t("eventEdit.edit")}
      </Button>
      {event.allowedTransitions.includes("cancelled") && (
        <Button
          size="xs"
          color="red"
          variant="subtle"
          onClick={() => setCancelling(true)}
          data-testid="event-cancel"
        >
          {t("eventEdit.cancel")}
        </Button>
      )}
      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t("eventEdit.edit")}
        size="lg"
        onSubmit={save}
        testId="event-form"
      >
        <FormTextInput form={form} name="title" label={t("eventEdit.title")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormPeriodInputs
            form={form}
            type="date"
            required
            names={["startsOn", "endsOn"]}
            labels={[t("eventEdit.startsOn"), t("eventEdit.endsOn")]}
            testIds={["event-starts", "event-ends"]}
          />
          <FormTextInput form={form} name="city" label={t("form.city")} testId="event-city" />
          <FormTextInput form={form} name="venue" label={t("form.venue")} />
          <NumberInput
            label={t("fields.capacity")}
            min={1}
            {...form.getInputProps("capacity")}
            data-testid="event-capacity"
          />
          <NumberInput label={t("fields.quota")} min={1} {...form.getInputProps("nationQuota")} />
          <FormTextInput form={form} name="nominationsCloseOn" type="date" label={t("eventEdit.closesOn")} />
          <FormTextInput
            form={form}
            name="reallocationDate"
            type="date"
            label={t("allocations.reallocationDate")}
            testId="event-reallocation-date"
          />
          <Select
            label={t("fields.acceptance")}
            data={optionsUnder(t, "acceptance", ["manual", "first_come"])}
            allowDeselect={false}
            {...form.getInputProps("acceptance")}
          />
          <Select
            label={t("fields.status")}
            data={optionsUnder(t, "statuses", statusesOf(event))}
            allowDeselect={false}
            {...form.getInputProps("status")}
          />
        </SimpleGrid>
        <FormButtons submit={t("form.save")} loading={busy} testId="event-save" />
      </FormModal>
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t("eventEdit.cancelTitle")}>
        <Stack>
          <Text size="sm">{t("eventEdit.cancelIntro")}</Text>
          <ReasonTextarea label={t("eventEdit.reason")} {...reason.field} testId="event-cancel-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t("eventEdit.keep")}
            </Button>
            <Button color="red" loading={busy} onClick={cancel} data-testid="event-cancel-confirm">
              {t("eventEdit.confirmCancel")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
