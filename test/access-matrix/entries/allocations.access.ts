import { type AccessEntry, access, type MatrixContext } from "../matrix.js";
import { activity } from "./catalogue.access.js";

type Scope = "in" | "out";

/** Readers of the restricted activity (catalogue.access.ts READERS) read its event's allocations (their rows). */
const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});
/** A nation's seats are requested by its coordinators (administrators for any nation). */
const REQUESTERS = access({ administrator: "allow", national_coordinator: "scope" });
/** Allocations are granted by those who run the event. */
const RUNNERS = access({ administrator: "allow", organiser: "scope", course_director: "scope" });

const owner = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/events/:id/seat-allocations",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/seat-allocations`,
    }),
  },
  {
    method: "POST",
    url: "/api/events/:id/seat-allocations/request",
    access: REQUESTERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/seat-allocations/request`,
      body: { nationId: owner(ctx, scope).nationId, requested: 2 },
    }),
  },
  {
    method: "POST",
    url: "/api/events/:id/seat-allocations/grant",
    access: RUNNERS,
    request: async (ctx, scope) => ({
      url: `/api/events/${(await activity(ctx, scope)).eventId}/seat-allocations/grant`,
      body: { nationId: owner(ctx, scope).nationId, granted: 2 },
    }),
  },
];
