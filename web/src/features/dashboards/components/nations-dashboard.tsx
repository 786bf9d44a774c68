import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { EmptyState, QueryBoundary } from "../../../shared/ui";
import {
  type Chart,
  type NationsDashboard as Figures,
  nationsCsv,
  type Span,
  useNationsDashboard,
} from "../api";
import { Bars, ChartCard, DashboardGrid, useColumnLabels } from "./chart-card";
import { useNamed } from "./nation-dashboard";

type NationRow = Figures["nations"][number];

const GOAL_STATUSES = ["proposed", "agreed", "in_progress", "achieved", "deferred", "cancelled"] as const;

/** The same figures for every nation the viewer has figures of, side by side (bars per nation). */
export function NationsDashboard({ span }: { span: Span }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const named = useNamed();
  const board = useNationsDashboard(span);
  const { column: c, columns, series } = useColumnLabels();
  const csv = (chart: Chart) => nationsCsv(span, chart, format.language);

  return (
    <QueryBoundary query={board}>
      {(data) => {
        if (data.nations.length === 0) return <EmptyState title={t("nations.empty")} />;
        const rows = data.nations;
        const currencies = [
          ...new Set(rows.flatMap((row) => row.contributions.map((money) => money.currency))),
        ];
        /** Bars of some figures per nation, and the table of the same figures, a row per nation. */
        const perNation = (figures: Record<string, (row: NationRow) => number>) => {
          const figured = Object.entries(figures);
          return {
            chart: (
              <Bars
                data={rows.map((row) => ({
                  nation: row.nation.code,
                  ...Object.fromEntries(figured.map(([key, figure]) => [key, figure(row)])),
                }))}
                dataKey="nation"
                series={series(...Object.keys(figures))}
              />
            ),
            columns: columns("nation", ...Object.keys(figures)),
            rows: rows.map((row) => [named(row.nation), ...figured.map(([, figure]) => figure(row))]),
          };
        };
        const usedStatuses = GOAL_STATUSES.filter((status) =>
          rows.some((row) => row.goals.some((goal) => goal.status === status)),
        );
        return (
          <DashboardGrid asOf={data.asOf} testId="nations-dashboard">
            <ChartCard
              id="programme"
              {...perNation({ planned: (row) => row.plannedItems, done: (row) => row.doneItems })}
              csvHref={csv("programme")}
            />
            <ChartCard
              id="participation"
              {...perNation({ events: (row) => row.eventsAttended, participants: (row) => row.participants })}
              csvHref={csv("participation")}
            />
            <ChartCard
              id="goals"
              chart={
                <Bars
                  stacked
                  data={rows.map((row) => ({
                    nation: row.nation.code,
                    ...Object.fromEntries(row.goals.map((goal) => [goal.status, goal.goals])),
                  }))}
                  dataKey="nation"
                  series={usedStatuses.map((status) => ({ name: status, label: t(`status.${status}`) }))}
                />
              }
              columns={columns("nation", "status", "goals")}
              rows={rows.flatMap((row) =>
                row.goals.map((goal) => [named(row.nation), t(`status.${goal.status}`), goal.goals]),
              )}
              csvHref={csv("goals")}
            />
            <ChartCard
              id="certifications"
              {...perNation({ held: (row) => row.certificationsHeld })}
              csvHref={csv("certifications")}
            />
            <ChartCard
              id="contributions"
              chart={
                <Bars
                  data={rows.map((row) => ({
                    nation: row.nation.code,
                    ...Object.fromEntries(
                      row.contributions.map((money) => [`paid ${money.currency}`, money.paid]),
                    ),
                  }))}
                  dataKey="nation"
                  series={currencies.map((currency) => ({
                    name: `paid ${currency}`,
                    label: `${c("paid")} (${currency})`,
                  }))}
                />
              }
              columns={columns("nation", "currency", "pledged", "paid")}
              rows={rows.flatMap((row) =>
                row.contributions.map((money) => [
                  named(row.nation),
                  money.currency,
                  format.number(money.pledged),
                  format.number(money.paid),
                ]),
              )}
              csvHref={csv("contributions")}
            />
          </DashboardGrid>
        );
      }}
    </QueryBoundary>
  );
}
