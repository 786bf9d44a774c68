import { Anchor, type AnchorProps } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export interface RowLinkProps extends AnchorProps {
  to: string;
  children: ReactNode;
  "data-testid"?: string;
}

/**
 * A link inside a row that is itself clickable (a list whose rows open their record): the link's click stays
 * with the link, so the row does not navigate as well.
 */
export function RowLink({ to, children, ...anchor }: RowLinkProps) {
  return (
    <Anchor component={Link} to={to} onClick={(event) => event.stopPropagation()} {...anchor}>
      {children}
    </Anchor>
  );
}
