import "@mantine/charts/styles.css";
import "../print.css";
import { BarChart } from "@mantine/charts";
import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { toQueryString } from "../../../shared/api";
import {
  ExportButtons,
  type ExportFormat,
  formOutcome,
  labelsUnder,
  notifySuccess,
  PlainTable,
  QueryBoundary,
  SubmitButton,
} from "../../../shared/ui";
import { FormTextarea } from "../../../shared/ui/form-textarea";
import { useEvaluation, useReport, useResults } from "../api";
import { OutcomeBadge } from "../components/badges";
import { EvaluationPageHeader } from "../components/evaluation-page-header";
import { Findings } from "../components/findings-panel";
import { FollowUpActions } from "../components/follow-up-actions";
import type { EvaluationDetail, Results } from "../types";

/** One of the results' headline figures: its small label over its value. */
function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Paper>
  );
}

function ScoreChart({ results }: { results: Results }) {
  const { t } = useTranslation("readiness");
  const data = results.areas.map((area) => ({
    area: area.code,
    [t("results.yes")]: area.yes,
    [t("results.no")]: area.no,
    [t("results.notEvaluated")]: area.notEvaluated,
    [t("results.unanswered")]: area.unanswered,
  }));
  return (
    <BarChart
      h={280}
      data={data}
      dataKey="area"
      type="stacked"
      withLegend
      series={[
        { name: t("results.yes"), color: "teal.6" },
        { name: t("results.no"), color: "red.6" },
        { name: t("results.notEvaluated"), color: "gray.5" },
        { name: t("results.unanswered"), color: "yellow.4" },
      ]}
      data-testid="results-chart"
    />
  );
}

function ReportForm({ evaluation, results }: { evaluation: EvaluationDetail; results: Results }) {
  const { t } = useTranslation("readiness");
  const report = useReport(evaluation.id);
  const form = useForm({ initialValues: { summaryStatement: "", meetsStandards: false } });
  const submit = form.onSubmit((values) => {
    report.mutate(
      {
        summaryStatement: values.summaryStatement || null,
        ...(results.isHeadquarters ? { meetsStandards: values.meetsStandards } : {}),
      },
      formOutcome(form, t, () => notifySuccess(t("results.reported"))),
    );
  });
  return (
    <form onSubmit={submit} noValidate data-testid="report-form">
      <Stack gap="xs">
        <FormTextarea label={t("results.summaryStatement")} form={form} name="summaryStatement" />
        {results.isHeadquarters && (
          <Checkbox
            label={t("results.meetsStandards")}
            {...form.getInputProps("meetsStandards", { type: "checkbox" })}
          />
        )}
        <Group>
          <SubmitButton write={report} disabled={!results.complete} testId="report-submit">
            {t("results.report")}
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

export function ResultsPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation("readiness");
  const evaluation = useEvaluation(id);
  const results = useResults(id);
  const title = evaluation.data?.title ?? "";
  const exportUrl = (format: ExportFormat) =>
    `/api/readiness/evaluations/${id}/results/export${toQueryString({ format, lang: i18n.language })}`;
  return (
    <>
      <EvaluationPageHeader
        evaluationId={id}
        evaluationTitle={title}
        title={t("results.title")}
        actions={
          <Group gap="xs" data-print="hide">
            <Button variant="default" onClick={() => window.print()} data-testid="results-print">
              {t("authoring.print")}
            </Button>
            <ExportButtons
              href={exportUrl}
              labels={{ csv: t("authoring.exportCsv"), xlsx: t("authoring.exportXlsx") }}
              testId="results-export"
            />
            {evaluation.data?.state === "reported" && evaluation.data.permissions.plan && (
              <Button
                component={Link}
                variant="default"
                to={`/readiness/evaluations/new?previous=${id}&unit=${evaluation.data.unit.id}`}
              >
                {t("results.planReEvaluation")}
              </Button>
            )}
          </Group>
        }
      />
      <QueryBoundary query={evaluation}>
        {(e) => (
          <QueryBoundary query={results}>
            {(r) => (
              <Stack>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <Figure label={t("results.overall")}>
                    <Text size="xl" fw={700} data-testid="results-overall">
                      {r.overall.percent === null ? "—" : `${r.overall.percent} %`}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t("results.yes")} {r.overall.yes} · {t("results.no")} {r.overall.no} ·{" "}
                      {t("results.notEvaluated")} {r.overall.notEvaluated} · {t("results.unanswered")}{" "}
                      {r.overall.unanswered}
                    </Text>
                  </Figure>
                  <Figure label={t("results.computed")}>
                    <Group mt={4} data-testid="results-computed">
                      {r.computedOutcome ? (
                        <OutcomeBadge outcome={r.computedOutcome} />
                      ) : (
                        <Text size="sm">
                          {r.isHeadquarters ? t("results.noGrade") : t("results.incomplete")}
                        </Text>
                      )}
                    </Group>
                  </Figure>
                  <Figure label={t("results.recorded")}>
                    <Group mt={4} data-testid="results-outcome">
                      <OutcomeBadge outcome={r.outcome} />
                    </Group>
                    {r.summaryStatement && (
                      <Text size="sm" mt="xs" data-testid="results-statement">
                        {r.summaryStatement}
                      </Text>
                    )}
                  </Figure>
                </SimpleGrid>
                <Paper withBorder p="md">
                  <Text size="sm" c="dimmed" mb="sm">
                    {r.isHeadquarters
                      ? t("results.noGrade")
                      : t("results.passMark", { percent: r.passPercent })}
                  </Text>
                  <ScoreChart results={r} />
                  <PlainTable
                    minWidth={520}
                    mt="md"
                    data-testid="results-areas"
                    columns={labelsUnder(t, "results", ["area", "yes", "no", "notEvaluated", "percent"])}
                  >
                    {r.areas.map((area) => (
                      <Table.Tr key={area.areaId} data-testid={`area-${area.code}`}>
                        <Table.Td>
                          {area.code} · {area.title}
                        </Table.Td>
                        <Table.Td>{area.yes}</Table.Td>
                        <Table.Td>{area.no}</Table.Td>
                        <Table.Td>{area.notEvaluated}</Table.Td>
                        <Table.Td>
                          {area.percent === null ? "—" : `${area.percent} %`}{" "}
                          {area.passed !== null && (
                            <Badge size="xs" color={area.passed ? "teal" : "red"}>
                              {area.passed ? "✓" : "✗"}
                            </Badge>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </PlainTable>
                </Paper>
                {e.permissions.report && (
                  <Paper withBorder p="md" data-print="hide">
                    {!r.complete && (
                      <Alert color="yellow" mb="sm">
                        {t("results.incomplete")}
                      </Alert>
                    )}
                    <ReportForm evaluation={e} results={r} />
                  </Paper>
                )}
                <Findings evaluation={e} results={r} />
                <FollowUpActions evaluation={e} results={r} />
              </Stack>
            )}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}
