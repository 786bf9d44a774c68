import {
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api, type Page, toQueryString } from "../../../shared/api";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  ExportButtons,
  notifyError,
  notifySuccess,
  PagedQuery,
  PageHeader,
  PrintReportButton,
  QueryBoundary,
  RemoteSelect,
  SectionCard,
  TableHead,
  TextField,
} from "../../../shared/ui";
import { EventFeedback } from "../../feedback/components/event-feedback";
import { useEvent, useNominate, useNominations } from "../api";
import { ApplyButton } from "../components/apply-button";
import { AttendanceRecords } from "../components/attendance-records";
import { EventActions } from "../components/event-actions";
import { EventSessions } from "../components/event-sessions";
import { ImportLink } from "../components/import-link";
import { localTitle, useDateRange } from "../components/labels";
import { NominationsTable } from "../components/nominations-table";
import { SeatAllocations } from "../components/seat-allocations";
import { SeatOffers } from "../components/seat-offers";
import type { EventDetail, Nomination } from "../types";

function SeatGauge({ event }: { event: EventDetail }) {
  const { t } = useTranslation("catalogue");
  const { seats } = event;
  const share = seats.capacity ? Math.min(100, (seats.accepted / seats.capacity) * 100) : 0;
  return (
    <SectionCard title={t("event.seats")} testId="seat-gauge">
      <Text data-testid="seat-gauge-text">
        {seats.capacity === null
          ? `${seats.accepted} · ${t("fields.unlimited")}`
          : t("event.gauge", { accepted: seats.accepted, capacity: seats.capacity })}
      </Text>
      {seats.capacity !== null && (
        <Progress
          value={share}
          size="lg"
          my="xs"
          color={share >= 100 ? "red" : "green"}
          aria-label={t("common:list.progress")}
        />
      )}
      <Group gap="xs" mb="sm">
        <Badge color="green" variant="light">
          {t("event.accepted")}: {seats.accepted}
        </Badge>
        <Badge color="yellow" variant="light" data-testid="seat-gauge-waitlist">
          {t("event.waitlist")}: {seats.waitlisted}
        </Badge>
        <Badge color="blue" variant="light">
          {t("event.nominated")}: {seats.nominated}
        </Badge>
        {seats.offered > 0 && (
          <Badge color="cyan" variant="light" data-testid="seat-gauge-offered">
            {t("offers.title")}: {seats.offered}
          </Badge>
        )}
        {seats.nationQuota !== null && (
          <Badge variant="outline">
            {t("fields.quota")}: {seats.nationQuota}
          </Badge>
        )}
      </Group>
      {seats.byNation.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table data-testid="seats-by-nation">
            <TableHead
              columns={[
                t("event.nation"),
                t("event.accepted"),
                t("fields.quota"),
                t("event.waitlisted"),
                t("event.nominated"),
              ]}
            />
            <Table.Tbody>
              {seats.byNation.map((row) => (
                <Table.Tr key={row.nation.id}>
                  <Table.Td>{row.nation.code}</Table.Td>
                  <Table.Td>
                    {row.accepted}
                    {row.quota !== null && (
                      <Progress
                        value={(row.accepted / row.quota) * 100}
                        size="xs"
                        aria-label={row.nation.code}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>{row.quota ?? "—"}</Table.Td>
                  <Table.Td>{row.waitlisted}</Table.Td>
                  <Table.Td>{row.nominated}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

interface Candidate {
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nation: { code: string };
  nomination: { id: string; status: Nomination["status"] } | null;
  certified: boolean;
  certifiedUntil: string | null;
}

function NominateForm({ event, nominations }: { event: EventDetail; nominations: Nomination[] }) {
  const { t } = useTranslation("catalogue");
  const format = useFormat();
  const { user, isAdministrator } = usePermissions();
  const nations = (user?.grants ?? [])
    .filter((grant) => grant.role === "national_coordinator" && grant.nationId)
    .map((grant) => grant.nationId!);
  const nominate = useNominate(event.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [priority, setPriority] = useState<number | string>(1);
  const [note, setNote] = useState("");
  const [warnings, setWarnings] = useState<Nomination["warnings"]>([]);
  if (!nations.length && !isAdministrator) return null;

  const submit = async () => {
    if (!personId) return;
    try {
      const created = await nominate.mutateAsync({
        personId,
        priority: typeof priority === "number" ? priority : undefined,
        note: note || undefined,
      });
      setWarnings(created.warnings);
      setPersonId(null);
      setNote("");
      notifySuccess(t("nominate.done"));
    } catch (error) {
      notifyError(error, t);
    }
  };

  return (
    <SectionCard title={t("nominate.title")} testId="nominate-form">
      <Stack gap="xs">
        <RemoteSelect
          label={t("nominate.person")}
          placeholder={t("nominate.personPlaceholder")}
          value={personId}
          onChange={(value) => setPersonId(value)}
          queryKey={[
            "catalogue",
            "candidates",
            event.id,
            nominations.map((n) => `${n.id}:${n.status}`).join(","),
          ]}
          fetchOptions={async (search) => {
            // The server says who is nominated already (in the caller's scope) and who holds the qualification.
            const page = await api.get<Page<Candidate>>(`/api/events/${event.id}/candidates`, {
              q: search || undefined,
              limit: 20,
              ...(nations.length === 1 ? { nationId: nations[0] } : {}),
            });
            return page.items.map((p) => {
              const name = `${[p.rankTitle, p.givenName, p.familyName].filter(Boolean).join(" ")} (${p.nation.code})`;
              const notes = [
                p.nomination &&
                  t("nominate.alreadyNominated", {
                    status: t(`nominations.statuses.${p.nomination.status}`),
                  }),
                p.certified &&
                  (p.certifiedUntil
                    ? t("nominate.certifiedUntil", { date: format.date(p.certifiedUntil) })
                    : t("nominate.certified")),
              ].filter(Boolean);
              // One nomination per person and event: someone nominated already cannot be chosen again.
              return { value: p.id, label: [name, ...notes].join(" — "), disabled: !!p.nomination };
            });
          }}
          data-testid="nominate-person"
        />
        <Group grow>
          <NumberInput
            label={t("nominate.priority")}
            min={1}
            max={10000}
            value={priority}
            onChange={setPriority}
            data-testid="nominate-priority"
          />
          <TextField label={t("nominate.note")} value={note} onValue={setNote} />
        </Group>
        <Group>
          <Button
            onClick={submit}
            disabled={!personId}
            loading={nominate.isPending}
            data-testid="nominate-submit"
          >
            {t("nominate.submit")}
          </Button>
        </Group>
        {warnings.length > 0 && (
          <Alert color="orange" title={t("nominate.warnings")} data-testid="nominate-warnings">
            {warnings.map((w) => (
              <div key={w.code}>{w.message}</div>
            ))}
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}

export function EventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const dates = useDateRange();
  const { coordinatesNation, isAdministrator, signedIn } = usePermissions();
  const event = useEvent(id);
  // Nominations are for signed-in people only: an anonymous visitor is told so, not shown an error.
  const [offset, setOffset] = useState(0);
  const nominations = useNominations({ eventId: id, limit: 50, offset }, !!event.data && signedIn);

  return (
    <QueryBoundary query={event}>
      {(e) => (
        <>
          <PageHeader
            title={localTitle(e.activity, language)}
            description={`${e.activity.code} · ${dates(e.startsOn, e.endsOn)}`}
            breadcrumbs={[
              { label: t("search.title"), to: "/catalogue" },
              { label: e.activity.code, to: `/catalogue/activities/${e.activityId}` },
              { label: dates(e.startsOn, e.endsOn) },
            ]}
            badges={<Badge data-testid="event-status">{t(`statuses.${e.status}`)}</Badge>}
            actions={
              <>
                {signedIn && (
                  <PrintReportButton href={`/api/events/${e.id}/roster.pdf`} testId="event-roster-pdf" />
                )}
                {e.canManage ? <EventActions event={e} /> : <ApplyButton event={e} />}
              </>
            }
          />
          <Stack>
            {e.status === "cancelled" && e.cancelReason && (
              <Alert color="red" data-testid="event-cancel-reason-shown">
                {t("eventEdit.cancelled", { reason: e.cancelReason })}
              </Alert>
            )}
            <Grid>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Stack>
                  <DetailList
                    cols={2}
                    items={[
                      { label: t("fields.place"), value: [e.venue, e.city].filter(Boolean).join(", ") },
                      { label: t("fields.capacity"), value: e.capacity ?? t("fields.unlimited") },
                      { label: t("fields.quota"), value: e.nationQuota },
                      { label: t("fields.acceptance"), value: t(`acceptance.${e.acceptance}`) },
                      {
                        label: t("fields.closesOn"),
                        value: e.nominationsCloseOn ? dates(e.nominationsCloseOn, null) : null,
                      },
                      { label: t("fields.status"), value: t(`statuses.${e.status}`) },
                    ]}
                  />
                  <EventSessions event={e} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <SeatGauge event={e} />
              </Grid.Col>
            </Grid>
            {signedIn && e.sessions.some((session) => new Date(session.startsAt) <= new Date()) && (
              <AttendanceRecords eventId={e.id} />
            )}
            {signedIn && <SeatAllocations event={e} />}
            {e.canNominate && <NominateForm event={e} nominations={nominations.data?.items ?? []} />}
            {e.canNominate && (
              <Group>
                <ImportLink kind="nominations" testId="nominations-import">
                  {t("search.importNominations")}
                </ImportLink>
              </Group>
            )}
            {signedIn && <SeatOffers eventId={e.id} />}
            {/* The organiser's main screen: the nominations take the page's full width. */}
            <Paper withBorder p="md" data-testid="event-nominations">
              <Group justify="space-between" mb="xs">
                <Title order={2} size="h4">
                  {t("nominations.title")}
                </Title>
                {signedIn && (
                  <Group gap="xs">
                    <ExportButtons
                      size="xs"
                      href={(format) =>
                        `/api/exports/nominations${toQueryString({ eventId: id, format, lang: language })}`
                      }
                      labels={{ csv: t("search.exportCsv"), xlsx: t("search.exportXlsx") }}
                      testId="nominations-export"
                    />
                  </Group>
                )}
              </Group>
              {signedIn ? (
                <PagedQuery query={nominations} onOffsetChange={setOffset}>
                  {(items) => (
                    <NominationsTable
                      nominations={items}
                      canManage={() => e.canManage}
                      canWithdraw={(n) => isAdministrator || coordinatesNation(n.nationId)}
                    />
                  )}
                </PagedQuery>
              ) : (
                <Text c="dimmed" data-testid="nominations-sign-in">
                  {t("nominations.signInToSee")}
                </Text>
              )}
            </Paper>
            {e.canManage && <EventFeedback eventId={e.id} />}
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
