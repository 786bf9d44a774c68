import { routeTable } from "../../platform/http/route-table.js";
import { created } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { BulkItemInput } from "./programme-bulk.schemas.js";
import { addItems } from "./programme-bulk.service.js";
import { ProgrammeDetail } from "./programmes.schemas.js";

export const programmeBulkRoutes: RoutesPlugin = async (app) => {
  routeTable(app, ["programmes: annual programmes"])
    .records("/api/annual-programmes")
    .post(
      "items/bulk",
      {
        summary:
          "Add several activities of the catalogue at once: all or none; an activity already on the programme is refused (409 naming it)",
        body: BulkItemInput,
        response: created(ProgrammeDetail),
      },
      addItems,
    );
};
