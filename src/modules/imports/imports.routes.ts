import { PassThrough } from "node:stream";
import { Type } from "typebox";
import { toAppError } from "../../platform/http/error-handler.js";
import { sendExport, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { routeTable } from "../../platform/http/route-table.js";
import { errorResponses, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as exportsService from "./exports.service.js";
import {
  CommitQuery,
  CommitResult,
  ImportKindInfo,
  KindParams,
  Preview,
  PreviewQuery,
} from "./imports.schemas.js";
import * as service from "./imports.service.js";

const NDJSON = "application/x-ndjson";
const FILE_NOTE =
  "multipart/form-data with the file in the field `file` (.csv in UTF-8, UTF-8 with BOM or Windows-1251, any of " +
  "comma, semicolon, tab; or .xlsx, first sheet). The first row is the header.";

export const importsRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["imports"]);
  route.get(
    "/api/imports",
    "The kinds of import and their fields, with the header names recognised in en, az and ru",
    { response: ok(Type.Array(ImportKindInfo)) },
    (ctx) => service.kinds(ctx),
  );
  app.post(
    "/api/imports/:kind/preview",
    {
      schema: {
        tags: route.tags,
        summary: "Preview an import: the column mapping, and every row's errors and warnings; writes nothing",
        description: FILE_NOTE,
        params: KindParams,
        querystring: PreviewQuery,
        response: ok(Preview),
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return service.preview(
        ctx,
        request.params.kind,
        await service.receive(ctx, uploadFrom(request)),
        request.query.mapping,
      );
    },
  );
  app.post(
    "/api/imports/:kind/commit",
    {
      schema: {
        tags: route.tags,
        summary:
          "Import a file in one transaction: all rows or none (422 with the row errors), or with mode=valid only the valid rows",
        description: `${FILE_NOTE} With \`Accept: application/x-ndjson\` the answer is a stream of JSON lines: \`{"type":"progress","phase":"check"|"write","done":n,"total":n}\` as the rows are checked and written, then one \`{"type":"result","result":{...}}\` (the JSON answer's body) or \`{"type":"error","status":n,"error":{...}}\` (the error answer's body); the status is 200 once the stream has begun.`,
        params: KindParams,
        querystring: CommitQuery,
        produces: ["application/json", NDJSON],
        response: ok(CommitResult),
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const source = await service.receive(ctx, uploadFrom(request));
      if (!(request.headers.accept ?? "").includes(NDJSON))
        return service.commit(ctx, request.params.kind, source, request.query);
      // Streamed: a line per progress step (at most one per 100 ms and per phase change), then the outcome.
      const stream = new PassThrough();
      const line = (value: unknown) => stream.write(`${JSON.stringify(value)}\n`);
      let last = { phase: "", at: 0 };
      const progress = (phase: "check" | "write", done: number, total: number) => {
        const now = performance.now();
        if (phase === last.phase && now - last.at < 100 && done < total) return;
        last = { phase, at: now };
        line({ type: "progress", phase, done, total });
      };
      service
        .commit(ctx, request.params.kind, source, request.query, progress)
        .then((result) => line({ type: "result", result }))
        .catch((error: unknown) => {
          const appError = toAppError(error);
          if (!appError) request.log.error({ err: error }, "unhandled error in a streamed import");
          line({
            type: "error",
            status: appError?.status ?? 500,
            error: appError
              ? {
                  code: appError.code,
                  message: appError.message,
                  ...(appError.fields.length ? { fields: appError.fields } : {}),
                  requestId: request.id,
                }
              : {
                  code: "INTERNAL",
                  message: "Something went wrong on the server; it has been logged",
                  requestId: request.id,
                },
          });
        })
        .finally(() => stream.end());
      return reply.type(NDJSON).header("cache-control", "no-store").send(stream);
    },
  );

  const exportTags = ["exports"];
  const fileResponse = {
    200: Type.String({ description: "The file (CSV in UTF-8 with BOM, or XLSX)" }),
    ...errorResponses,
  };
  // One route per list that exports, made from the lists' own declarations (exports.service.ts).
  for (const list of exportsService.LIST_EXPORTS) {
    app.get(
      `/api/exports/${list.kind}`,
      {
        schema: {
          tags: exportTags,
          summary: `${list.summary} (formulas neutralised; headers in lang)`,
          querystring: list.query,
          produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
          response: fileResponse,
        },
      },
      async (request, reply) => {
        const file = await exportsService.exportOf(
          ctxOf(request),
          list.kind,
          request.query as Record<string, unknown>,
        );
        return sendExport(reply, file, file.stream);
      },
    );
  }
};
