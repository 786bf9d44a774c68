import { Anchor, type AnchorProps, Table } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export interface LinkCellProps extends AnchorProps {
  /** The page the cell's text opens. */
  to: string;
  children: ReactNode;
}

/** A table cell whose text (a code, a name) links to the record of its row. */
export function LinkCell({ to, children, ...anchor }: LinkCellProps) {
  return (
    <Table.Td>
      <Anchor component={Link} to={to} {...anchor}>
        {children}
      </Anchor>
    </Table.Td>
  );
}
