import "@mantine/charts/styles.css";
import "../print.css";
import { BarChart } from "@mantine/charts";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { toQueryString } from "../../../shared/api";
import { useFormat } from "../../../shared/i18n/format";
import {
  ExportButtons,
  type ExportFormat,
  formOutcome,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  QueryBoundary,
  RemoteSelect,
} from "../../../shared/ui";
import {
  fetchOrganisationOptions,
  useAddAction,
  useEvaluation,
  useReport,
  useResults,
  useUpdateAction,
} from "../api";
import { OutcomeBadge } from "../components/badges";
import { Findings } from "../components/findings-panel";
import type { EvaluationDetail, FollowUpAction, Results } from "../types";

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
        <Textarea
          label={t("results.summaryStatement")}
          autosize
          minRows={2}
          {...form.getInputProps("summaryStatement")}
        />
        {results.isHeadquarters && (
          <Checkbox
            label={t("results.meetsStandards")}
            {...form.getInputProps("meetsStandards", { type: "checkbox" })}
          />
        )}
        <Group>
          <Button
            type="submit"
            disabled={!results.complete}
            loading={report.isPending}
            data-testid="report-submit"
          >
            {t("results.report")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Actions({ evaluation, results }: { evaluation: EvaluationDetail; results: Results }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const add = useAddAction(evaluation.id);
  const update = useUpdateAction(evaluation.id);
  const form = useForm({
    initialValues: { title: "", dueOn: "", ownerOrganisationId: null as string | null },
  });
  const canWrite = evaluation.permissions.report;
  const canUpdate = evaluation.permissions.plan || evaluation.permissions.answer;
  const owner = (action: FollowUpAction) =>
    action.ownerOrganisation?.code ??
    (action.ownerPerson ? `${action.ownerPerson.givenName} ${action.ownerPerson.familyName}` : "");
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t("results.actions")}
      </Title>
      {results.actions.length === 0 ? (
        <Text c="dimmed">{t("results.noActions")}</Text>
      ) : (
        <PlainTable
          data-testid="actions-table"
          columns={[t("results.actionTitle"), t("results.owner"), t("results.dueOn"), t("results.status")]}
        >
          {results.actions.map((action) => (
            <Table.Tr key={action.id}>
              <Table.Td>{action.title}</Table.Td>
              <Table.Td>{owner(action)}</Table.Td>
              <Table.Td>
                {format.date(action.dueOn)}{" "}
                {action.overdue && (
                  <Badge color="red" size="xs">
                    {t("results.overdue")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  w={150}
                  disabled={!canUpdate}
                  allowDeselect={false}
                  value={action.status}
                  onChange={(value) =>
                    value &&
                    update.mutate(
                      { actionId: action.id, status: value as FollowUpAction["status"] },
                      { onError: (error) => notifyError(error, t) },
                    )
                  }
                  data={[action.status, ...action.allowedTransitions].map((s) => ({
                    value: s,
                    label: t(`results.actionStatuses.${s}`),
                  }))}
                  aria-label={t("results.status")}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </PlainTable>
      )}
      {canWrite && (
        <form
          onSubmit={form.onSubmit((values) =>
            add.mutate(
              values,
              formOutcome(form, t, () => form.reset()),
            ),
          )}
          noValidate
          data-print="hide"
        >
          <Group mt="md" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              label={t("results.actionTitle")}
              {...form.getInputProps("title")}
            />
            <RemoteSelect
              w={260}
              label={t("results.owner")}
              queryKey={["readiness", "organisation-options"]}
              fetchOptions={fetchOrganisationOptions}
              value={form.values.ownerOrganisationId}
              onChange={(value) => form.setFieldValue("ownerOrganisationId", value)}
              error={form.errors.ownerOrganisationId ?? form.errors.ownerPersonId}
            />
            <TextInput type="date" label={t("results.dueOn")} {...form.getInputProps("dueOn")} />
            <Button type="submit" loading={add.isPending}>
              {t("results.addAction")}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
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
      <PageHeader
        title={t("results.title")}
        documentTitle={`${t("results.title")} · ${title}`}
        breadcrumbs={[
          { label: t("evaluations.title"), to: "/readiness" },
          { label: title, to: `/readiness/evaluations/${id}` },
          { label: t("results.title") },
        ]}
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
                  <Paper withBorder p="md">
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t("results.overall")}
                    </Text>
                    <Text size="xl" fw={700} data-testid="results-overall">
                      {r.overall.percent === null ? "—" : `${r.overall.percent} %`}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t("results.yes")} {r.overall.yes} · {t("results.no")} {r.overall.no} ·{" "}
                      {t("results.notEvaluated")} {r.overall.notEvaluated} · {t("results.unanswered")}{" "}
                      {r.overall.unanswered}
                    </Text>
                  </Paper>
                  <Paper withBorder p="md">
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t("results.computed")}
                    </Text>
                    <Group mt={4} data-testid="results-computed">
                      {r.computedOutcome ? (
                        <OutcomeBadge outcome={r.computedOutcome} />
                      ) : (
                        <Text size="sm">
                          {r.isHeadquarters ? t("results.noGrade") : t("results.incomplete")}
                        </Text>
                      )}
                    </Group>
                  </Paper>
                  <Paper withBorder p="md">
                    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                      {t("results.recorded")}
                    </Text>
                    <Group mt={4} data-testid="results-outcome">
                      <OutcomeBadge outcome={r.outcome} />
                    </Group>
                    {r.summaryStatement && (
                      <Text size="sm" mt="xs" data-testid="results-statement">
                        {r.summaryStatement}
                      </Text>
                    )}
                  </Paper>
                </SimpleGrid>
                <Paper withBorder p="md">
                  <Text size="sm" c="dimmed" mb="sm">
                    {r.isHeadquarters
                      ? t("results.noGrade")
                      : t("results.passMark", { percent: r.passPercent })}
                  </Text>
                  <ScoreChart results={r} />
                  <PlainTable
                    mt="md"
                    data-testid="results-areas"
                    columns={[
                      t("results.area"),
                      t("results.yes"),
                      t("results.no"),
                      t("results.notEvaluated"),
                      t("results.percent"),
                    ]}
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
                <Actions evaluation={e} results={r} />
              </Stack>
            )}
          </QueryBoundary>
        )}
      </QueryBoundary>
    </>
  );
}
