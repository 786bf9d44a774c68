import { Button, Group, Stack, Table } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import { localDay, useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  FormPeriodInputs,
  FormTextInput,
  PlainTable,
  RemoveRowButton,
  SectionCard,
  saveForm,
} from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";
import type { EventDetail } from "../types";
import { SessionAttendanceButton } from "./session-attendance";

/** `datetime-local` values are the browser's local time; the server takes an instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : "");

/** An event's timetable: everyone reads it; its organiser adds and removes sessions. */
export function EventSessions({ event }: { event: EventDetail }) {
  const { t } = useTranslation("catalogue");
  const { date, dateTime, time } = useFormat();
  const invalidate = useInvalidateCatalogue();
  const manage = event.canManage && event.status !== "cancelled";
  const form = useForm({
    initialValues: { title: "", startsAt: "", endsAt: "" },
    validate: {
      title: (value) => (value.trim() ? null : t("eventEdit.required")),
      startsAt: (value) => (value ? null : t("eventEdit.required")),
      endsAt: (value) => (value ? null : t("eventEdit.required")),
    },
  });
  if (!manage && event.sessions.length === 0) return null;
  // The timetable by day: each date once, then that day's sessions by their times.
  const days = new Map<string, EventDetail["sessions"]>();
  for (const session of [...event.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = localDay(session.startsAt);
    days.set(day, [...(days.get(day) ?? []), session]);
  }

  const add = form.onSubmit(async (values) => {
    await saveForm(form, t, form.reset, async () => {
      await api.post(`/api/events/${event.id}/sessions`, {
        title: values.title.trim(),
        startsAt: instant(values.startsAt),
        endsAt: instant(values.endsAt),
      });
      await invalidate();
    });
  });

  const remove = (sessionId: string) =>
    api.delete(`/api/events/${event.id}/sessions/${sessionId}`).then(() => invalidate());

  return (
    <SectionCard title={t("eventEdit.sessions")} testId="event-sessions">
      {event.sessions.length === 0 ? (
        <DimmedText>{t("eventEdit.noSessions")}</DimmedText>
      ) : (
        <PlainTable minWidth={320}>
          {[...days].map(([day, sessions]) => [
            <Table.Tr key={day} data-testid={`session-day-${day}`}>
              <Table.Th colSpan={manage ? 3 : 2} bg="var(--mantine-color-default-hover)">
                {date(day)}
              </Table.Th>
            </Table.Tr>,
            ...sessions.map((session) => (
              <Table.Tr key={session.id} data-testid={`session-${session.id}`}>
                <Table.Td w={130} style={{ whiteSpace: "nowrap" }}>
                  {time(session.startsAt)} –{" "}
                  {localDay(session.endsAt) === day ? time(session.endsAt) : dateTime(session.endsAt)}
                </Table.Td>
                <Table.Td>{session.title}</Table.Td>
                {manage && (
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <SessionAttendanceButton eventId={event.id} session={session} />
                    <RemoveRowButton
                      size="compact-xs"
                      message={t("eventEdit.removeSessionConfirm", { title: session.title })}
                      remove={() => remove(session.id)}
                      testId={`session-remove-${session.id}`}
                    >
                      {t("eventEdit.removeSession")}
                    </RemoveRowButton>
                  </Table.Td>
                )}
              </Table.Tr>
            )),
          ])}
        </PlainTable>
      )}
      {manage && (
        <form onSubmit={add} noValidate data-testid="session-form">
          <Stack gap="xs" mt="sm">
            <FormTextInput
              form={form}
              name="title"
              label={t("eventEdit.sessionTitle")}
              testId="session-title"
            />
            <Group grow>
              <FormPeriodInputs
                form={form}
                type="datetime-local"
                names={["startsAt", "endsAt"]}
                labels={[t("eventEdit.sessionStarts"), t("eventEdit.sessionEnds")]}
                testIds={["session-starts", "session-ends"]}
              />
            </Group>
            <Group>
              <Button type="submit" size="xs" data-testid="session-add">
                {t("eventEdit.addSession")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
