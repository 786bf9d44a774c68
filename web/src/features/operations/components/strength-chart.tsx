import "@mantine/charts/styles.css";
import { AreaChart } from "@mantine/charts";
import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { CHART_COLOURS, QueryBoundary, SectionCard } from "../../../shared/ui";
import { useStrength } from "../api";
import { STRENGTH_CATEGORIES, type StrengthPoint } from "../types";

const COLORS = [...CHART_COLOURS, "yellow.6", "gray.6"];

/** The section of a page with the strength over time of an operation's contingents, or of one nation's. */
export function StrengthSection({ filter }: { filter: Parameters<typeof useStrength>[0] }) {
  const { t } = useTranslation("operations");
  const strength = useStrength(filter);
  return (
    <SectionCard title={t("operations.strength")}>
      <QueryBoundary query={strength}>{(series) => <StrengthChart points={series.points} />}</QueryBoundary>
    </SectionCard>
  );
}

/** Strength by category over time, as steps: the strength holds from one change to the next. */
export function StrengthChart({ points }: { points: StrengthPoint[] }) {
  const { t } = useTranslation("operations");
  const format = useFormat();
  if (points.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="strength-empty">
        {t("operations.noStrength")}
      </Text>
    );
  }
  const used = STRENGTH_CATEGORIES.filter((category) =>
    points.some((point) => point.byCategory.some((s) => s.category === category && s.count > 0)),
  );
  // A time axis: dates as milliseconds, so years take their true width.
  const data = points.map((point) => {
    const row: Record<string, number> = { date: Date.parse(point.date), total: point.total };
    for (const category of used) {
      row[category] = point.byCategory.find((s) => s.category === category)?.count ?? 0;
    }
    return row;
  });
  // Open-ended rotations still serve today: carry the last strength to today.
  const last = data[data.length - 1]!;
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  if (last.total! > 0 && last.date! < today) data.push({ ...last, date: today });
  // Recharts asks for a label even when no point is hovered.
  const day = (value: unknown) => {
    const date = new Date(Number(value));
    return Number.isNaN(date.getTime()) ? "" : format.date(date.toISOString().slice(0, 10));
  };

  return (
    <div data-testid="strength-chart">
      <AreaChart
        h={280}
        data={data}
        dataKey="date"
        type="stacked"
        curveType="stepAfter"
        withDots={false}
        withLegend
        xAxisProps={{
          type: "number",
          scale: "time",
          domain: ["dataMin", "dataMax"],
          tickFormatter: (value: number) => String(new Date(value).getUTCFullYear()),
        }}
        tooltipProps={{ labelFormatter: day }}
        series={used.map((category, index) => ({
          name: category,
          label: t(`categories.${category}`),
          color: COLORS[index % COLORS.length]!,
        }))}
      />
      <Text size="xs" c="dimmed" mt="xs" data-testid="strength-latest">
        {t("total")}: {points[points.length - 1]!.total}
      </Text>
    </div>
  );
}
