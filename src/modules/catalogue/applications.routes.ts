import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  Application,
  ApplicationDecisionInput,
  ApplicationQuery,
  ApplyInput,
} from "./applications.schemas.js";
import * as service from "./applications.service.js";

/** Two-step applications: the participant applies, the national point of contact approves or refuses. */
export const applicationsRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["catalogue: applications"]);
  route.records("/api/events").post(
    "applications",
    {
      summary: "Apply for the event yourself; your nation's point of contact approves or refuses",
      body: ApplyInput,
      response: created(Application),
    },
    service.apply,
  );
  const application = route.records("/api/applications");
  application.list(
    "Applications the caller may see: one's own, those of the nations one coordinates",
    { query: ApplicationQuery, response: ok(Page(Application)) },
    service.listApplications,
  );
  for (const [path, to] of [
    ["approve", "approved"],
    ["refuse", "refused"],
  ] as const) {
    application.post(
      path,
      {
        summary: `${path === "approve" ? "Approve (nominating the participant)" : "Refuse"} a pending application`,
        body: ApplicationDecisionInput,
        response: ok(Application),
      },
      (ctx, id, body) => service.decideApplication(ctx, id, to, body),
    );
  }
};
