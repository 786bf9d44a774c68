import { Badge, Button, Group, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DimmedText, PageHeader, QueryBoundary, SectionCard } from "../../../shared/ui";
import { usePeriod, usePeriodReport } from "../api";
import { JoinsList } from "../components/joins-list";
import { PeriodStatements } from "../components/period-statements";
import { AreaBars, ReportFigures } from "../components/report-figures";
import { percent } from "../components/shared";
import { ObjectivesTable } from "./plan-page";

export function ExportButtons({ base }: { base: string }) {
  const { t } = useTranslation("programmes");
  // The report's words follow the reader's language.
  const { language } = useFormat();
  return (
    <Group gap="xs">
      {(["csv", "xlsx", "pdf"] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={`${base}?format=${format}&language=${language}`}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          data-testid={`export-${format}`}
        >
          {t("common.export")} {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

export function PeriodPage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const { id } = useParams();
  const period = usePeriod(id);
  const report = usePeriodReport(id);
  return (
    <QueryBoundary query={period}>
      {(data) => (
        <>
          <PageHeader
            title={`${data.plan.title} — ${data.label}`}
            badges={
              data.discrepancy ? (
                <Badge color="yellow" data-testid="period-discrepancy">
                  {t("plans.discrepancy")}
                </Badge>
              ) : undefined
            }
            breadcrumbs={[
              { label: t("plans.title"), to: "/programmes/plans" },
              { label: data.plan.code, to: `/programmes/plans/${data.plan.id}` },
              { label: data.label },
            ]}
            actions={<ExportButtons base={`/api/plan-periods/${data.id}/report/export`} />}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" mb="lg">
            <SectionCard title={t("plans.statements")}>
              <PeriodStatements period={data} />
            </SectionCard>
            <SectionCard title={t("plans.joins")}>
              <JoinsList joins={data.joins} />
            </SectionCard>
          </SimpleGrid>
          <SectionCard title={t("plans.objectives")} mb="lg">
            <ObjectivesTable objectives={data.objectives} />
          </SectionCard>
          <QueryBoundary query={report}>
            {(figures) => (
              <SectionCard
                title={t("period.report")}
                testId="period-report"
                actions={<DimmedText>{t("common.asOf", { date: format.date(figures.asOf) })}</DimmedText>}
              >
                {figures.totals.actions === 0 ? (
                  // Zeros would read as "nothing was done"; the truth is that nothing is recorded for the period.
                  <Text c="dimmed" data-testid="period-report-empty">
                    {t("period.nothingRecorded")}
                  </Text>
                ) : (
                  <>
                    <ReportFigures
                      figures={[
                        {
                          label: t("period.actions"),
                          value: figures.totals.actions,
                          testId: "report-actions",
                        },
                        { label: t("period.done"), value: figures.totals.done },
                        {
                          label: t("period.late"),
                          value: figures.totals.late,
                          testId: "report-late",
                          color: figures.totals.late ? "red" : undefined,
                        },
                        { label: t("period.completion"), value: percent(figures.totals.completionRate) },
                      ]}
                    />
                    <AreaBars
                      h={260}
                      areas={figures.areas}
                      series={[
                        { name: "done", label: t("period.done"), color: "teal.6" },
                        { name: "inProgress", label: t("period.inProgress"), color: "blue.5" },
                        { name: "late", label: t("period.late"), color: "red.6" },
                      ]}
                    />
                    <Title order={3} size="h5" mt="md" mb="xs">
                      {t("period.lateActions")}
                    </Title>
                    {figures.lateActions.length === 0 ? (
                      <Text c="dimmed">{t("period.noLate")}</Text>
                    ) : (
                      <Table data-testid="late-actions">
                        <Table.Tbody>
                          {figures.lateActions.map((action) => (
                            <Table.Tr key={action.id}>
                              <Table.Td>{action.objectiveCode}</Table.Td>
                              <Table.Td>{action.title}</Table.Td>
                              <Table.Td>{format.date(action.dueOn)}</Table.Td>
                              <Table.Td>{t(`actionStatus.${action.status}`)}</Table.Td>
                              <Table.Td>{action.progress}%</Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    )}
                  </>
                )}
              </SectionCard>
            )}
          </QueryBoundary>
        </>
      )}
    </QueryBoundary>
  );
}
