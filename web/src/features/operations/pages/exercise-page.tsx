import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  DimmedText,
  notifyError,
  PageHeader,
  PrintReportButton,
  RecordPage,
  ReleasabilityBadge,
  RemoveRowButton,
  RowsTable,
  SectionCard,
  savedOrFailed,
  TextField,
} from "../../../shared/ui";
import {
  useAddLesson,
  useAddObjective,
  useExercise,
  useRemoveParticipant,
  useUpdateExercise,
  useUpdateMilestone,
} from "../api";
import { AttendanceModal } from "../components/attendance-modal";
import { ConferenceAddForm, MilestoneAddForm, ParticipantAddForm } from "../components/exercise-add-forms";
import { ExerciseStages } from "../components/exercise-stages";
import { LessonStatusBadge } from "../components/lesson-status-badge";
import { ParticipantEditModal } from "../components/participant-edit-modal";
import { RowEditCell } from "../components/row-edit-cell";
import { SampleBadge } from "../components/sample-badge";
import {
  type Conference,
  type ExerciseDetail,
  type ExerciseStatus,
  PARTICIPANT_ROLES,
  type Participant,
} from "../types";

const ownerCode = (owner: {
  ownerNation: { code: string } | null;
  ownerOrganisation: { code: string } | null;
}) => owner.ownerNation?.code ?? owner.ownerOrganisation?.code ?? "";

