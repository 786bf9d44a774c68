import "./audit.policy.js";
import { Readable } from "node:stream";
import { authorize } from "../../platform/access/policy.js";
import { validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { CSV_COLUMNS, csvLine, entryLine } from "./audit.csv.js";
import * as queries from "./audit.queries.js";
import type { AuditExportQuery, AuditQuery } from "./audit.schemas.js";

function checkRange(filters: { from?: string; to?: string }) {
  if (filters.from && filters.to && Date.parse(filters.to) < Date.parse(filters.from)) {
    throw validation("query.to", "must not be before query.from");
  }
}

export async function listEntries(ctx: Ctx, query: AuditQuery) {
  authorize(ctx.viewer, "audit.read");
  checkRange(query);
  return paged(query, await queries.listAuditEntries(ctx.db, query));
}

/** The matching entries as CSV, streamed batch by batch, oldest first. */
export function exportEntries(ctx: Ctx, query: AuditExportQuery): Readable {
  authorize(ctx.viewer, "audit.read");
  checkRange(query);
  async function* lines() {
    yield `\ufeff${csvLine([...CSV_COLUMNS])}`;
    for await (const batch of queries.auditEntriesInBatches(ctx.db, query))
      yield batch.map(entryLine).join("");
  }
  return Readable.from(lines());
}

export async function verifyChain(ctx: Ctx) {
  authorize(ctx.viewer, "audit.verify");
  return queries.verifyAuditChain(ctx.db);
}
