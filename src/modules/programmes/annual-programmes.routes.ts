import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, noContent, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./annual-programmes.service.js";
import { areaNames } from "./frameworks.service.js";
import { ProgrammePatch, ProgrammeVersion, VersionParams } from "./programme-versions.schemas.js";
import * as versions from "./programme-versions.service.js";
import { Binary, ExportFormatQuery, sendReport } from "./programmes.http.js";
import { programmeReportDocument } from "./programmes.reports.js";
import {
  ComparisonQuery,
  ItemInput,
  ItemPatch,
  ProgrammeDetail,
  ProgrammeInput,
  ProgrammeQuery,
  ProgrammeReport,
  ProgrammeSummary,
  YearFigure,
} from "./programmes.schemas.js";

/** Annual programmes, their items, the comparison of years and the programme report. */
export const annualProgrammesRoutes: RoutesPlugin = async (app) => {
  const programmes = routeTable(app, ["programmes: annual programmes"]);
  // ---------------------------------------------------------------- annual programmes
  programmes.get(
    "/api/annual-programmes",
    { query: ProgrammeQuery, response: ok(Page(ProgrammeSummary)) },
    (ctx, { query }) => service.listProgrammes(ctx, query),
  );
  programmes.get(
    "/api/annual-programmes/comparison",
    "Year by year: planned and implemented items, events attended, and figures recorded from sources",
    { query: ComparisonQuery, response: ok(Type.Array(YearFigure)) },
    (ctx, { query }) => service.compareYears(ctx, query),
  );
  programmes.get(
    "/api/annual-programmes/:id",
    { params: IdParams, response: ok(ProgrammeDetail) },
    (ctx, { params }) => service.getProgramme(ctx, params.id),
  );
  programmes.post(
    "/api/annual-programmes",
    { body: ProgrammeInput, response: created(ProgrammeDetail) },
    (ctx, { body }) => service.createProgramme(ctx, body),
  );
  programmes.patch(
    "/api/annual-programmes/:id",
    { params: IdParams, body: ProgrammePatch, response: ok(ProgrammeDetail) },
    (ctx, { params, body }) => service.updateProgramme(ctx, params.id, body),
  );
  programmes.get(
    "/api/annual-programmes/:id/versions",
    "The programme's submitted versions, newest first, each with what changed since the one before",
    { params: IdParams, response: ok(Type.Array(ProgrammeVersion)) },
    (ctx, { params }) => versions.listVersions(ctx, params.id),
  );
  programmes.get(
    "/api/annual-programmes/:id/versions/:version",
    "One submitted version of the programme, as it was submitted, and the decision taken on it",
    { params: VersionParams, response: ok(ProgrammeVersion) },
    (ctx, { params }) => versions.getVersion(ctx, params.id, params.version),
  );
  programmes.post(
    "/api/annual-programmes/:id/items",
    "Add an activity of the catalogue (activityId) or one of the nation's own (title, areaCode)",
    { params: IdParams, body: ItemInput, response: created(ProgrammeDetail) },
    (ctx, { params, body }) => service.addItem(ctx, params.id, body),
  );
  programmes.patch(
    "/api/programme-items/:id",
    { params: IdParams, body: ItemPatch, response: ok(ProgrammeDetail) },
    (ctx, { params, body }) => service.updateItem(ctx, params.id, body),
  );
  programmes.delete(
    "/api/programme-items/:id",
    { params: IdParams, response: noContent },
    (ctx, { params }) => service.removeItem(ctx, params.id),
  );
  programmes.get(
    "/api/annual-programmes/:id/report",
    "Plan vs actual (from nominations and attendance) and implementation rate by area",
    { params: IdParams, response: ok(ProgrammeReport) },
    (ctx, { params }) => service.programmeReport(ctx, params.id),
  );
  app.get(
    "/api/annual-programmes/:id/report/export",
    {
      schema: {
        tags: programmes.tags,
        params: IdParams,
        querystring: ExportFormatQuery,
        response: ok(Binary),
      },
    },
    async (request, reply) => {
      const report = await service.programmeReport(ctxOf(request), request.params.id);
      const language = request.query.language ?? "en";
      return sendReport(
        reply,
        programmeReportDocument(report, language, await areaNames(ctxOf(request), language)),
        request.query.format,
        `${report.programme.nation.code}-programme-${report.programme.firstYear}`,
      );
    },
  );
};
