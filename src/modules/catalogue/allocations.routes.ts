import { ctxOf } from "../../platform/http/request-context.js";
import { IdParams, ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { AllocationGrant, AllocationRequest, SeatAllocationList } from "./allocations.schemas.js";
import * as service from "./allocations.service.js";

/** Per-nation seat allocations of an event: the list, a nation's request, the organiser's grant. */
export const allocationsRoutes: RoutesPlugin = async (app) => {
  const tags = ["nominations"];
  app.get(
    "/api/events/:id/seat-allocations",
    {
      schema: {
        tags,
        summary:
          "The seat allocations of an event: every nation for its organisers, one's own nations otherwise",
        params: IdParams,
        response: ok(SeatAllocationList),
      },
    },
    async (request) => service.listAllocations(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/events/:id/seat-allocations/request",
    {
      schema: {
        tags,
        summary: "Request a number of seats of the event for a nation (its coordinator)",
        params: IdParams,
        body: AllocationRequest,
        response: ok(SeatAllocationList),
      },
    },
    async (request) => service.requestSeats(ctxOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/events/:id/seat-allocations/grant",
    {
      schema: {
        tags,
        summary: "Grant, change or take back a nation's seat allocation (the event's organisers)",
        params: IdParams,
        body: AllocationGrant,
        response: ok(SeatAllocationList),
      },
    },
    async (request) => service.grantSeats(ctxOf(request), request.params.id, request.body),
  );
};
