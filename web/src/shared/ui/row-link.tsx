import { Anchor, type AnchorProps } from "@mantine/core";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

export interface RowLinkProps extends Omit<AnchorProps, "children"> {
  to: string;
  children: ReactNode;
}

/**
 * A link in a cell of a list whose rows open on a click: the click follows the link only, not the row's own
 * navigation as well.
 */
export function RowLink({ to, children, ...anchor }: RowLinkProps) {
  return (
    <Anchor component={Link} to={to} onClick={(event) => event.stopPropagation()} {...anchor}>
      {children}
    </Anchor>
  );
}
