import { routeTable } from "../../platform/http/route-table.js";
import { IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { AllocationGrant, AllocationRequest, SeatAllocationList } from "./allocations.schemas.js";
import * as service from "./allocations.service.js";

/** Per-nation seat allocations of an event: the list, a nation's request, the organiser's grant. */
export const allocationsRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["nominations"]);
  route.get(
    "/api/events/:id/seat-allocations",
    "The seat allocations of an event: every nation for its organisers, one's own nations otherwise",
    { params: IdParams, response: ok(SeatAllocationList) },
    (ctx, { params }) => service.listAllocations(ctx, params.id),
  );
  route.post(
    "/api/events/:id/seat-allocations/request",
    "Request a number of seats of the event for a nation (its coordinator)",
    { params: IdParams, body: AllocationRequest, response: ok(SeatAllocationList) },
    (ctx, { params, body }) => service.requestSeats(ctx, params.id, body),
  );
  route.post(
    "/api/events/:id/seat-allocations/grant",
    "Grant, change or take back a nation's seat allocation (the event's organisers)",
    { params: IdParams, body: AllocationGrant, response: ok(SeatAllocationList) },
    (ctx, { params, body }) => service.grantSeats(ctx, params.id, body),
  );
};
