import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { created, errorResponses, IdParams, ok, Page } from "../../platform/http/schemas.js";
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
  const programmes = ["programmes: annual programmes"];
  // ---------------------------------------------------------------- annual programmes
  app.get(
    "/api/annual-programmes",
    { schema: { tags: programmes, querystring: ProgrammeQuery, response: ok(Page(ProgrammeSummary)) } },
    async (request) => service.listProgrammes(ctxOf(request), request.query),
  );
  app.get(
    "/api/annual-programmes/comparison",
    {
      schema: {
        tags: programmes,
        summary:
          "Year by year: planned and implemented items, events attended, and figures recorded from sources",
        querystring: ComparisonQuery,
        response: ok(Type.Array(YearFigure)),
      },
    },
    async (request) => service.compareYears(ctxOf(request), request.query),
  );
  app.get(
    "/api/annual-programmes/:id",
    { schema: { tags: programmes, params: IdParams, response: ok(ProgrammeDetail) } },
    async (request) => service.getProgramme(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/annual-programmes",
    { schema: { tags: programmes, body: ProgrammeInput, response: created(ProgrammeDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createProgramme(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/annual-programmes/:id",
    { schema: { tags: programmes, params: IdParams, body: ProgrammePatch, response: ok(ProgrammeDetail) } },
    async (request) => service.updateProgramme(ctxOf(request), request.params.id, request.body),
  );
  app.get(
    "/api/annual-programmes/:id/versions",
    {
      schema: {
        tags: programmes,
        summary:
          "The programme's submitted versions, newest first, each with what changed since the one before",
        params: IdParams,
        response: ok(Type.Array(ProgrammeVersion)),
      },
    },
    async (request) => versions.listVersions(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/annual-programmes/:id/versions/:version",
    {
      schema: {
        tags: programmes,
        summary: "One submitted version of the programme, as it was submitted, and the decision taken on it",
        params: VersionParams,
        response: ok(ProgrammeVersion),
      },
    },
    async (request) => versions.getVersion(ctxOf(request), request.params.id, request.params.version),
  );
  app.post(
    "/api/annual-programmes/:id/items",
    {
      schema: {
        tags: programmes,
        summary: "Add an activity of the catalogue (activityId) or one of the nation's own (title, areaCode)",
        params: IdParams,
        body: ItemInput,
        response: created(ProgrammeDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addItem(ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/api/programme-items/:id",
    { schema: { tags: programmes, params: IdParams, body: ItemPatch, response: ok(ProgrammeDetail) } },
    async (request) => service.updateItem(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/programme-items/:id",
    { schema: { tags: programmes, params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
    async (request, reply) => {
      await service.removeItem(ctxOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    "/api/annual-programmes/:id/report",
    {
      schema: {
        tags: programmes,
        summary: "Plan vs actual (from nominations and attendance) and implementation rate by area",
        params: IdParams,
        response: ok(ProgrammeReport),
      },
    },
    async (request) => service.programmeReport(ctxOf(request), request.params.id),
  );
  app.get(
    "/api/annual-programmes/:id/report/export",
    { schema: { tags: programmes, params: IdParams, querystring: ExportFormatQuery, response: ok(Binary) } },
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
