import { type TProperties, Type } from "typebox";
import { PageQuery } from "./schemas.js";

/** The query of a list endpoint: its own filters, then `limit` and `offset`, and no other parameter. */
export const PagedQuery = <P extends TProperties>(filters: P) =>
  Type.Object({ ...filters, ...PageQuery }, { additionalProperties: false });
