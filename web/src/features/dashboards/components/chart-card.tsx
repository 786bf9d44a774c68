import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import { Button, Card, Collapse, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconDownload, IconTable } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";

export const SERIES_COLOURS = [
  "indigo.6",
  "teal.6",
  "orange.6",
  "grape.6",
  "cyan.6",
  "lime.6",
  "pink.6",
  "gray.6",
];

export type Cell = string | number;

/**
 * One chart with the table of its figures (shown on request, always in the page for screen readers and tests)
 * and the CSV the server builds from the same figures.
 */
export function ChartCard(props: {
  id: string;
  title: string;
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
            {props.title}
          </Title>
          <Group gap="xs">
            {props.extra}
            <Button
              size="compact-xs"
              variant="default"
              leftSection={<IconTable size={14} />}
              onClick={() => setTableShown((shown) => !shown)}
              aria-expanded={tableShown}
              data-testid={`chart-${props.id}-table-toggle`}
            >
              {t("table")}
            </Button>
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

/** Bars of one or more series over a category key (years, areas, nations). */
export function Bars(props: {
  data: Record<string, string | number>[];
  dataKey: string;
  series: { name: string; label: string }[];
  stacked?: boolean;
}) {
  return (
    <BarChart
      h={240}
      data={props.data}
      dataKey={props.dataKey}
      type={props.stacked ? "stacked" : "default"}
      withLegend
      series={props.series.map((series, index) => ({
        ...series,
        color: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
      }))}
    />
  );
}

export function Lines(props: {
  data: Record<string, string | number>[];
  dataKey: string;
  series: { name: string; label: string }[];
}) {
  return (
    <LineChart
      h={240}
      data={props.data}
      dataKey={props.dataKey}
      withLegend
      curveType="linear"
      series={props.series.map((series, index) => ({
        ...series,
        color: SERIES_COLOURS[index % SERIES_COLOURS.length]!,
      }))}
    />
  );
}
