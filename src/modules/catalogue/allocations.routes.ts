import { routeTable } from "../../platform/http/route-table.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import { AllocationGrant, AllocationRequest, SeatAllocationList } from "./allocations.schemas.js";
import * as service from "./allocations.service.js";

/** Per-nation seat allocations of an event: the list, a nation's request, the organiser's grant. */
export const allocationsRoutes: RoutesPlugin = async (app) => {
  const event = routeTable(app, ["nominations"]).records("/api/events");
  event.read(
    "seat-allocations",
    {
      summary:
        "The seat allocations of an event: every nation for its organisers, one's own nations otherwise",
      response: ok(SeatAllocationList),
    },
    service.listAllocations,
  );
  event.post(
    "seat-allocations/request",
    {
      summary: "Request a number of seats of the event for a nation (its coordinator)",
      body: AllocationRequest,
      response: ok(SeatAllocationList),
    },
    service.requestSeats,
  );
  event.post(
    "seat-allocations/grant",
    {
      summary: "Grant, change or take back a nation's seat allocation (the event's organisers)",
      body: AllocationGrant,
      response: ok(SeatAllocationList),
    },
    service.grantSeats,
  );
};
