import { Group, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  EmptyState,
  ListPageHeader,
  listSwitch,
  NewRecordLink,
  RowLink,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { useEvaluations } from "../api";
import { OutcomeBadge, StateBadge } from "../components/badges";
import type { EvaluationSummary } from "../types";

const evaluationPath = (record: { id: string }) => `/readiness/evaluations/${record.id}`;

export function EvaluationsListPage() {
  const { t } = useTranslation("readiness");
  const format = useFormat();
  const permissions = usePermissions();
  const list = useListParams({ defaultSort: "-startsOn", filters: ["mine"] as const });
  const mine = list.filters.mine === "1";
  const query = { limit: list.limit, offset: list.offset, ...(mine ? { mine: true } : {}) };
  const evaluations = useEvaluations(query);
  const canPlan = permissions.hasAnyRole("administrator", "national_coordinator", "organiser");

  const columns: DataTableColumn<EvaluationSummary>[] = [
    {
      key: "title",
      header: t("planForm.titleField"),
      render: (e) => <RowLink to={evaluationPath(e)}>{e.title}</RowLink>,
    },
    {
      key: "unit",
      header: t("evaluations.unit"),
      render: (e) => (
        <RowLink to={`/readiness/units/${e.unit.id}`} size="sm">
          {e.unit.code}
        </RowLink>
      ),
    },
    { key: "kind", header: t("evaluations.kind"), render: (e) => t(`kinds.${e.kind}`) },
    {
      key: "dates",
      header: t("evaluations.dates"),
      render: (e) => `${format.date(e.startsOn)} – ${format.date(e.endsOn)}`,
    },
    { key: "state", header: t("evaluations.state"), render: (e) => <StateBadge state={e.state} /> },
    {
      key: "progress",
      header: t("evaluations.progress"),
      align: "right",
      render: (e) => `${e.answered} / ${e.criteria}`,
    },
    { key: "outcome", header: t("evaluations.outcome"), render: (e) => <OutcomeBadge outcome={e.outcome} /> },
  ];

  return (
    <>
      <ListPageHeader
        title={t("evaluations.title")}
        description={t("evaluations.description")}
        download={{ kind: "evaluations", filters: query }}
      >
        {canPlan && (
          <NewRecordLink to="/readiness/evaluations/new" testId="evaluation-plan">
            {t("evaluations.plan")}
          </NewRecordLink>
        )}
      </ListPageHeader>
      <Stack>
        <Group>
          <Switch
            label={t("evaluations.mine")}
            {...listSwitch(list, "mine", "1")}
            data-testid="evaluations-mine"
          />
        </Group>
        <RecordListTable
          query={evaluations}
          list={list}
          data-testid="evaluations-table"
          columns={columns}
          rowTestId={(e) => `evaluation-row-${e.id}`}
          recordPath={evaluationPath}
          empty={<EmptyState title={t("evaluations.empty")} />}
        />
      </Stack>
    </>
  );
}
