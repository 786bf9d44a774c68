import { Anchor, Badge, Group, SimpleGrid, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import {
  DimmedText,
  PageHeader,
  PlainTable,
  QueryBoundary,
  SectionCard,
  TableHead,
} from "../../../shared/ui";
import { usePlan } from "../api";
import { JoinsList } from "../components/joins-list";
import { AddObjectiveButton, AddPeriodButton, EditPlanButton } from "../components/plan-forms";
import { RecordBadges, TitleCell, useProgrammeWriters } from "../components/shared";
import { StatementsTable } from "../components/statements-table";
import type { ObjectiveSummary } from "../types";

export function ObjectivesTable({ objectives }: { objectives: ObjectiveSummary[] }) {
  const { t } = useTranslation("programmes");
  if (objectives.length === 0) return <Text c="dimmed">{t("common.none")}</Text>;
  return (
    <PlainTable
      striped
      data-testid="objectives-table"
      minWidth={560}
      columns={[t("plans.code"), t("plans.objectives"), t("common.area"), t("period.actions")]}
    >
      {objectives.map((objective) => (
        <Table.Tr key={objective.id} data-testid={`objective-row-${objective.code}`}>
          <Table.Td>
            <Anchor
              component={Link}
              to={`/programmes/objectives/${objective.id}`}
              data-testid="objective-link"
            >
              {objective.code}
            </Anchor>
          </Table.Td>
          <TitleCell title={objective.title} sample={objective.sample} />
          <Table.Td>{objective.area.nameEn}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <Text size="sm">
                {objective.doneCount}/{objective.actionCount}
              </Text>
              {objective.lateCount > 0 && (
                <Badge color="red" size="xs">
                  {t("common.lateCount", { count: objective.lateCount })}
                </Badge>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </PlainTable>
  );
}

export function PlanPage() {
  const { t } = useTranslation("programmes");
  const { id } = useParams();
  const plan = usePlan(id);
  const writers = useProgrammeWriters();
  return (
    <QueryBoundary query={plan}>
      {(data) => (
        <>
          <PageHeader
            title={data.title}
            description={data.description}
            badges={<RecordBadges record={data} />}
            breadcrumbs={[{ label: t("plans.title"), to: "/programmes/plans" }, { label: data.code }]}
            actions={
              writers.canEdit(data) && (
                <Group gap="xs">
                  <EditPlanButton plan={data} />
                  <AddPeriodButton plan={data} />
                  <AddObjectiveButton plan={data} />
                </Group>
              )
            }
          />
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
            <SectionCard title={t("plans.periods")} style={{ gridColumn: "span 2" }}>
              <Table data-testid="periods-table">
                <TableHead columns={[t("plans.period"), t("plans.statements")]} />
                <Table.Tbody>
                  {data.periods.map((period) => (
                    <Table.Tr key={period.id} data-testid={`period-row-${period.label}`}>
                      <Table.Td valign="top">
                        <Anchor component={Link} to={`/programmes/periods/${period.id}`} fw={600}>
                          {period.label}
                        </Anchor>
                        {period.discrepancy && (
                          <Badge color="yellow" size="xs" ml="xs" data-testid="period-discrepancy">
                            {t("plans.discrepancy")}
                          </Badge>
                        )}
                        {period.note && <DimmedText size="xs">{period.note}</DimmedText>}
                      </Table.Td>
                      <Table.Td>
                        <StatementsTable statements={period.statements} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title={t("plans.joins")}>
              <JoinsList joins={data.joins} />
            </SectionCard>
          </SimpleGrid>
          <SectionCard title={t("plans.objectives")} mt="lg">
            <ObjectivesTable objectives={data.objectives} />
          </SectionCard>
        </>
      )}
    </QueryBoundary>
  );
}
