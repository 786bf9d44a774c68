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
  const programme = programmes.records("/api/annual-programmes");
  programme.list({ query: ProgrammeQuery, response: ok(Page(ProgrammeSummary)) }, service.listProgrammes);
  programmes.get(
    "/api/annual-programmes/comparison",
    "Year by year: planned and implemented items, events attended, and figures recorded from sources",
    { query: ComparisonQuery, response: ok(Type.Array(YearFigure)) },
    (ctx, { query }) => service.compareYears(ctx, query),
  );
  programme.get({ response: ok(ProgrammeDetail) }, service.getProgramme);
  programme.create({ body: ProgrammeInput, response: created(ProgrammeDetail) }, service.createProgramme);
  programme.update({ body: ProgrammePatch, response: ok(ProgrammeDetail) }, service.updateProgramme);
  programme.read(
    "versions",
    {
      summary:
        "The programme's submitted versions, newest first, each with what changed since the one before",
      response: ok(Type.Array(ProgrammeVersion)),
    },
    versions.listVersions,
  );
  programmes.get(
    "/api/annual-programmes/:id/versions/:version",
    "One submitted version of the programme, as it was submitted, and the decision taken on it",
    { params: VersionParams, response: ok(ProgrammeVersion) },
    (ctx, { params }) => versions.getVersion(ctx, params.id, params.version),
  );
  programme.post(
    "items",
    {
      summary: "Add an activity of the catalogue (activityId) or one of the nation's own (title, areaCode)",
      body: ItemInput,
      response: created(ProgrammeDetail),
    },
    service.addItem,
  );
  const item = programmes.records("/api/programme-items");
  item.update({ body: ItemPatch, response: ok(ProgrammeDetail) }, service.updateItem);
  item.remove({ response: noContent }, service.removeItem);
  programme.read(
    "report",
    {
      summary: "Plan vs actual (from nominations and attendance) and implementation rate by area",
      response: ok(ProgrammeReport),
    },
    service.programmeReport,
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