function NationMatrix({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const remove = useRemoveParticipant(exercise.id);
  const [edited, setEdited] = useState<Participant | null>(null);
  const counts = exercise.participation;
  return (
    <SectionCard title={t("matrix.title")} testId="nation-matrix">
      <ParticipantEditModal exerciseId={exercise.id} participant={edited} onClose={() => setEdited(null)} />
      <Group gap="xs" mb="sm">
        {PARTICIPANT_ROLES.map((r) => (
          <Badge key={r} variant="light" size="lg" data-testid={`count-${r}`}>
            {t(`roles.${r}`)}: {counts[r]}
          </Badge>
        ))}
        <Badge variant="outline" size="lg" data-testid="count-total">
          {t("total")}: {counts.total}
        </Badge>
      </Group>
      <RowsTable
        rows={exercise.participants}
        minWidth={600}
        columns={[t("matrix.nation"), t("matrix.role"), t("matrix.personnel"), t("matrix.units")]}
        actions={exercise.canEdit}
        alignRight={[2]}
      >
        {(participant) => (
          <Table.Tr key={participant.id} data-testid={`participant-${participant.nation.code}`}>
            <Table.Td>
              <Group gap={6}>
                <Text size="sm">
                  {participant.nation.code} — {participant.nation.nameEn}
                </Text>
                <SampleBadge show={participant.sample} />
              </Group>
            </Table.Td>
            <Table.Td>{t(`roles.${participant.role}`)}</Table.Td>
            <Table.Td ta="right">
              {participant.personnel > 0 ? (
                <Text
                  size="sm"
                  title={participant.contributions
                    .filter((c) => c.kind === "personnel")
                    .map((c) => `${c.category}: ${c.quantity}`)
                    .join(", ")}
                >
                  {participant.personnel}
                </Text>
              ) : (
                ""
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">
                {participant.contributions
                  .filter((c) => c.kind !== "personnel")
                  .map((c) => (c.quantity > 1 ? `${c.category} × ${c.quantity}` : c.category))
                  .join("; ")}
              </Text>
            </Table.Td>
            <RowEditCell
              show={exercise.canEdit}
              onEdit={() => setEdited(participant)}
              label={t("authoring.edit")}
              testId={`participant-edit-${participant.nation.code}`}
            >
              <RemoveRowButton
                message={t("matrix.removeConfirm")}
                remove={() => remove.mutateAsync(participant.id)}
                testId={`participant-remove-${participant.nation.code}`}
              >
                {t("matrix.remove")}
              </RemoveRowButton>
            </RowEditCell>
          </Table.Tr>
        )}
      </RowsTable>
      {exercise.canEdit && <ParticipantAddForm exerciseId={exercise.id} />}
    </SectionCard>
  );
}

function Conferences({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const [recording, setRecording] = useState<Conference | null>(null);
  return (
    <SectionCard title={t("conferences.title")} testId="conferences">
      <AttendanceModal exerciseId={exercise.id} conference={recording} onClose={() => setRecording(null)} />
      <RowsTable
        rows={exercise.conferences}
        minWidth={600}
        empty={t("conferences.none")}
        columns={[
          t("conferences.kind"),
          t("exercises.dates"),
          t("stages.place"),
          t("conferences.attendance"),
        ]}
        actions={exercise.canEdit}
      >
        {(conference) => (
          <Table.Tr key={conference.id} data-testid={`conference-${conference.kind}`}>
            <Table.Td>{t(`conferences.kinds.${conference.kind}`)}</Table.Td>
            <Table.Td>
              {format.date(conference.startsOn)} – {format.date(conference.endsOn)}
            </Table.Td>
            <Table.Td>{conference.place}</Table.Td>
            <Table.Td>
              <Text size="sm">{t("conferences.attendees", { count: conference.totalAttendees })}</Text>
              <DimmedText size="xs">
                {conference.attendance.map((a) => `${a.nation.code} ${a.attendees}`).join(", ")}
              </DimmedText>
            </Table.Td>
            <RowEditCell
              show={exercise.canEdit}
              onEdit={() => setRecording(conference)}
              label={t("attendance.record")}
              testId={`attendance-open-${conference.kind}`}
            />
          </Table.Tr>
        )}
      </RowsTable>
      {exercise.canEdit && <ConferenceAddForm exerciseId={exercise.id} />}
    </SectionCard>
  );
}

function Milestones({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const update = useUpdateMilestone(exercise.id);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <SectionCard title={t("milestones.title")} testId="milestones">
      <RowsTable
        rows={exercise.milestones}
        minWidth={600}
        empty={t("milestones.none")}
        columns={[
          t("milestones.milestone"),
          t("milestones.owner"),
          t("milestones.due"),
          t("exercises.status"),
        ]}
        actions={exercise.canEdit}
      >
        {(milestone) => (
          <Table.Tr key={milestone.id} data-testid="milestone-row">
            <Table.Td>{milestone.title}</Table.Td>
            <Table.Td>{ownerCode(milestone)}</Table.Td>
            <Table.Td>{format.date(milestone.dueOn)}</Table.Td>
            <Table.Td>
              <Badge
                color={milestone.doneOn ? "green" : milestone.overdue ? "red" : "blue"}
                variant="light"
                data-testid="milestone-status"
              >
                {milestone.doneOn
                  ? `${t("milestones.done")} ${format.date(milestone.doneOn)}`
                  : t(milestone.overdue ? "milestones.overdue" : "milestones.open")}
              </Badge>
            </Table.Td>
            {exercise.canEdit && (
              <Table.Td ta="right">
                <Button
                  size="xs"
                  variant="subtle"
                  leftSection={milestone.doneOn ? undefined : <IconCheck size={14} />}
                  loading={update.isPending && update.variables?.id === milestone.id}
                  onClick={() =>
                    update.mutate(
                      { id: milestone.id, doneOn: milestone.doneOn ? null : today },
                      { onError: (error) => notifyError(error, t) },
                    )
                  }
                  data-testid="milestone-toggle"
                >
                  {milestone.doneOn ? t("milestones.reopen") : t("milestones.markDone")}
                </Button>
              </Table.Td>
            )}
          </Table.Tr>
        )}
      </RowsTable>
      {exercise.canEdit && <MilestoneAddForm exerciseId={exercise.id} />}
    </SectionCard>
  );
}

interface OneLineAddProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  add: (text: string, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  testIds: { field: string; submit: string };
}

/** One text field and its add button: the text, trimmed, is added, and the field cleared after success. */
function OneLineAdd({ label, submitLabel, pending, add, testIds }: OneLineAddProps) {
  const { t } = useTranslation("operations");
  const [text, setText] = useState("");
  return (
    <Group align="flex-end" mt="md">
      <TextField label={label} value={text} onValue={setText} style={{ flex: 1 }} testId={testIds.field} />
      <Button
        disabled={!text.trim()}
        loading={pending}
        onClick={() =>
          add(text.trim(), { onSuccess: () => setText(""), onError: (error) => notifyError(error, t) })
        }
        data-testid={testIds.submit}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}

/** A section of short texts of the exercise: its list (the `none` line while empty) and, to an editor, the add field. */
function TextsSection(props: {
  title: string;
  testId: string;
  actions?: ReactNode;
  none: string | false;
  add: OneLineAddProps | false;
  children: ReactNode;
}) {
  return (
    <SectionCard title={props.title} testId={props.testId} actions={props.actions}>
      {props.none ? <DimmedText>{props.none}</DimmedText> : props.children}
      {props.add && <OneLineAdd {...props.add} />}
    </SectionCard>
  );
}

function ObjectivesAndLessons({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const addObjective = useAddObjective(exercise.id);
  const addLesson = useAddLesson(exercise.id);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <TextsSection
        title={t("objectives.title")}
        testId="objectives"
        none={exercise.objectives.length === 0 && t("objectives.none")}
        add={
          exercise.canEdit && {
            label: t("objectives.text"),
            submitLabel: t("objectives.add"),
            pending: addObjective.isPending,
            add: (text, options) => addObjective.mutate({ text }, options),
            testIds: { field: "objective-text", submit: "objective-submit" },
          }
        }
      >
        <List type="ordered" size="sm" spacing={4}>
          {exercise.objectives.map((o) => (
            <List.Item key={o.id}>{o.text}</List.Item>
          ))}
        </List>
      </TextsSection>
      <TextsSection
        title={t("lessons.title")}
        testId="exercise-lessons"
        actions={
          <Anchor component={Link} to={`/exercises/lessons?exerciseId=${exercise.id}`} size="sm">
            {t("lessons.board")}
          </Anchor>
        }
        none={exercise.lessons.length === 0 && t("lessons.none")}
        add={
          exercise.canEdit && {
            label: t("lessons.lessonTitle"),
            submitLabel: t("lessons.add"),
            pending: addLesson.isPending,
            add: (title, options) => addLesson.mutate({ title }, options),
            testIds: { field: "lesson-title", submit: "lesson-submit" },
          }
        }
      >
        <Stack gap={6}>
          {exercise.lessons.map((l) => (
            <Group key={l.id} justify="space-between" wrap="nowrap" data-testid="exercise-lesson">
              <Text size="sm">{l.title}</Text>
              <LessonStatusBadge status={l.status} />
            </Group>
          ))}
        </Stack>
      </TextsSection>
    </SimpleGrid>
  );
}

function ExerciseView({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const update = useUpdateExercise(exercise.id);
  return (
    <>
      <PageHeader
        title={exercise.name}
        breadcrumbs={[{ label: t("exercises.title"), to: "/exercises" }, { label: exercise.code }]}
        actions={
          <>
            <PrintReportButton
              href={`/api/exercises/${exercise.id}/report.pdf`}
              testId="exercise-report-pdf"
            />
            {exercise.canEdit && (
              <Select
                aria-label={t("exercises.status")}
                value={exercise.status}
                allowDeselect={false}
                onChange={(status) =>
                  status && update.mutate({ status: status as ExerciseStatus }, savedOrFailed(t))
                }
                data={[exercise.status, ...exercise.allowedTransitions].map((status) => ({
                  value: status,
                  label: t(`statuses.${status}`),
                }))}
                data-testid="exercise-status-select"
                w={180}
              />
            )}
          </>
        }
        badges={
          <Group gap={6}>
            <Badge variant="light" data-testid="exercise-status">
              {t(`statuses.${exercise.status}`)}
            </Badge>
            <ReleasabilityBadge level={exercise.releasability} />
            <SampleBadge show={exercise.sample} />
          </Group>
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md" radius="md">
          <DetailList
            items={[
              { label: t("exercises.kind"), value: t(`kinds.${exercise.kind}`) },
              {
                label: t("exercises.dates"),
                value: `${format.date(exercise.startsOn)} – ${format.date(exercise.endsOn)}`,
                testId: "exercise-dates",
              },
              {
                label: t("exercises.lead"),
                value: `${exercise.leadOrganisation.code} — ${exercise.leadOrganisation.nameEn}`,
              },
              {
                label: t("exercises.hosts"),
                value: exercise.hostNations.map((n) => n.nameEn).join(", "),
                testId: "exercise-hosts",
              },
              { label: t("exercises.scenario"), value: exercise.scenario },
              { label: t("exercises.source"), value: exercise.source },
              { label: t("exercises.sampleNote"), value: exercise.sampleNote },
              {
                label: t("exercises.catalogue"),
                value: exercise.activityId ? (
                  <Anchor
                    component={Link}
                    to={`/catalogue/activities/${exercise.activityId}`}
                    data-testid="exercise-activity"
                  >
                    {t("exercises.linked")}
                  </Anchor>
                ) : null,
              },
            ]}
          />
        </Paper>
        <ExerciseStages exercise={exercise} />
        <NationMatrix exercise={exercise} />
        <Conferences exercise={exercise} />
        <Milestones exercise={exercise} />
        <ObjectivesAndLessons exercise={exercise} />
      </Stack>
    </>
  );
}

/** The exercise planning page: stages, the nation matrix, conferences, milestones, objectives and lessons. */
export function ExercisePage() {
  return (
    <RecordPage useRecord={useExercise}>{(exercise) => <ExerciseView exercise={exercise} />}</RecordPage>
  );
}
