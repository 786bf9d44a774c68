import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Button, Card, Collapse, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconTable } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { CHART_COLOURS, RowActionButton } from "../../../shared/ui";
import type { Chart } from "../api";

export const SERIES_COLOURS = [...CHART_COLOURS, "gray.6"];

export type Cell = string | number;
type Series = { name: string; label: string }[];

/** A dashboard's charts under the line that dates their figures. */
export function DashboardGrid(props: { asOf: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation("dashboards");
  const format = useFormat();
  return (
    <>
      <Text size="xs" c="dimmed" mb="sm" data-testid="dashboard-as-of">
        {t("asOf", { date: format.date(props.asOf) })}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} data-testid={props.testId}>
        {props.children}
      </SimpleGrid>
    </>
  );
}

/** The labels of figures' columns (`columns.<key>`), and series named by the keys of their columns. */
export function useColumnLabels() {
  const { t } = useTranslation("dashboards");
  const column = (key: string) => t(`columns.${key}`);
  const series = (...keys: string[]): Series => keys.map((name) => ({ name, label: column(name) }));
  const columns = (...keys: string[]) => keys.map(column);
  return { column, columns, series };
}

/**
 * One chart with the table of its figures (shown on request, always in the page for screen readers and tests)
 * and the CSV the server builds from the same figures.
 */
export function ChartCard(props: {
  id: Chart;
  chart: ReactNode;
  columns: string[];
  rows: Cell[][];
  csvHref: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation("dashboards");
  const [tableShown, setTableShown] = useState(false);
  return (
    <Card withBorder padding="md" data-testid={`chart-${props.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {t(`charts.${props.id}`)}
          </Title>
          <Group gap="xs">
            {props.extra}
            <RowActionButton
              variant="default"
              leftSection={<IconTable size={14} />}
              onClick={() => setTableShown((shown) => !shown)}
              aria-expanded={tableShown}
              testId={`chart-${props.id}-table-toggle`}
            >
              {t("table")}
            </RowActionButton>
            <Button
              component="a"
              size="compact-xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              href={props.csvHref}
              download
              data-testid={`chart-${props.id}-csv`}
            >
              {t("csv")}
            </Button>
          </Group>
        </Group>
        {props.rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid={`chart-${props.id}-empty`}>
            {t("noData")}
          </Text>
        ) : (
          props.chart
        )}
        <Collapse expanded={tableShown}>
          <Table striped withTableBorder fz="sm" data-testid={`chart-${props.id}-table`}>
            <Table.Thead>
              <Table.Tr>
                {props.columns.map((column) => (
                  <Table.Th key={column}>{column}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows of figures have no identity of their own
                <Table.Tr key={index}>
                  {row.map((cell, column) => (
                    <Table.Td key={props.columns[column]}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Collapse>
      </Stack>
    </Card>
  );
}

const coloured = (series: Series) =>
  series.map((one, index) => ({ ...one, color: SERIES_COLOURS[index % SERIES_COLOURS.length]! }));

/** Bars of one or more series over a category key (years, areas, nations). */
export function Bars(props: {
  data: Record<string, string | number>[];
  dataKey: string;
  series: Series;
  stacked?: boolean;
}) {
  return (
    <BarChart
      h={240}
      data={props.data}
      dataKey={props.dataKey}
      type={props.stacked ? "stacked" : "default"}
      withLegend
      series={coloured(props.series)}
    />
  );
}

export function Lines(props: { data: Record<string, string | number>[]; dataKey: string; series: Series }) {
  return (
    <LineChart
      h={240}
      data={props.data}
      dataKey={props.dataKey}
      withLegend
      curveType="linear"
      series={coloured(props.series)}
    />
  );
}
