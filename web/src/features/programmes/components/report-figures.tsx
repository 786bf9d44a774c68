import { BarChart } from "@mantine/charts";
import "@mantine/charts/styles.css";
import { Group, Stack, Text } from "@mantine/core";
import { DimmedText } from "../../../shared/ui";

export interface ReportFigure {
  label: string;
  value: string | number;
  testId?: string;
  /** A colour for a figure that calls for attention. */
  color?: string;
}

/** A report's headline figures in a row, each its label over its value. */
export function ReportFigures({ figures, size }: { figures: ReportFigure[]; size?: "lg" }) {
  return (
    <Group gap="xl" mb="md">
      {figures.map((figure) => (
        <Stack gap={0} key={figure.label}>
          <DimmedText size="xs">{figure.label}</DimmedText>
          <Text fw={700} size={size} c={figure.color} data-testid={figure.testId}>
            {figure.value}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

/** Bars of a report's figures by area of cooperation, one series a figure; nothing while there is no area. */
export function AreaBars<K extends string>({
  h,
  areas,
  series,
}: {
  h: number;
  areas: ({ areaName: string } & Record<K, number>)[];
  series: { name: K; label: string; color: string }[];
}) {
  if (areas.length === 0) return null;
  return (
    <BarChart
      h={h}
      data={areas.map((area) => ({
        area: area.areaName,
        ...Object.fromEntries(series.map(({ name }) => [name, area[name]])),
      }))}
      dataKey="area"
      withLegend
      series={series}
    />
  );
}
