import { Anchor, Button, Paper, Stack, Table } from "@mantine/core";
import { IconChartBar, IconChecklist } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DetailList,
  PageHeader,
  PlainTable,
  PrintReportButton,
  RecordPage,
  ReleasabilityBadge,
  SectionCard,
} from "../../../shared/ui";
import { useEvaluation, useUpdateEvaluation } from "../api";
import { OutcomeBadge, StateBadge } from "../components/badges";
import { TeamSection } from "../components/team-section";
import type { EvaluationDetail } from "../types";

export function EvaluationDetailPage() {
  return <RecordPage useRecord={useEvaluation}>{(e) => <EvaluationView evaluation={e} />}</RecordPage>;
}

function EvaluationView({ evaluation: e }: { evaluation: EvaluationDetail }) {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const update = useUpdateEvaluation(e.id);
  return (
    <>
      <PageHeader
        title={e.title}
        badges={
          <>
            <StateBadge state={e.state} />
            <OutcomeBadge outcome={e.outcome} />
            <ReleasabilityBadge level={e.releasability} />
          </>
        }
        breadcrumbs={[{ label: t("evaluations.title"), to: "/readiness" }, { label: e.title }]}
        actions={
          <>
            <PrintReportButton
              href={`/api/readiness/evaluations/${e.id}/report.pdf`}
              testId="evaluation-report-pdf"
            />
            {e.permissions.plan && e.state === "planned" && (
              <Button
                variant="default"
                onClick={() => update.mutate({ state: "in_progress" })}
                data-testid="evaluation-start"
              >
                {t("detail.start")}
              </Button>
            )}
            <Button
              component={Link}
              to={`/readiness/evaluations/${e.id}/checklist`}
              leftSection={<IconChecklist size={16} />}
              data-testid="open-checklist"
            >
              {t("detail.openChecklist")}
            </Button>
            <Button
              component={Link}
              variant="light"
              to={`/readiness/evaluations/${e.id}/results`}
              leftSection={<IconChartBar size={16} />}
              data-testid="open-results"
            >
              {t("detail.results")}
            </Button>
          </>
        }
      />
      <Stack>
        <Paper withBorder p="md">
          <DetailList
            items={[
              {
                label: t("evaluations.unit"),
                value: (
                  <Anchor component={Link} to={`/readiness/units/${e.unit.id}`}>
                    {e.unit.code} · {e.unit.nameEn}
                  </Anchor>
                ),
              },
              { label: t("evaluations.kind"), value: t(`kinds.${e.kind}`) },
              {
                label: t("evaluations.dates"),
                value: `${format.date(e.startsOn)} – ${format.date(e.endsOn)}`,
              },
              {
                label: t("detail.checklist"),
                value: t("detail.version", {
                  code: e.checklistVersion.templateCode,
                  version: e.checklistVersion.version,
                }),
              },
              {
                label: t("evaluations.progress"),
                value: `${e.answered} / ${e.criteria}`,
                testId: "evaluation-progress",
              },
              { label: t("detail.evaluatingOrganisation"), value: e.evaluatingOrganisation?.code },
              {
                label: t("detail.previous"),
                value: e.previousEvaluationId && (
                  <Anchor component={Link} to={`/readiness/evaluations/${e.previousEvaluationId}`}>
                    {t("detail.previous")}
                  </Anchor>
                ),
              },
              {
                label: t("detail.reEvaluations"),
                value: e.reEvaluations.map((r) => (
                  <Anchor key={r.id} component={Link} to={`/readiness/evaluations/${r.id}`} display="block">
                    {r.title}
                  </Anchor>
                )),
              },
            ]}
          />
        </Paper>
        <SectionCard title={t("phases.title")} radius="sm">
          <PlainTable>
            {e.phases.map((phase) => (
              <Table.Tr key={phase.phase}>
                <Table.Td>{t(`phases.${phase.phase}`)}</Table.Td>
                <Table.Td>
                  {format.date(phase.startsOn)} – {format.date(phase.endsOn)}
                </Table.Td>
              </Table.Tr>
            ))}
          </PlainTable>
        </SectionCard>
        <TeamSection evaluation={e} />
      </Stack>
    </>
  );
}
