import { Checkbox, Modal, Stack, Table, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, fetchAll } from "../../../shared/api";
import {
  FormButtons,
  notifyFormError,
  notifySuccess,
  PlainTable,
  QueryBoundary,
  RowActionButton,
} from "../../../shared/ui";
import { useInvalidateCatalogue } from "../api";
import type { Nomination } from "../types";
import { useEventAttendance } from "./attendance-records";

interface Session {
  id: string;
  title: string;
  startsAt: string;
}

interface AttendanceValues {
  entries: { nominationId: string; present: boolean; note: string }[];
}

/** The organiser records who attended one session that has begun: every accepted participant, present or not. */
export function SessionAttendanceButton({ eventId, session }: { eventId: string; session: Session }) {
  const { t } = useTranslation("catalogue");
  const [opened, setOpened] = useState(false);
  if (new Date(session.startsAt) > new Date()) return null;
  return (
    <>
      <RowActionButton
        variant="light"
        onClick={() => setOpened(true)}
        testId={`session-attendance-${session.id}`}
      >
        {t("sessionAttendance.open")}
      </RowActionButton>
      {opened && (
        <SessionAttendanceModal eventId={eventId} session={session} onClose={() => setOpened(false)} />
      )}
    </>
  );
}

function SessionAttendanceModal({
  eventId,
  session,
  onClose,
}: {
  eventId: string;
  session: Session;
  onClose: () => void;
}) {
  const { t } = useTranslation("catalogue");
  const invalidate = useInvalidateCatalogue();
  const [busy, setBusy] = useState(false);
  const accepted = useQuery({
    queryKey: ["catalogue", "accepted", eventId],
    queryFn: ({ signal }) =>
      fetchAll<Nomination>("/api/nominations", { eventId, status: "accepted" }, signal),
  });
  // What was recorded already, so that a correction starts from it (everyone present when nothing is).
  const recorded = useEventAttendance(eventId);
  const form = useForm<AttendanceValues>({ initialValues: { entries: [] } });
  // biome-ignore lint/correctness/useExhaustiveDependencies: one line per accepted participant once they are known
  useEffect(() => {
    if (!accepted.data || recorded.isPending) return;
    const lines = recorded.data?.sessions.find((s) => s.id === session.id)?.entries ?? [];
    form.setValues({
      entries: accepted.data.items.map((n) => {
        const line = lines.find((l) => l.nominationId === n.id);
        return { nominationId: n.id, present: line?.present ?? true, note: line?.note ?? "" };
      }),
    });
  }, [accepted.data, recorded.isPending]);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      await api.put(`/api/events/${eventId}/sessions/${session.id}/attendance`, {
        entries: values.entries.map((entry) => ({
          nominationId: entry.nominationId,
          present: entry.present,
          note: entry.note.trim() || null,
        })),
      });
      await invalidate();
      notifySuccess(t("common:notify.saved"));
      onClose();
    } catch (error) {
      notifyFormError(form, error, t);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Modal opened onClose={onClose} title={t("sessionAttendance.title", { title: session.title })} size="lg">
      <QueryBoundary query={accepted}>
        {(page) =>
          page.items.length === 0 ? (
            <Text c="dimmed">{t("sessionAttendance.none")}</Text>
          ) : (
            <form onSubmit={submit} noValidate data-testid="session-attendance-form">
              <Stack>
                <Text size="sm">{t("sessionAttendance.intro")}</Text>
                <PlainTable>
                  {form.values.entries.map((entry, index) => {
                    const nomination = page.items.find((n) => n.id === entry.nominationId);
                    const name = nomination
                      ? `${nomination.person.givenName} ${nomination.person.familyName}`
                      : "";
                    return (
                      <Table.Tr
                        key={entry.nominationId}
                        data-testid={`attendance-line-${nomination?.person.familyName}`}
                      >
                        <Table.Td>
                          {name} ({nomination?.nation.code})
                        </Table.Td>
                        <Table.Td>
                          <Checkbox
                            label={t("sessionAttendance.present")}
                            {...form.getInputProps(`entries.${index}.present`, { type: "checkbox" })}
                            data-testid="attendance-present"
                          />
                        </Table.Td>
                        <Table.Td>
                          <TextInput
                            aria-label={`${t("sessionAttendance.note")}: ${name}`}
                            placeholder={t("sessionAttendance.note")}
                            {...form.getInputProps(`entries.${index}.note`)}
                            data-testid="attendance-note"
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </PlainTable>
                <FormButtons
                  submit={t("sessionAttendance.save")}
                  loading={busy}
                  testId="session-attendance-save"
                />
              </Stack>
            </form>
          )
        }
      </QueryBoundary>
    </Modal>
  );
}
