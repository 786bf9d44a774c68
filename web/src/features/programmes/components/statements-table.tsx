import { Table, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import type { Statement } from "../types";
import { SampleBadge } from "./shared";

export function StatementsTable({
  statements,
  remove,
}: {
  statements: Statement[];
  /** The control that removes a statement (its owner's editors only). */
  remove?: (statement: Statement) => ReactNode;
}) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  if (statements.length === 0)
    return (
      <Text c="dimmed" size="sm">
        {t("plans.undated")}
      </Text>
    );
  return (
    <Table withRowBorders={false} verticalSpacing={2} data-testid="period-statements">
      <Table.Tbody>
        {statements.map((statement) => (
          <Table.Tr key={statement.id} data-testid={`statement-${statement.source}`}>
            <Table.Td w={220}>
              {format.date(statement.startsOn, statement.startPrecision)} –{" "}
              {statement.endsOn
                ? format.date(statement.endsOn, statement.endPrecision)
                : t("timeline.ongoing")}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {statement.source} <SampleBadge sample={statement.sample} />
              </Text>
            </Table.Td>
            {remove && <Table.Td ta="right">{remove(statement)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
