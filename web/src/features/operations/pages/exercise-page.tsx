import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { IconCheck, IconPlus } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  ConfirmButton,
  confirmOutcome,
  DetailList,
  notifyError,
  notifySuccess,
  PageHeader,
  PrintReportButton,
  QueryBoundary,
  ReleasabilityBadge,
} from "../../../shared/ui";
import {
  useAddConference,
  useAddLesson,
  useAddMilestone,
  useAddObjective,
  useAddParticipant,
  useExercise,
  useRemoveParticipant,
  useUpdateExercise,
  useUpdateMilestone,
} from "../api";
import { AttendanceModal } from "../components/attendance-modal";
import { ExerciseStages } from "../components/exercise-stages";
import { LessonStatusBadge } from "../components/lesson-status-badge";
import { NationPicker } from "../components/nation-picker";
import { ParticipantEditModal } from "../components/participant-edit-modal";
import { SampleBadge } from "../components/sample-badge";
import {
  CONFERENCE_KINDS,
  type Conference,
  type ConferenceKind,
  type ExerciseDetail,
  type ExerciseStatus,
  PARTICIPANT_ROLES,
  type Participant,
  type ParticipantRole,
} from "../types";

function Section({
  title,
  children,
  testId,
  actions,
}: {
  title: string;
  children: ReactNode;
  testId: string;
  actions?: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

const ownerCode = (owner: {
  ownerNation: { code: string } | null;
  ownerOrganisation: { code: string } | null;
}) => owner.ownerNation?.code ?? owner.ownerOrganisation?.code ?? "";

function NationMatrix({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const add = useAddParticipant(exercise.id);
  const remove = useRemoveParticipant(exercise.id);
  const [edited, setEdited] = useState<Participant | null>(null);
  const [nationId, setNationId] = useState<string | null>(null);
  const [role, setRole] = useState<ParticipantRole>("member");
  const [category, setCategory] = useState("");
  const [quantity, setQuantity] = useState<number | string>("");
  const [unit, setUnit] = useState("");

  const submit = () => {
    if (!nationId) return;
    const contributions = [
      ...(category.trim() && quantity !== ""
        ? [{ kind: "personnel", category: category.trim(), quantity: Number(quantity) }]
        : []),
      ...(unit.trim() ? [{ kind: "unit", category: unit.trim(), quantity: 1 }] : []),
    ];
    add.mutate(
      { nationId, role, contributions },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setNationId(null);
          setCategory("");
          setQuantity("");
          setUnit("");
        },
        onError: (error) => notifyError(error, t),
      },
    );
  };

  const counts = exercise.participation;
  return (
    <Section title={t("matrix.title")} testId="nation-matrix">
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
      <Table.ScrollContainer minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("matrix.nation")}</Table.Th>
              <Table.Th>{t("matrix.role")}</Table.Th>
              <Table.Th ta="right">{t("matrix.personnel")}</Table.Th>
              <Table.Th>{t("matrix.units")}</Table.Th>
              {exercise.canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exercise.participants.map((participant) => (
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
                {exercise.canEdit && (
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEdited(participant)}
                      data-testid={`participant-edit-${participant.nation.code}`}
                    >
                      {t("authoring.edit")}
                    </Button>
                    <ConfirmButton
                      size="xs"
                      variant="subtle"
                      message={t("matrix.removeConfirm")}
                      onConfirm={() => confirmOutcome(remove.mutateAsync(participant.id), t)}
                      data-testid={`participant-remove-${participant.nation.code}`}
                    >
                      {t("matrix.remove")}
                    </ConfirmButton>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {exercise.canEdit && (
        <Group align="flex-end" mt="md" wrap="wrap" data-testid="participant-form">
          <NationPicker
            label={t("matrix.nation")}
            value={nationId}
            onChange={(value) => setNationId(value)}
            searchable
            data-testid="participant-nation"
            w={240}
          />
          <Select
            label={t("matrix.role")}
            value={role}
            onChange={(value) => setRole((value as ParticipantRole) ?? "member")}
            data={PARTICIPANT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            allowDeselect={false}
            data-testid="participant-role"
            w={150}
          />
          <TextInput
            label={t("matrix.category")}
            value={category}
            onChange={(event) => setCategory(event.currentTarget.value)}
            data-testid="participant-category"
          />
          <NumberInput
            label={t("matrix.quantity")}
            value={quantity}
            onChange={setQuantity}
            min={0}
            w={110}
            data-testid="participant-quantity"
          />
          <TextInput
            label={t("matrix.unit")}
            value={unit}
            onChange={(event) => setUnit(event.currentTarget.value)}
            data-testid="participant-unit"
          />
          <Button
            leftSection={<IconPlus size={14} />}
            onClick={submit}
            disabled={!nationId}
            loading={add.isPending}
            data-testid="participant-submit"
          >
            {t("matrix.add")}
          </Button>
        </Group>
      )}
    </Section>
  );
}

function Conferences({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const add = useAddConference(exercise.id);
  const [kind, setKind] = useState<ConferenceKind>("initial");
  const [startsOn, setStartsOn] = useState("");
  const [endsOn, setEndsOn] = useState("");
  const [place, setPlace] = useState("");
  const [recording, setRecording] = useState<Conference | null>(null);
  const submit = () =>
    add.mutate(
      { kind, startsOn, endsOn: endsOn || startsOn, place: place || null },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setStartsOn("");
          setEndsOn("");
          setPlace("");
        },
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <Section title={t("conferences.title")} testId="conferences">
      <AttendanceModal exerciseId={exercise.id} conference={recording} onClose={() => setRecording(null)} />
      {exercise.conferences.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("conferences.none")}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("conferences.kind")}</Table.Th>
              <Table.Th>{t("exercises.dates")}</Table.Th>
              <Table.Th>{t("stages.place")}</Table.Th>
              <Table.Th>{t("conferences.attendance")}</Table.Th>
              {exercise.canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exercise.conferences.map((conference) => (
              <Table.Tr key={conference.id} data-testid={`conference-${conference.kind}`}>
                <Table.Td>{t(`conferences.kinds.${conference.kind}`)}</Table.Td>
                <Table.Td>
                  {format.date(conference.startsOn)} – {format.date(conference.endsOn)}
                </Table.Td>
                <Table.Td>{conference.place}</Table.Td>
                <Table.Td>
                  <Text size="sm">{t("conferences.attendees", { count: conference.totalAttendees })}</Text>
                  <Text size="xs" c="dimmed">
                    {conference.attendance.map((a) => `${a.nation.code} ${a.attendees}`).join(", ")}
                  </Text>
                </Table.Td>
                {exercise.canEdit && (
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setRecording(conference)}
                      data-testid={`attendance-open-${conference.kind}`}
                    >
                      {t("attendance.record")}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {exercise.canEdit && (
        <Group align="flex-end" mt="md" wrap="wrap" data-testid="conference-form">
          <Select
            label={t("conferences.kind")}
            value={kind}
            onChange={(value) => setKind((value as ConferenceKind) ?? "initial")}
            data={CONFERENCE_KINDS.map((k) => ({ value: k, label: t(`conferences.kinds.${k}`) }))}
            allowDeselect={false}
            w={150}
            data-testid="conference-kind"
          />
          <TextInput
            type="date"
            label={t("contingents.from")}
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            data-testid="conference-starts"
          />
          <TextInput
            type="date"
            label={t("contingents.until")}
            value={endsOn}
            onChange={(event) => setEndsOn(event.currentTarget.value)}
            data-testid="conference-ends"
          />
          <TextInput
            label={t("stages.place")}
            value={place}
            onChange={(event) => setPlace(event.currentTarget.value)}
            data-testid="conference-place"
          />
          <Button
            leftSection={<IconPlus size={14} />}
            onClick={submit}
            disabled={!startsOn}
            loading={add.isPending}
            data-testid="conference-submit"
          >
            {t("conferences.add")}
          </Button>
        </Group>
      )}
    </Section>
  );
}

function Milestones({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  const add = useAddMilestone(exercise.id);
  const update = useUpdateMilestone(exercise.id);
  const [title, setTitle] = useState("");
  const [dueOn, setDueOn] = useState("");
  const [ownerNationId, setOwnerNationId] = useState<string | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const submit = () =>
    add.mutate(
      { title, dueOn, ...(ownerNationId ? { ownerNationId } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t("common:notify.saved"));
          setTitle("");
          setDueOn("");
          setOwnerNationId(null);
        },
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <Section title={t("milestones.title")} testId="milestones">
      {exercise.milestones.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("milestones.none")}
        </Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("milestones.milestone")}</Table.Th>
              <Table.Th>{t("milestones.owner")}</Table.Th>
              <Table.Th>{t("milestones.due")}</Table.Th>
              <Table.Th>{t("exercises.status")}</Table.Th>
              {exercise.canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exercise.milestones.map((milestone) => (
              <Table.Tr key={milestone.id} data-testid="milestone-row">
                <Table.Td>{milestone.title}</Table.Td>
                <Table.Td>{ownerCode(milestone)}</Table.Td>
                <Table.Td>{format.date(milestone.dueOn)}</Table.Td>
                <Table.Td>
                  {milestone.doneOn ? (
                    <Badge color="green" variant="light" data-testid="milestone-status">
                      {t("milestones.done")} {format.date(milestone.doneOn)}
                    </Badge>
                  ) : milestone.overdue ? (
                    <Badge color="red" variant="light" data-testid="milestone-status">
                      {t("milestones.overdue")}
                    </Badge>
                  ) : (
                    <Badge color="blue" variant="light" data-testid="milestone-status">
                      {t("milestones.open")}
                    </Badge>
                  )}
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
            ))}
          </Table.Tbody>
        </Table>
      )}
      {exercise.canEdit && (
        <Group align="flex-end" mt="md" wrap="wrap" data-testid="milestone-form">
          <TextInput
            label={t("milestones.milestone")}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            style={{ flex: 1, minWidth: 220 }}
            data-testid="milestone-title"
          />
          <NationPicker
            label={t("milestones.owner")}
            value={ownerNationId}
            onChange={(value) => setOwnerNationId(value)}
            searchable
            clearable
            w={220}
            data-testid="milestone-owner"
          />
          <TextInput
            type="date"
            label={t("milestones.due")}
            value={dueOn}
            onChange={(event) => setDueOn(event.currentTarget.value)}
            data-testid="milestone-due"
          />
          <Button
            leftSection={<IconPlus size={14} />}
            onClick={submit}
            disabled={!title.trim() || !dueOn}
            loading={add.isPending}
            data-testid="milestone-submit"
          >
            {t("milestones.add")}
          </Button>
        </Group>
      )}
    </Section>
  );
}

function ObjectivesAndLessons({ exercise }: { exercise: ExerciseDetail }) {
  const { t } = useTranslation("operations");
  const addObjective = useAddObjective(exercise.id);
  const addLesson = useAddLesson(exercise.id);
  const [objective, setObjective] = useState("");
  const [lesson, setLesson] = useState("");
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Section title={t("objectives.title")} testId="objectives">
        {exercise.objectives.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("objectives.none")}
          </Text>
        ) : (
          <List type="ordered" size="sm" spacing={4}>
            {exercise.objectives.map((o) => (
              <List.Item key={o.id}>{o.text}</List.Item>
            ))}
          </List>
        )}
        {exercise.canEdit && (
          <Group align="flex-end" mt="md">
            <TextInput
              label={t("objectives.text")}
              value={objective}
              onChange={(event) => setObjective(event.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="objective-text"
            />
            <Button
              disabled={!objective.trim()}
              loading={addObjective.isPending}
              onClick={() =>
                addObjective.mutate(
                  { text: objective.trim() },
                  { onSuccess: () => setObjective(""), onError: (error) => notifyError(error, t) },
                )
              }
              data-testid="objective-submit"
            >
              {t("objectives.add")}
            </Button>
          </Group>
        )}
      </Section>
      <Section
        title={t("lessons.title")}
        testId="exercise-lessons"
        actions={
          <Anchor component={Link} to={`/exercises/lessons?exerciseId=${exercise.id}`} size="sm">
            {t("lessons.board")}
          </Anchor>
        }
      >
        {exercise.lessons.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("lessons.none")}
          </Text>
        ) : (
          <Stack gap={6}>
            {exercise.lessons.map((l) => (
              <Group key={l.id} justify="space-between" wrap="nowrap" data-testid="exercise-lesson">
                <Text size="sm">{l.title}</Text>
                <LessonStatusBadge status={l.status} />
              </Group>
            ))}
          </Stack>
        )}
        {exercise.canEdit && (
          <Group align="flex-end" mt="md">
            <TextInput
              label={t("lessons.lessonTitle")}
              value={lesson}
              onChange={(event) => setLesson(event.currentTarget.value)}
              style={{ flex: 1 }}
              data-testid="lesson-title"
            />
            <Button
              disabled={!lesson.trim()}
              loading={addLesson.isPending}
              onClick={() =>
                addLesson.mutate(
                  { title: lesson.trim() },
                  { onSuccess: () => setLesson(""), onError: (error) => notifyError(error, t) },
                )
              }
              data-testid="lesson-submit"
            >
              {t("lessons.add")}
            </Button>
          </Group>
        )}
      </Section>
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
                  status &&
                  update.mutate(
                    { status: status as ExerciseStatus },
                    {
                      onSuccess: () => notifySuccess(t("common:notify.saved")),
                      onError: (error) => notifyError(error, t),
                    },
                  )
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
  const { id = "" } = useParams();
  const query = useExercise(id);
  return <QueryBoundary query={query}>{(exercise) => <ExerciseView exercise={exercise} />}</QueryBoundary>;
}
