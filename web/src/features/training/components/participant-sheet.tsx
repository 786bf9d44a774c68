import { Button, Group, ScrollArea, Table } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../../shared/ui";
import { personName } from "../local";
import type { Participant, RunDetail } from "../types";

/** What a sheet holds: per participant (nomination id), per column key, the value entered. */
export type SheetValues<V> = Record<string, Record<string, V>>;

/** The sheet with one participant's value in one column changed, the rest kept as they were. */
export function withSheetValue<V>(sheet: SheetValues<V>, nominationId: string, column: string, value: V) {
  return { ...sheet, [nominationId]: { ...sheet[nominationId], [column]: value } };
}

/** A participant as the run's sheets and tables name them: the name, then the nation's code. */
export const participantLabel = (participant: Participant) =>
  `${personName(participant.person)} (${participant.person.nationCode})`;

/** How a sheet's entries are written: one entry per participant per column, all at once. */
export interface SheetSave<C, E> {
  testId: string;
  label: ReactNode;
  action: UseMutationResult<RunDetail, Error, { entries: E[] }>;
  /** One participant's entry in one column, as it stands when the button is pressed. */
  entry: (participant: Participant, column: C) => E;
  /** Further controls beside the save button (the sign-off). */
  beside?: ReactNode;
}

export interface ParticipantSheetProps<C, E> {
  testId: string;
  participants: Participant[];
  /** The columns across the top: the run's sessions (attendance) or its assessment's components (results). */
  columns: C[];
  columnKey: (column: C) => string;
  columnHead: (column: C) => ReactNode;
  /** The input of one participant in one column; `row` and `index` are their places, for test ids. */
  cell: (participant: Participant, column: C, row: number, index: number) => ReactNode;
  /** Centres the columns' heads and cells (the attendance ticks). */
  centred?: boolean;
  /** Heads of computed columns after the entered ones, and their cells in each participant's row. */
  trailingHeads?: ReactNode;
  trailingCells?: (participant: Participant) => ReactNode;
  rowTestId?: (row: number) => string;
  /** The save button under the sheet; false while the sheet is read only. */
  save?: SheetSave<C, E> | false;
}

/**
 * A sheet of a run's participants down the side and one column of inputs per session or assessment component:
 * the attendance and the results tabs enter their values on the same grid.
 */
export function ParticipantSheet<C, E>({
  testId,
  participants,
  columns,
  columnKey,
  columnHead,
  cell,
  centred = false,
  trailingHeads,
  trailingCells,
  rowTestId,
  save,
}: ParticipantSheetProps<C, E>) {
  const { t } = useTranslation("training");
  const align = centred ? "center" : undefined;
  return (
    <>
      <ScrollArea>
        <Table striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("run.participant")}</Table.Th>
              {columns.map((column) => (
                <Table.Th key={columnKey(column)} ta={align}>
                  {columnHead(column)}
                </Table.Th>
              ))}
              {trailingHeads}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {participants.map((participant, row) => (
              <Table.Tr key={participant.nominationId} data-testid={rowTestId?.(row)}>
                <Table.Td>{participantLabel(participant)}</Table.Td>
                {columns.map((column, index) => (
                  <Table.Td key={columnKey(column)} ta={align}>
                    {cell(participant, column, row, index)}
                  </Table.Td>
                ))}
                {trailingCells?.(participant)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {save && (
        <Group>
          <Button
            data-testid={save.testId}
            loading={save.action.isPending}
            onClick={() =>
              save.action.mutate(
                {
                  entries: participants.flatMap((participant) =>
                    columns.map((column) => save.entry(participant, column)),
                  ),
                },
                { onSuccess: () => notifySuccess(t("run.saved")), onError: (e) => notifyError(e, t) },
              )
            }
          >
            {save.label}
          </Button>
          {save.beside}
        </Group>
      )}
    </>
  );
}
