import { Table, Text } from "@mantine/core";
import { useFormat } from "../../../shared/i18n/format";

/** The table cell of a period's end: its date, or, while the period is still open, the word for that. */
export function EndDateCell({ endedOn, openLabel }: { endedOn: string | null; openLabel: string }) {
  const format = useFormat();
  return (
    <Table.Td>
      {endedOn ? (
        format.date(endedOn)
      ) : (
        <Text size="sm" c="teal" fs="italic">
          {openLabel}
        </Text>
      )}
    </Table.Td>
  );
}
