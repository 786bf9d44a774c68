import { Type } from "typebox";
import { sendExport, uploadFrom } from "../../platform/http/files.js";
import { ctxOf } from "../../platform/http/request-context.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { PackageImportResult, PackageNationParams } from "./packages.schemas.js";
import * as service from "./packages.service.js";

/** Packages between instances (docs/packages.md): the same code paths as `accord export|import package`. */
export const packagesRoutes: RoutesPlugin = async (app) => {
  const tags = ["packages"];
  app.get(
    "/api/packages/:nation",
    {
      schema: {
        tags,
        summary:
          "The package of everything releasable to a nation (tar.gz: JSON lines per table and a manifest)",
        params: PackageNationParams,
        produces: ["application/gzip"],
        response: ok(Type.String({ description: "The package archive" })),
      },
    },
    async (request, reply) => {
      const { archive, manifest } = await service.exportPackage(ctxOf(request), request.params.nation);
      const stamp = manifest.createdAt.replace(/[:.]/g, "-");
      const filename = `accord-package-${manifest.nation.code}-${stamp}.tar.gz`;
      return sendExport(reply, { contentType: "application/gzip", filename }, archive);
    },
  );
  app.post(
    "/api/packages/import",
    {
      schema: {
        tags,
        summary: "Load a package written by another Accord: all or nothing, idempotent, one audit entry",
        description: "multipart/form-data with the package (.tar.gz) in the field `file`.",
        response: ok(PackageImportResult),
      },
    },
    async (request) => service.importUploaded(ctxOf(request), uploadFrom(request)),
  );
};
