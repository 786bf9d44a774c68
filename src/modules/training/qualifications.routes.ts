import { ctxOf } from "../../platform/http/request-context.js";
import { created, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  QualificationInput,
  QualificationOutput,
  QualificationParams,
  QualificationPatch,
} from "./qualifications.schemas.js";
import { createQualification, updateQualification } from "./qualifications.service.js";

/** Qualifications a course confers: defined and edited by course staff (the list is with the registry routes). */
export const qualificationRoutes: RoutesPlugin = async (app) => {
  const tags = ["training: registry"];
  app.post(
    "/api/training/qualifications",
    {
      schema: {
        tags,
        summary: "Define a qualification (unique code, names, validity in years)",
        body: QualificationInput,
        response: created(QualificationOutput),
      },
    },
    async (request, reply) => reply.status(201).send(await createQualification(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/training/qualifications/:code",
    {
      schema: {
        tags,
        summary:
          "Rename a qualification or change its validity; certificates already issued keep their dates",
        params: QualificationParams,
        body: QualificationPatch,
        response: ok(QualificationOutput),
      },
    },
    async (request) => updateQualification(ctxOf(request), request.params.code, request.body),
  );
};
