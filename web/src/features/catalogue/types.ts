import type { BodyOf, ResponseOf } from "../../shared/api/contract";

/**
 * The catalogue's records as the server declares them (generated from the API document), with the list of
 * activity kinds that forms and filters offer (generated from the server's own constant).
 */
export { ACTIVITY_KINDS } from "../../shared/api";

export type ActivityPage = ResponseOf<"getActivities">;
export type ActivitySummary = ActivityPage["items"][number];
export type FacetName = keyof NonNullable<ActivityPage["facets"]>;
export type FacetBucket = NonNullable<ActivityPage["facets"]>[FacetName][number];
export type ActivityDetail = ResponseOf<"getActivitiesById">;
export type EventSummary = ActivityDetail["events"][number];
export type EventDetail = ResponseOf<"getEventsById">;
export type SeatsByNation = EventDetail["seats"]["byNation"][number];

export type Nomination = ResponseOf<"getNominationsById">;
export type NominationStatus = Nomination["status"];
export type Decision = BodyOf<"postNominationsByIdDecision">["decision"];
export type SeatOffer = ResponseOf<"getSeatOffersMine">["items"][number];
export type CalendarEntry = ResponseOf<"getCalendar">[number];
/** A feed token as listed; the secret and its address come only in the answer that creates it. */
export type CalendarToken = ResponseOf<"getCalendarTokens">[number] &
  Partial<Pick<ResponseOf<"postCalendarTokens">, "token" | "url">>;
/** A participant's application for an event, as its applicant or the nation's point of contact sees it. */
export type EventApplication = ResponseOf<"getApplications">["items"][number];
/** An event's per-nation seat allocations, as the viewer may see them. */
export type SeatAllocationList = ResponseOf<"getEventsByIdSeatAllocations">;
export type SeatAllocation = SeatAllocationList["items"][number];
