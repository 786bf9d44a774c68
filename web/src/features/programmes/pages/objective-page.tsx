import { Anchor, Badge, Group, Progress, Select, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  LinkCell,
  labelsUnder,
  notifyError,
  PageHeader,
  QueryBoundary,
  SectionCard,
  TableHead,
} from "../../../shared/ui";
import { useObjective, usePlan, useUpdateAction } from "../api";
import { ImplementedBadge } from "../components/implemented-badge";
import { AddActionButton, AddEvidenceButton } from "../components/objective-forms";
import { SampleBadge, TitleCell, useProgrammeWriters } from "../components/shared";
import type { Action, Evidence } from "../types";

function ActionStatusSelect({ action, objectiveId }: { action: Action; objectiveId: string }) {
  const { t } = useTranslation("programmes");
  const update = useUpdateAction(objectiveId);
  return (
    <Select
      size="xs"
      w={150}
      value={action.status}
      disabled={update.isPending}
      onChange={(value) =>
        value &&
        update.mutate({ id: action.id, status: value }, { onError: (error) => notifyError(error, t) })
      }
      data={[action.status, ...action.allowedTransitions].map((value) => ({
        value,
        label: t(`actionStatus.${value}`),
      }))}
      aria-label={t("common.status")}
      data-testid="action-status"
    />
  );
}

function EvidenceLink({ evidence }: { evidence: Evidence }) {
  if (evidence.goal)
    return (
      <Anchor component={Link} to={`/programmes/goals/${evidence.goal.id}`} size="sm">
        {evidence.goal.code}
      </Anchor>
    );
  if (evidence.document)
    return (
      <Anchor component={Link} to={`/programmes/frameworks/${evidence.document.id}`} size="sm">
        {evidence.document.title}
      </Anchor>
    );
  if (evidence.activity) return <Text size="sm">{evidence.activity.code}</Text>;
  return (
    <Anchor href={evidence.url ?? undefined} target="_blank" rel="noreferrer" size="sm">
      {evidence.url}
    </Anchor>
  );
}

export function ObjectivePage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const { id } = useParams();
  const objective = useObjective(id);
  const plan = usePlan(objective.data?.plan.id);
  const writers = useProgrammeWriters();
  const canEdit = !!plan.data && writers.canEdit(plan.data);
  return (
    <QueryBoundary query={objective}>
      {(data) => (
        <>
          <PageHeader
            title={`${data.code} — ${data.title}`}
            description={data.description}
            badges={
              <>
                <Badge variant="light">{data.area.nameEn}</Badge>
                <SampleBadge sample={data.sample} />
              </>
            }
            breadcrumbs={[
              { label: t("plans.title"), to: "/programmes/plans" },
              { label: data.plan.code, to: `/programmes/plans/${data.plan.id}` },
              ...(data.period
                ? [{ label: data.period.label, to: `/programmes/periods/${data.period.id}` }]
                : []),
              { label: data.code },
            ]}
            actions={canEdit && <AddActionButton objectiveId={data.id} />}
          />
          <SectionCard title={t("objective.actions")} mb="lg">
            {data.actions.length === 0 ? (
              <Text c="dimmed">{t("common.none")}</Text>
            ) : (
              // Six columns do not fit a phone: the table scrolls in its own frame, not the page.
              <Table.ScrollContainer minWidth={720}>
                <Table striped data-testid="actions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("objective.action")}</Table.Th>
                      <Table.Th>{t("objective.responsible")}</Table.Th>
                      <Table.Th>{t("objective.due")}</Table.Th>
                      <Table.Th>{t("common.status")}</Table.Th>
                      <Table.Th w={140}>{t("objective.progress")}</Table.Th>
                      <Table.Th>{t("objective.evidence")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.actions.map((action) => (
                      <Table.Tr key={action.id} data-testid="action-row">
                        <TitleCell title={action.title} sample={action.sample} />
                        <Table.Td>
                          {action.responsibleOrganisation?.nameEn ?? action.responsibleNote ?? ""}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {format.date(action.dueOn)}
                            {action.late && (
                              <Badge color="red" size="xs" data-testid="action-late">
                                {t("common.late")}
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          {canEdit ? (
                            <ActionStatusSelect action={action} objectiveId={data.id} />
                          ) : (
                            t(`actionStatus.${action.status}`)
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Progress value={action.progress} size="lg" aria-label={`${action.progress}%`} />
                          <Text size="xs">{action.progress}%</Text>
                        </Table.Td>
                        <Table.Td>
                          <Stack gap={2}>
                            {action.evidence.map((evidence) => (
                              <EvidenceLink key={evidence.id} evidence={evidence} />
                            ))}
                            {canEdit && (
                              <AddEvidenceButton action={action} nationId={plan.data?.nationId ?? null} />
                            )}
                          </Stack>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </SectionCard>
          <SectionCard title={t("objective.activities")} mb="lg">
            {data.activities.length === 0 ? (
              <Text c="dimmed">{t("common.none")}</Text>
            ) : (
              <Table striped data-testid="objective-activities">
                <TableHead
                  columns={[
                    t("programmes.item"),
                    ...labelsUnder(t, "objective", ["programme", "planned", "attended", "implemented"]),
                  ]}
                />
                <Table.Tbody>
                  {data.activities.map((item) => (
                    <Table.Tr key={item.itemId} data-testid="objective-activity">
                      <Table.Td>
                        <Text size="sm">
                          {item.code ? `${item.code} — ` : ""}
                          {item.title}
                        </Text>
                        {!item.activityId && <DimmedText size="xs">{t("objective.own")}</DimmedText>}
                      </Table.Td>
                      <LinkCell to={`/programmes/annual/${item.programmeId}`} size="sm">
                        {item.programmeTitle}
                      </LinkCell>
                      <Table.Td>{item.planned}</Table.Td>
                      <Table.Td>{item.attended}</Table.Td>
                      <Table.Td>
                        <ImplementedBadge implemented={item.implemented} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </SectionCard>
          {data.goals.length > 0 && (
            <SectionCard title={t("objective.goals")}>
              <Stack gap={4}>
                {data.goals.map((goal) => (
                  <Group key={goal.id} gap="xs">
                    <Anchor component={Link} to={`/programmes/goals/${goal.id}`}>
                      {goal.code}
                    </Anchor>
                    <Text size="sm">{goal.title}</Text>
                    <Badge size="xs" variant="light">
                      {t(`goalStatus.${goal.status}`)}
                    </Badge>
                  </Group>
                ))}
              </Stack>
            </SectionCard>
          )}
        </>
      )}
    </QueryBoundary>
  );
}
