import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { BulkItemInput } from "./programme-bulk.schemas.js";
import { addItems } from "./programme-bulk.service.js";
import { ProgrammeDetail } from "./programmes.schemas.js";

export const programmeBulkRoutes: RoutesPlugin = async (app) => {
  app.post(
    "/api/annual-programmes/:id/items/bulk",
    {
      schema: {
        tags: ["programmes: annual programmes"],
        summary:
          "Add several activities of the catalogue at once: all or none; an activity already on the programme is refused (409 naming it)",
        params: IdParams,
        body: BulkItemInput,
        response: created(ProgrammeDetail),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addItems(ctxOf(request), request.params.id, request.body)),
  );
};
