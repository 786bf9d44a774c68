import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { AuditEntry, AuditExportQuery, AuditQuery, ChainVerdict } from "./audit.schemas.js";
import * as service from "./audit.service.js";

export const auditRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["audit trail"]);
  route
    .records("/api/audit")
    .list(
      "Audit entries, newest first (administrators and global auditors)",
      { query: AuditQuery, response: ok(Page(AuditEntry)) },
      service.listEntries,
    );
  app.get(
    "/api/audit/export.csv",
    {
      schema: {
        tags: route.tags,
        summary: "The matching audit entries as CSV, oldest first",
        querystring: AuditExportQuery,
        produces: ["text/csv"],
        response: ok(Type.String({ description: "CSV (UTF-8 with BOM)" })),
      },
    },
    async (request, reply) => {
      const stream = service.exportEntries(ctxOf(request), request.query);
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="accord-audit-${stamp}.csv"`)
        .header("cache-control", "no-store")
        .send(stream);
    },
  );
  route.get(
    "/api/audit/verify",
    "Recompute the hash chain and report the first broken link",
    { response: ok(ChainVerdict) },
    (ctx) => service.verifyChain(ctx),
  );
};
