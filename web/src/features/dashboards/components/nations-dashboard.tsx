import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { EmptyState, QueryBoundary } from "../../../shared/ui";
import { type Chart, nationsCsv, type Span, useNationsDashboard } from "../api";
import { Bars, ChartCard } from "./chart-card";
import { useNamed } from "./nation-dashboard";

const GOAL_STATUSES = ["proposed", "agreed", "in_progress", "achieved", "deferred", "cancelled"] as const;

/** The same figures for every nation the viewer has figures of, side by side (bars per nation). */
export function NationsDashboard({ span }: { span: Span }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const named = useNamed();
  const board = useNationsDashboard(span);
  const c = (key: string) => t(`columns.${key}`);
  const csv = (chart: Chart) => nationsCsv(span, chart, format.language);

  return (
    <QueryBoundary query={board}>
      {(data) => {
        if (data.nations.length === 0) return <EmptyState title={t("nations.empty")} />;
        const rows = data.nations;
        const currencies = [
          ...new Set(rows.flatMap((row) => row.contributions.map((money) => money.currency))),
        ];
        const usedStatuses = GOAL_STATUSES.filter((status) =>
          rows.some((row) => row.goals.some((goal) => goal.status === status)),
        );
        return (
          <>
            <Text size="xs" c="dimmed" mb="sm" data-testid="dashboard-as-of">
              {t("asOf", { date: format.date(data.asOf) })}
            </Text>
            <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid="nations-dashboard">
              <ChartCard
                id="programme"
                title={t("charts.programme")}
                chart={
                  <Bars
                    data={rows.map((row) => ({
                      nation: row.nation.code,
                      planned: row.plannedItems,
                      done: row.doneItems,
                    }))}
                    dataKey="nation"
                    series={[
                      { name: "planned", label: c("planned") },
                      { name: "done", label: c("done") },
                    ]}
                  />
                }
                columns={[c("nation"), c("planned"), c("done")]}
                rows={rows.map((row) => [named(row.nation), row.plannedItems, row.doneItems])}
                csvHref={csv("programme")}
              />
              <ChartCard
                id="participation"
                title={t("charts.participation")}
                chart={
                  <Bars
                    data={rows.map((row) => ({
                      nation: row.nation.code,
                      events: row.eventsAttended,
                      participants: row.participants,
                    }))}
                    dataKey="nation"
                    series={[
                      { name: "events", label: c("events") },
                      { name: "participants", label: c("participants") },
                    ]}
                  />
                }
                columns={[c("nation"), c("events"), c("participants")]}
                rows={rows.map((row) => [named(row.nation), row.eventsAttended, row.participants])}
                csvHref={csv("participation")}
              />
              <ChartCard
                id="goals"
                title={t("charts.goals")}
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
                columns={[c("nation"), c("status"), c("goals")]}
                rows={rows.flatMap((row) =>
                  row.goals.map((goal) => [named(row.nation), t(`status.${goal.status}`), goal.goals]),
                )}
                csvHref={csv("goals")}
              />
              <ChartCard
                id="certifications"
                title={t("charts.certifications")}
                chart={
                  <Bars
                    data={rows.map((row) => ({ nation: row.nation.code, held: row.certificationsHeld }))}
                    dataKey="nation"
                    series={[{ name: "held", label: c("held") }]}
                  />
                }
                columns={[c("nation"), c("held")]}
                rows={rows.map((row) => [named(row.nation), row.certificationsHeld])}
                csvHref={csv("certifications")}
              />
              <ChartCard
                id="contributions"
                title={t("charts.contributions")}
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
                columns={[c("nation"), c("currency"), c("pledged"), c("paid")]}
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
            </SimpleGrid>
          </>
        );
      }}
    </QueryBoundary>
  );
}
