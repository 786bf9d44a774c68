import type { BodyOf, ResponseOf } from "../../shared/api/contract";

/**
 * The catalogue's records as the server declares them (generated from the API document); only the value list that
 * forms and filters offer is written here, held to the server's enum by the type check.
 */
export const ACTIVITY_KINDS = [
  "course",
  "training",
  "seminar",
  "conference",
  "workshop",
  "exercise",
  "meeting",
  "expert_consultation",
  "visit",
] as const satisfies readonly ActivityDetail["kind"][];

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
