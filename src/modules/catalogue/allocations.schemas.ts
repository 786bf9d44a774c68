import { type Static, Type } from "typebox";
import { IsoDate, IsoDateTime, Nullable, StrictObject, Text, Uuid } from "../../platform/http/schemas.js";

/** A nation's coordinator asks for a number of seats of an event before naming people. */
export const AllocationRequest = StrictObject({
  nationId: Uuid,
  requested: Type.Integer({ minimum: 0, maximum: 100000 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type AllocationRequest = Static<typeof AllocationRequest>;

/** The organiser grants a nation its seats, changes the grant, or takes it back (null: the single quota again). */
export const AllocationGrant = StrictObject({
  nationId: Uuid,
  granted: Nullable(Type.Integer({ minimum: 0, maximum: 100000 })),
  reason: Type.Optional(Text(2000)),
});
export type AllocationGrant = Static<typeof AllocationGrant>;

export const SeatAllocation = Type.Object({
  nation: Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() }),
  requested: Nullable(Type.Integer()),
  requestNote: Nullable(Type.String()),
  requestedAt: Nullable(IsoDateTime),
  granted: Nullable(Type.Integer()),
  grantedAt: Nullable(IsoDateTime),
  /** Seats the nation holds: accepted nominations and open seat offers. */
  held: Type.Integer(),
  waitlisted: Type.Integer(),
  /** The nation's limit now: its granted allocation, else the single quota; null after the re-allocation. */
  limit: Nullable(Type.Integer()),
});

export const SeatAllocationList = Type.Object({
  eventId: Uuid,
  capacity: Nullable(Type.Integer()),
  nationQuota: Nullable(Type.Integer()),
  reallocationDate: Nullable(IsoDate),
  reallocatedAt: Nullable(IsoDateTime),
  totals: Type.Object({
    requested: Type.Integer(),
    granted: Type.Integer(),
    held: Type.Integer(),
    /** Seats neither held nor reserved for a nation's allocation (null without a capacity). */
    pool: Nullable(Type.Integer()),
  }),
  items: Type.Array(SeatAllocation, {
    description: "Every nation for those who run the event; a coordinator's own nations otherwise",
  }),
  canGrant: Type.Boolean(),
  /** The nations the viewer may request seats for (those they coordinate, any for administrators). */
  canRequest: Type.Boolean(),
});
