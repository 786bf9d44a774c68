import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  Tabs,
  Text,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  DimmedText,
  labelsUnder,
  notifyError,
  notifySuccess,
  PageHeader,
  QueryBoundary,
  StatusBadge,
  TableHead,
} from "../../../shared/ui";
import { useIssueCertificates, useRun, useRunAction } from "../api";
import { CertificateActions } from "../certificate-actions";
import {
  ParticipantSheet,
  participantLabel,
  type SheetValues,
  withSheetValue,
} from "../components/participant-sheet";
import { localTitle, OUTCOME_COLOURS, personName, STATUS_COLOURS } from "../local";
import type { RunDetail } from "../types";

type Attendance = SheetValues<boolean>;
type Scores = SheetValues<number | "">;

function RunWorkspace({ run }: { run: RunDetail }) {
  const { t } = useTranslation("training");
  const format = useFormat();
  const locked = !!run.signedOffAt;
  const [attendance, setAttendance] = useState<Attendance>({});
  const [scores, setScores] = useState<Scores>({});
  useEffect(() => {
    setAttendance(Object.fromEntries(run.participants.map((p) => [p.nominationId, { ...p.attendance }])));
    setScores(Object.fromEntries(run.participants.map((p) => [p.nominationId, { ...p.scores }])));
  }, [run]);
  const saveAttendance = useRunAction<{
    entries: { sessionId: string; nominationId: string; present: boolean }[];
  }>(run.eventId, "attendance");
  const saveResults = useRunAction<{
    entries: { nominationId: string; componentCode: string; score: number | null }[];
  }>(run.eventId, "results");
  const signOff = useRunAction<{ note?: string }>(run.eventId, "sign-off", "post");
  const issue = useIssueCertificates(run.eventId);
  const components = run.course.assessment.components;

  if (run.participants.length === 0) return <Alert color="blue">{t("run.noParticipants")}</Alert>;

  return (
    <Tabs defaultValue={locked ? "certificates" : "attendance"} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="attendance" data-testid="tab-attendance">
          {t("run.attendance")}
        </Tabs.Tab>
        <Tabs.Tab value="results" data-testid="tab-results">
          {t("run.results")}
        </Tabs.Tab>
        <Tabs.Tab value="certificates" data-testid="tab-certificates">
          {t("run.certificates")}
        </Tabs.Tab>
      </Tabs.List>

      <Tabs.Panel value="attendance" pt="md">
        {run.sessions.length === 0 ? (
          <Text c="dimmed">{t("run.noSessions")}</Text>
        ) : (
          <Stack>
            <ParticipantSheet
              testId="attendance-sheet"
              participants={run.participants}
              columns={run.sessions}
              columnKey={(session) => session.id}
              columnHead={(session) => (
                <>
                  {session.title}
                  <DimmedText size="xs">{format.date(session.startsAt.slice(0, 10))}</DimmedText>
                </>
              )}
              centred
              cell={(p, session, row, column) => (
                <Checkbox
                  aria-label={`${personName(p.person)} — ${session.title}`}
                  data-testid={`present-${row}-${column}`}
                  disabled={locked}
                  checked={attendance[p.nominationId]?.[session.id] ?? false}
                  onChange={(event) => {
                    const present = event.currentTarget.checked;
                    setAttendance((current) => withSheetValue(current, p.nominationId, session.id, present));
                  }}
                />
              )}
              save={
                !locked &&
                run.canManage && {
                  testId: "save-attendance",
                  label: t("run.saveAttendance"),
                  action: saveAttendance,
                  entry: (p, session) => ({
                    sessionId: session.id,
                    nominationId: p.nominationId,
                    present: attendance[p.nominationId]?.[session.id] ?? false,
                  }),
                }
              }
            />
          </Stack>
        )}
      </Tabs.Panel>

      <Tabs.Panel value="results" pt="md">
        <Stack>
          {locked && <Alert color="green">{t("run.locked")}</Alert>}
          <ParticipantSheet
            testId="results-table"
            participants={run.participants}
            columns={components}
            columnKey={(component) => component.code}
            columnHead={(component) => (
              <>
                {component.title}
                <DimmedText size="xs">
                  {t(`kinds.${component.kind}`)} · /{component.maxScore}
                </DimmedText>
              </>
            )}
            rowTestId={(row) => `result-row-${row}`}
            cell={(p, component, row) => (
              <NumberInput
                w={90}
                size="xs"
                min={0}
                max={component.maxScore}
                disabled={locked || !run.canManage}
                aria-label={`${personName(p.person)} — ${component.title}`}
                data-testid={`score-${row}-${component.code}`}
                value={scores[p.nominationId]?.[component.code] ?? ""}
                onChange={(value) =>
                  setScores((current) =>
                    withSheetValue(
                      current,
                      p.nominationId,
                      component.code,
                      typeof value === "number" ? value : "",
                    ),
                  )
                }
              />
            )}
            trailingHeads={
              <>
                <Table.Th ta="right">{t("run.total")}</Table.Th>
                <Table.Th ta="right">{t("run.attendancePercent")}</Table.Th>
                <Table.Th>{t("run.outcome")}</Table.Th>
              </>
            }
            trailingCells={(p) => (
              <>
                <Table.Td ta="right">{p.computed.totalPercent ?? "—"}</Table.Td>
                <Table.Td ta="right">{p.computed.attendancePercent ?? "—"}</Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[p.computed.outcome]} title={p.computed.reasons.join("; ")}>
                    {t(`outcomes.${p.computed.outcome}`)}
                  </Badge>
                </Table.Td>
              </>
            )}
            save={
              !locked &&
              run.canManage && {
                testId: "save-results",
                label: t("run.saveResults"),
                action: saveResults,
                entry: (p, component) => {
                  const value = scores[p.nominationId]?.[component.code];
                  return {
                    nominationId: p.nominationId,
                    componentCode: component.code,
                    score: value === "" || value === undefined ? null : value,
                  };
                },
                beside: (
                  <ConfirmButton
                    color="green"
                    variant="light"
                    data-testid="sign-off"
                    message={t("run.signOffConfirm")}
                    onConfirm={() =>
                      signOff.mutateAsync({}).then(
                        () => notifySuccess(t("courses.signedOff")),
                        (e) => notifyError(e, t),
                      )
                    }
                  >
                    {t("run.signOff")}
                  </ConfirmButton>
                ),
              }
            }
          />
        </Stack>
      </Tabs.Panel>

      <Tabs.Panel value="certificates" pt="md">
        <Stack>
          {locked && run.canManage && (
            <Group>
              <Button
                data-testid="issue-certificates"
                loading={issue.isPending}
                onClick={() =>
                  issue.mutate(undefined, {
                    onSuccess: (result) => notifySuccess(t("run.issued", { count: result.issued })),
                    onError: (e) => notifyError(e, t),
                  })
                }
              >
                {t("run.issue")}
              </Button>
            </Group>
          )}
          <Table striped data-testid="run-certificates">
            <TableHead
              columns={[
                ...labelsUnder(t, "run", ["participant", "outcome"]),
                ...labelsUnder(t, "certificates", ["number", "status"]),
              ]}
            />
            <Table.Tbody>
              {run.participants.map((p) => (
                <Table.Tr key={p.nominationId}>
                  <Table.Td>{participantLabel(p)}</Table.Td>
                  <Table.Td>
                    <StatusBadge
                      status={p.computed.outcome}
                      words="training:outcomes"
                      colours={OUTCOME_COLOURS}
                    />
                  </Table.Td>
                  <Table.Td>
                    {p.certificate ? (
                      <Anchor href={`/api/training/certificates/${p.certificate.id}/pdf`} target="_blank">
                        {p.certificate.number}
                      </Anchor>
                    ) : (
                      "—"
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.certificate && (
                      <Group gap="xs" wrap="nowrap">
                        <Badge color={STATUS_COLOURS[p.certificate.status]}>
                          {t(`statuses.${p.certificate.status}`)}
                        </Badge>
                        {run.canManage && p.certificate.status !== "revoked" && (
                          <CertificateActions id={p.certificate.id} number={p.certificate.number} />
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Tabs.Panel>
    </Tabs>
  );
}

export function RunPage() {
  const { eventId = "" } = useParams();
  const { t } = useTranslation("training");
  const format = useFormat();
  const run = useRun(eventId);
  return (
    <QueryBoundary query={run}>
      {(r) => (
        <>
          <PageHeader
            title={`${localTitle(r.course.title, format.language)} — ${format.date(r.startsOn)}`}
            description={`${format.date(r.startsOn)} – ${format.date(r.endsOn)}${r.city ? `, ${r.city}` : ""}`}
            breadcrumbs={[
              { label: t("courses.title"), to: "/training" },
              { label: r.course.activityCode, to: `/training/courses/${r.course.id}` },
              { label: format.date(r.startsOn) },
            ]}
          />
          <Stack>
            <Text data-testid="run-summary">{t("run.summary", r.summary)}</Text>
            {r.signedOffAt && (
              <Text size="sm" c="dimmed" data-testid="signed-off">
                {t("run.signedOffBy", { date: format.dateTime(r.signedOffAt), name: r.signedOffBy ?? "—" })}
              </Text>
            )}
            {r.canManage ? (
              <RunWorkspace run={r} />
            ) : (
              <Anchor component={Link} to="/training/certificates">
                {t("nav.certificates")}
              </Anchor>
            )}
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
