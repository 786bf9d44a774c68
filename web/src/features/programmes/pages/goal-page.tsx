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
  notifyError,
  notifySuccess,
  PageHeader,
  QueryBoundary,
  ReleasabilityBadge,
} from "../../../shared/ui";
import { useAssessGoal, useChangeGoalStatus, useGoal } from "../api";
import { AreaName } from "../components/area-name";
import { LinkGoalActivity } from "../components/goal-forms";
import { SampleBadge, useProgrammeWriters } from "../components/shared";
import type { GoalDetail, GoalStatus, Rating } from "../types";

const RATINGS: Rating[] = ["fully_met", "largely_met", "partially_met", "not_met"];

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
        data={[goal.status, ...goal.allowedTransitions].map((value) => ({
          value,
          label: t(`goalStatus.${value}`),
        }))}
        data-testid="goal-status-select"
      />
      <Textarea
        label={t("goals.note")}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
      />
      <Button
        size="xs"
        loading={change.isPending}
        disabled={status === goal.status}
        onClick={() =>
          change.mutate(
            { status, statusNote: note || null },
            { onSuccess: () => notifySuccess(t("goals.save")), onError: (error) => notifyError(error, t) },
          )
        }
        data-testid="goal-status-save"
      >
        {t("goals.save")}
      </Button>
    </Stack>
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
      <Textarea
        label={t("goals.comments")}
        value={comments}
        onChange={(event) => setComments(event.currentTarget.value)}
      />
      <Button
        size="xs"
        loading={assess.isPending}
        onClick={() =>
          assess.mutate(
            { cycleYear, rating, comments: comments || null },
            { onSuccess: () => notifySuccess(t("goals.assess")), onError: (error) => notifyError(error, t) },
          )
        }
        data-testid="goal-assess-save"
      >
        {t("goals.assess")}
      </Button>
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
                  <ReleasabilityBadge level={data.releasability} />
                  <SampleBadge sample={data.sample} />
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
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="sm">
                  {t("goals.history")}
                </Title>
                <Timeline active={data.history.length} bulletSize={16} data-testid="goal-history">
                  {data.history.map((change) => (
                    <Timeline.Item key={change.id} title={t(`goalStatus.${change.toStatus}`)}>
                      <Text size="xs" c="dimmed">
                        {format.dateTime(change.changedAt)}
                      </Text>
                      {change.note && <Text size="sm">{change.note}</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              </Paper>
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="sm">
                  {t("goals.implementedBy")}
                </Title>
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
              </Paper>
            </SimpleGrid>
            <Paper withBorder p="md" radius="md" mt="lg">
              <Title order={2} size="h4" mb="sm">
                {t("goals.assessments")}
              </Title>
              {data.assessments.length === 0 ? (
                <Text c="dimmed">{t("common.none")}</Text>
              ) : (
                <Table data-testid="goal-assessments">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("goals.cycleYear")}</Table.Th>
                      <Table.Th>{t("goals.rating")}</Table.Th>
                      <Table.Th>{t("goals.comments")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
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
            </Paper>
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
