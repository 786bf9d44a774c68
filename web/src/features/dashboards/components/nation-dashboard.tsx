import { SegmentedControl } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { QueryBoundary } from "../../../shared/ui";
import { nationCsv, type Span, useNationDashboard } from "../api";
import { Bars, ChartCard, DashboardGrid, Lines, useColumnLabels } from "./chart-card";

type Named = { nameEn: string; nameAz?: string | null; nameRu?: string | null };

export function useNamed() {
  const format = useFormat();
  return (row: Named) =>
    (format.language === "az" ? row.nameAz : format.language === "ru" ? row.nameRu : null) ?? row.nameEn;
}

/** A nation's five charts, each with its table and CSV. */
export function NationDashboard({ nationId, span }: { nationId: string; span: Span }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  const named = useNamed();
  const board = useNationDashboard(nationId, span);
  const [programmeBy, setProgrammeBy] = useState<"year" | "area">("year");
  const { column: c, columns, series } = useColumnLabels();
  const csv = (chart: Parameters<typeof nationCsv>[2]) => nationCsv(nationId, span, chart, format.language);

  return (
    <QueryBoundary query={board}>
      {(data) => {
        const areaName = new Map(data.areas.map((area) => [area.code, named(area)]));
        const byKey = new Map<string, { key: string; planned: number; done: number }>();
        for (const row of data.programme) {
          const key =
            programmeBy === "year" ? String(row.year) : (areaName.get(row.areaCode) ?? row.areaCode);
          const total = byKey.get(key) ?? { key, planned: 0, done: 0 };
          total.planned += row.planned;
          total.done += row.done;
          byKey.set(key, total);
        }
        const currencies = [...new Set(data.contributions.map((row) => row.currency))];
        const money = [...new Set(data.contributions.map((row) => row.year))].map((year) => {
          const point: Record<string, number> = { year };
          for (const row of data.contributions.filter((r) => r.year === year)) {
            point[`pledged ${row.currency}`] = row.pledged;
            point[`paid ${row.currency}`] = row.paid;
          }
          return point;
        });
        return (
          <DashboardGrid asOf={data.asOf} testId="nation-dashboard">
            <ChartCard
              id="programme"
              extra={
                <SegmentedControl
                  size="xs"
                  value={programmeBy}
                  onChange={(value) => setProgrammeBy(value as "year" | "area")}
                  data={[
                    { value: "year", label: t("charts.programmeByYear") },
                    { value: "area", label: t("charts.programmeByArea") },
                  ]}
                />
              }
              chart={<Bars data={[...byKey.values()]} dataKey="key" series={series("planned", "done")} />}
              columns={columns("year", "area", "planned", "done")}
              rows={data.programme.map((row) => [
                row.year,
                areaName.get(row.areaCode) ?? row.areaCode,
                row.planned,
                row.done,
              ])}
              csvHref={csv("programme")}
            />
            <ChartCard
              id="participation"
              chart={
                <Lines
                  data={data.participation}
                  dataKey="year"
                  series={[
                    { name: "eventsAttended", label: c("events") },
                    { name: "participants", label: c("participants") },
                  ]}
                />
              }
              columns={columns("year", "events", "participants")}
              rows={data.participation.map((row) => [row.year, row.eventsAttended, row.participants])}
              csvHref={csv("participation")}
            />
            <ChartCard
              id="goals"
              chart={
                <Bars
                  data={data.goals.map((row) => ({ status: t(`status.${row.status}`), goals: row.goals }))}
                  dataKey="status"
                  series={series("goals")}
                />
              }
              columns={columns("status", "goals")}
              rows={data.goals.map((row) => [t(`status.${row.status}`), row.goals])}
              csvHref={csv("goals")}
            />
            <ChartCard
              id="certifications"
              chart={
                <Bars
                  data={data.certifications.map((row) => ({ name: named(row), held: row.held }))}
                  dataKey="name"
                  series={series("held")}
                />
              }
              columns={columns("qualification", "held")}
              rows={data.certifications.map((row) => [named(row), row.held])}
              csvHref={csv("certifications")}
            />
            <ChartCard
              id="contributions"
              chart={
                <Bars
                  data={money}
                  dataKey="year"
                  series={currencies.flatMap((currency) => [
                    { name: `pledged ${currency}`, label: `${c("pledged")} (${currency})` },
                    { name: `paid ${currency}`, label: `${c("paid")} (${currency})` },
                  ])}
                />
              }
              columns={columns("year", "currency", "pledged", "paid")}
              rows={data.contributions.map((row) => [
                row.year,
                row.currency,
                format.number(row.pledged),
                format.number(row.paid),
              ])}
              csvHref={csv("contributions")}
            />
          </DashboardGrid>
        );
      }}
    </QueryBoundary>
  );
}
