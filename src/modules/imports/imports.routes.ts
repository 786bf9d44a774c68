import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  CommitQuery,
  CommitResult,
  ImportKindInfo,
  KindParams,
  Preview,
  PreviewQuery,
} from "./imports.schemas.js";
import * as service from "./imports.service.js";

const FILE_NOTE =
  "multipart/form-data with the file in the field `file` (.csv in UTF-8, UTF-8 with BOM or Windows-1251, any of " +
  "comma, semicolon, tab; or .xlsx, first sheet). The first row is the header.";

export const importsRoutes: RoutesPlugin = async (app) => {
  const tags = ["imports"];
  app.get(
    "/api/imports",
    {
      schema: {
        tags,
        summary: "The kinds of import and their fields, with the header names recognised in en, az and ru",
        response: { 200: Type.Array(ImportKindInfo), ...errorResponses },
      },
    },
    async (request) => service.kinds(ctxOf(request)),
  );
  app.post(
    "/api/imports/:kind/preview",
    {
      schema: {
        tags,
        summary: "Preview an import: the column mapping, and every row's errors and warnings; writes nothing",
        description: FILE_NOTE,
        params: KindParams,
        querystring: PreviewQuery,
        response: { 200: Preview, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return service.preview(
        ctx,
        request.params.kind,
        await service.receive(ctx, request),
        request.query.mapping,
      );
    },
  );
  app.post(
    "/api/imports/:kind/commit",
    {
      schema: {
        tags,
        summary:
          "Import a file in one transaction: all rows or none (422 with the row errors), or with mode=valid only the valid rows",
        description: FILE_NOTE,
        params: KindParams,
        querystring: CommitQuery,
        response: { 200: CommitResult, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return service.commit(ctx, request.params.kind, await service.receive(ctx, request), request.query);
    },
  );
};
