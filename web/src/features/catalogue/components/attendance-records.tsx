import { Badge, Group, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../../shared/api";
import type { ResponseOf } from "../../../shared/api/contract";
import { useFormat } from "../../../shared/i18n/format";
import { DimmedText, QueryBoundary, RowsTable, SectionCard } from "../../../shared/ui";

export type EventAttendance = ResponseOf<"getEventsByIdAttendance">;

/** The attendance recorded at each session of an event, as the server lets the caller see it. */
export const useEventAttendance = (eventId: string, enabled = true) =>
  useQuery({
    queryKey: ["catalogue", "attendance", eventId],
    queryFn: ({ signal }) => api.get<EventAttendance>(`/api/events/${eventId}/attendance`, undefined, signal),
    enabled,
  });

/**
 * Per session that has begun: who was recorded present or absent, with the organiser's note. The organiser sees
 * every accepted participant's line; a nation's coordinator their nation's; a participant their own.
 */
export function AttendanceRecords({ eventId }: { eventId: string }) {
  const { t } = useTranslation("catalogue");
  const { dateTime } = useFormat();
  const attendance = useEventAttendance(eventId);
  return (
    <SectionCard title={t("sessionAttendance.records")} testId="attendance-records">
      <QueryBoundary query={attendance}>
        {(sheet) => {
          const begun = sheet.sessions.filter((session) => new Date(session.startsAt) <= new Date());
          if (begun.length === 0) return <DimmedText>{t("sessionAttendance.noSessions")}</DimmedText>;
          return (
            <Stack gap="md">
              {begun.map((session) => (
                <div key={session.id} data-testid={`attendance-session-${session.id}`}>
                  <Group justify="space-between" mb={4}>
                    <Text fw={600} size="sm">
                      {session.title} · {dateTime(session.startsAt)}
                    </Text>
                    {session.entries.length > 0 && (
                      <Text size="sm" c="dimmed" data-testid="attendance-counts">
                        {t("sessionAttendance.counts", { present: session.present, absent: session.absent })}
                      </Text>
                    )}
                  </Group>
                  {session.entries.length === 0 ? (
                    <Text c="dimmed" size="sm" data-testid="attendance-not-recorded">
                      {t("sessionAttendance.notRecorded")}
                    </Text>
                  ) : (
                    <RowsTable
                      rows={session.entries}
                      minWidth={480}
                      columns={[
                        t("sessionAttendance.participant"),
                        t("sessionAttendance.nation"),
                        null,
                        t("sessionAttendance.note"),
                        t("sessionAttendance.recordedAt"),
                      ]}
                    >
                      {(entry) => (
                        <Table.Tr
                          key={entry.nominationId}
                          data-testid={`attendance-record-${entry.person.familyName}`}
                        >
                          <Table.Td>
                            {[entry.person.rankTitle, entry.person.givenName, entry.person.familyName]
                              .filter(Boolean)
                              .join(" ")}
                          </Table.Td>
                          <Table.Td>{entry.nation.code}</Table.Td>
                          <Table.Td>
                            <Badge color={entry.present ? "green" : "red"} variant="light">
                              {entry.present ? t("sessionAttendance.present") : t("sessionAttendance.absent")}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{entry.note}</Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{dateTime(entry.recordedAt)}</Table.Td>
                        </Table.Tr>
                      )}
                    </RowsTable>
                  )}
                </div>
              ))}
            </Stack>
          );
        }}
      </QueryBoundary>
    </SectionCard>
  );
}
