import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  DimmedText,
  notifyError,
  notifySuccess,
  PageHeader,
  QueryBoundary,
  SectionCard,
  TableHead,
} from "../../../shared/ui";
import { useAssessGoal, useChangeGoalStatus, useGoal, useGoalAgreement } from "../api";
import { AreaName } from "../components/area-name";
import { LinkGoalActivity } from "../components/goal-forms";
import { RecordBadges, SampleBadge, useProgrammeWriters } from "../components/shared";
import type { GoalDetail, GoalStatus, Rating } from "../types";

const RATINGS: Rating[] = ["fully_met", "largely_met", "partially_met", "not_met"];

/** A free-text note of a goal's form, kept in the form's state. */
function NoteArea(props: { label: string; value: string; onValue: (value: string) => void }) {
  return (
    <Textarea
      label={props.label}
      value={props.value}
      onChange={(event) => props.onValue(event.currentTarget.value)}
    />
  );
}

/** A goal form's save: its write runs with the form's `body`, and its success is told in the button's words. */
function SaveButton<B>(props: {
  write: {
    isPending: boolean;
    mutate: (body: B, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  };
  body: () => B;
  label: string;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation("programmes");
  const { write, label } = props;
  return (
    <Button
      size="xs"
      loading={write.isPending}
      disabled={props.disabled}
      onClick={() =>
        write.mutate(props.body(), {
          onSuccess: () => notifySuccess(label),
          onError: (error) => notifyError(error, t),
        })
      }
      data-testid={props.testId}
    >
      {label}
    </Button>
  );
}

function StatusForm({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation("programmes");
  const change = useChangeGoalStatus(goal.id);
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [note, setNote] = useState("");
  return (
    <Stack gap="xs">
      <Select
        label={t("goals.changeStatus")}
        value={status}
        onChange={(value) => value && setStatus(value as GoalStatus)}
        // A proposed goal becomes agreed only by both sides' agreement (AgreementPanel), never by a status change.
        data={[goal.status, ...goal.allowedTransitions.filter((to) => to !== "agreed")].map((value) => ({
          value,
          label: t(`goalStatus.${value}`),
        }))}
        data-testid="goal-status-select"
      />
      <NoteArea label={t("goals.note")} value={note} onValue={setNote} />
      <SaveButton
        write={change}
        body={() => ({ status, statusNote: note || null })}
        label={t("goals.save")}
        disabled={status === goal.status}
        testId="goal-status-save"
      />
    </Stack>
  );
}

type Side = "partner" | "alliance";

/** Both sides' agreement of the goal, with "Agree" (or "Withdraw") for each side the viewer speaks for. */
function AgreementPanel({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const agreement = useGoalAgreement(goal.id);
  const sides: { side: Side; label: string; may: boolean }[] = [
    { side: "partner", label: t("goals.partnerSide"), may: goal.viewerMay.agreeAsPartner },
    { side: "alliance", label: t("goals.allianceSide"), may: goal.viewerMay.agreeAsAlliance },
  ];
  const run = (side: Side, withdraw: boolean) =>
    agreement.mutate(
      { side, withdraw },
      {
        onSuccess: () => notifySuccess(t(withdraw ? "goals.withdrawnNotice" : "goals.agreedNotice")),
        onError: (error) => notifyError(error, t),
      },
    );
  return (
    <Paper withBorder p="md" radius="md" mt="lg" data-testid="goal-agreement">
      <Title order={2} size="h4" mb={4}>
        {t("goals.agreement")}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t("goals.agreementHint")}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {sides.map(({ side, label, may }) => {
          const given = goal.agreement[side];
          const when = given ? format.dateTime(given.agreedAt) : "";
          return (
            <Stack key={side} gap={6} data-testid={`goal-agreement-${side}`}>
              <Group gap="xs" wrap="wrap">
                <Text fw={600}>{label}</Text>
                <Badge color={given ? "green" : "gray"} variant="light">
                  {given ? t("goalStatus.agreed") : t("goals.notYetAgreed")}
                </Badge>
              </Group>
              {given && (
                <Text size="sm">
                  {given.agreedBy
                    ? t("goals.agreedBy", { name: given.agreedBy.displayName, when })
                    : t("goals.agreedAt", { when })}
                </Text>
              )}
              {may && (
                <Group gap="xs" wrap="wrap">
                  {/* A given agreement may be withdrawn; a missing one given. */}
                  <Button
                    size="xs"
                    variant={given ? "default" : undefined}
                    loading={agreement.isPending}
                    onClick={() => run(side, !!given)}
                    data-testid={`goal-${given ? "withdraw" : "agree"}-${side}`}
                  >
                    {t(given ? "goals.withdrawAs" : "goals.agreeAs", { side: label })}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

function AssessmentForm({ goal }: { goal: GoalDetail }) {
  const { t } = useTranslation("programmes");
  const assess = useAssessGoal(goal.id);
  const [cycleYear, setCycleYear] = useState<number>(goal.assessmentYear ?? new Date().getFullYear());
  const [rating, setRating] = useState<Rating>("largely_met");
  const [comments, setComments] = useState("");
  return (
    <Stack gap="xs">
      <NumberInput
        label={t("goals.cycleYear")}
        value={cycleYear}
        step={2}
        onChange={(value) => typeof value === "number" && setCycleYear(value)}
      />
      <Select
        label={t("goals.rating")}
        value={rating}
        onChange={(value) => value && setRating(value as Rating)}
        data={RATINGS.map((value) => ({ value, label: t(`ratings.${value}`) }))}
      />
      <NoteArea label={t("goals.comments")} value={comments} onValue={setComments} />
      <SaveButton
        write={assess}
        body={() => ({ cycleYear, rating, comments: comments || null })}
        label={t("goals.assess")}
        testId="goal-assess-save"
      />
    </Stack>
  );
}

export function GoalPage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const { id } = useParams();
  const goal = useGoal(id);
  const writers = useProgrammeWriters();
  return (
    <QueryBoundary query={goal}>
      {(data) => {
        const canEdit = writers.canEdit(data);
        // Alliance staff only, as the server decides (a partner does not assess its own goals).
        const canAssess = data.viewerMay.assess;
        return (
          <>
            <PageHeader
              title={`${data.code} — ${data.title}`}
              description={data.description}
              badges={
                <>
                  <Badge variant="light">{t(`goalStatus.${data.status}`)}</Badge>
                  {data.late && <Badge color="red">{t("common.late")}</Badge>}
                  <RecordBadges record={data} />
                </>
              }
              breadcrumbs={[{ label: t("goals.title"), to: "/programmes/goals" }, { label: data.code }]}
            />
            <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
              <Paper withBorder p="md" radius="md">
                <DetailList
                  items={[
                    { label: t("common.nation"), value: data.nation.nameEn },
                    {
                      label: t("common.area"),
                      value: <AreaName code={data.areaCode} />,
                      testId: "goal-area",
                    },
                    { label: t("goals.agreed"), value: data.agreedYear ?? "—" },
                    { label: t("goals.assessed"), value: data.assessmentYear ?? "—" },
                    { label: t("goals.target"), value: format.date(data.targetOn) },
                  ]}
                />
              </Paper>
              <SectionCard title={t("goals.history")}>
                <Timeline active={data.history.length} bulletSize={16} data-testid="goal-history">
                  {data.history.map((change) => (
                    <Timeline.Item key={change.id} title={t(`goalStatus.${change.toStatus}`)}>
                      <DimmedText size="xs">{format.dateTime(change.changedAt)}</DimmedText>
                      {change.note && <Text size="sm">{change.note}</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </SectionCard>
              <SectionCard title={t("goals.implementedBy")}>
                <Stack gap={4}>
                  {data.actions.map((action) => (
                    <Anchor
                      key={action.id}
                      component={Link}
                      to={`/programmes/objectives/${action.objectiveId}`}
                      size="sm"
                    >
                      {action.title} ({t(`actionStatus.${action.status}`)})
                    </Anchor>
                  ))}
                  {data.activities.map((activity) => (
                    <Text key={activity.id} size="sm" data-testid={`goal-activity-${activity.code}`}>
                      {activity.code} — {activity.titleEn}
                    </Text>
                  ))}
                  {data.actions.length + data.activities.length === 0 && (
                    <Text c="dimmed">{t("common.none")}</Text>
                  )}
                </Stack>
                {canEdit && <LinkGoalActivity goal={data} />}
              </SectionCard>
            </SimpleGrid>
            {(data.status === "proposed" || data.agreement.partner || data.agreement.alliance) && (
              <AgreementPanel goal={data} />
            )}
            <SectionCard title={t("goals.assessments")} mt="lg">
              {data.assessments.length === 0 ? (
                <Text c="dimmed">{t("common.none")}</Text>
              ) : (
                <Table data-testid="goal-assessments">
                  <TableHead columns={[t("goals.cycleYear"), t("goals.rating"), t("goals.comments")]} />
                  <Table.Tbody>
                    {data.assessments.map((assessment) => (
                      <Table.Tr key={assessment.id}>
                        <Table.Td>{assessment.cycleYear}</Table.Td>
                        <Table.Td>{t(`ratings.${assessment.rating}`)}</Table.Td>
                        <Table.Td>
                          {assessment.comments} <SampleBadge sample={assessment.sample} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </SectionCard>
            {(canEdit || canAssess) && (
              <Group align="flex-start" mt="lg" grow>
                {canEdit && (
                  <Paper withBorder p="md" radius="md">
                    <StatusForm goal={data} />
                  </Paper>
                )}
                {canAssess && (
                  <Paper withBorder p="md" radius="md">
                    <AssessmentForm goal={data} />
                  </Paper>
                )}
              </Group>
            )}
          </>
        );
      }}
    </QueryBoundary>
  );
}
