import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RemoveRowButton, type RemoveRowButtonProps } from "./remove-row-button";

export interface RemoveRowCellProps extends RemoveRowButtonProps {
  /** Whether the reader may remove the row; without the right there is no cell at all. */
  show: boolean;
}

/**
 * The last, right-aligned cell of a table row that its editor may remove: a RemoveRowButton that notifies
 * "deleted" unless told otherwise.
 */
export function RemoveRowCell({ show, ...button }: RemoveRowCellProps) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <Table.Td ta="right">
      <RemoveRowButton success={t("common:notify.deleted")} {...button} />
    </Table.Td>
  );
}
