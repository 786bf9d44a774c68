import type { TProperties } from "typebox";
import { PageQuery, StrictObject } from "./schemas.js";

/** The query of a list endpoint: its own filters, then `limit` and `offset`, and no other parameter. */
export const PagedQuery = <P extends TProperties>(filters: P) => StrictObject({ ...filters, ...PageQuery });
