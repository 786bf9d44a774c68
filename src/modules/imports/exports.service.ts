import { AppError } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { type ExportFile, exportList, type ListExport } from "../../platform/list-export.js";
import { auditExports } from "../audit/index.js";
import { catalogueExports } from "../catalogue/index.js";
import { directoryExports } from "../directory/index.js";
import { meetingsExports } from "../meetings/index.js";
import { operationsExports } from "../operations/index.js";
import { programmesExports } from "../programmes/index.js";
import { readinessExports } from "../readiness/index.js";
import { trainingExports } from "../training/index.js";

/**
 * The lists that export, as each capability declares them (`<module>.exports.ts`: the list's own query schema,
 * service call and columns). `GET /api/exports/<kind>` and `accord export <kind>` are made from this table; the
 * export answers every page of exactly what the list answers for the same filters, to the same viewer.
 */
export const LIST_EXPORTS: readonly ListExport[] = [
  ...directoryExports,
  ...catalogueExports,
  ...programmesExports,
  ...readinessExports,
  ...trainingExports,
  ...operationsExports,
  ...meetingsExports,
  ...auditExports,
];

export type { ExportFile };

export function findExport(kind: string): ListExport | undefined {
  return LIST_EXPORTS.find((list) => list.kind === kind);
}

/** The export of one list; `query` has been checked against that list's export query (`list.query`). */
export function exportOf(ctx: Ctx, kind: string, query: Record<string, unknown>): Promise<ExportFile> {
  const list = findExport(kind);
  if (!list)
    throw new AppError("NOT_FOUND", `No export named ${kind}`, [{ field: "kind", message: "unknown" }]);
  return exportList(ctx, list, query);
}
