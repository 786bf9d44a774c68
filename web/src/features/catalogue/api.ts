import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/api";
import { useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
import type {
  ActivityDetail,
  ActivityPage,
  CalendarEntry,
  CalendarToken,
  Decision,
  EventApplication,
  EventDetail,
  Nomination,
  SeatAllocationList,
  SeatOffer,
} from "./types";

export const catalogueKeys = {
  all: ["catalogue"] as const,
  activities: (query: object) => ["catalogue", "activities", query] as const,
  activity: (id: string) => ["catalogue", "activity", id] as const,
  event: (id: string) => ["catalogue", "event", id] as const,
  nominations: (query: object) => ["catalogue", "nominations", query] as const,
  offers: (scope: string) => ["catalogue", "offers", scope] as const,
  allocations: (eventId: string) => ["catalogue", "allocations", eventId] as const,
  calendar: (query: object) => ["catalogue", "calendar", query] as const,
  areas: ["catalogue", "areas"] as const,
  tokens: ["catalogue", "tokens"] as const,
};

export const useInvalidateCatalogue = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all });
};

/** A write that refreshes every catalogue query once it succeeds. */
const useCatalogueWrite = <I, O>(write: (input: I) => Promise<O>) =>
  useRefreshingMutation(catalogueKeys.all, write);

export const useAreas = () =>
  useQuery({
    queryKey: catalogueKeys.areas,
    queryFn: () => api.get<{ code: string; nameEn: string; nameAz: string; nameRu: string }[]>("/api/areas"),
    staleTime: 10 * 60_000,
  });

export const useActivities = (query: Record<string, string | number | boolean | undefined>) =>
  useQuery({
    queryKey: catalogueKeys.activities(query),
    queryFn: ({ signal }) => api.get<ActivityPage>("/api/activities", query, signal),
    placeholderData: keepPreviousData,
  });

/** An activity; nothing is fetched without an id (the "new activity" form). */
export const useActivity = (id: string) =>
  useGetQuery<ActivityDetail>(catalogueKeys.activity(id), `/api/activities/${id}`, { enabled: id !== "" });

export const useEvent = (id: string) =>
  useGetQuery<EventDetail>(catalogueKeys.event(id), `/api/events/${id}`);

export const useNominations = (query: Record<string, string | number | undefined>, enabled = true) =>
  usePageQuery<Nomination>(catalogueKeys.nominations(query), "/api/nominations", query, { enabled });

export const useCalendar = (query: { from: string; to: string; nationId?: string; personId?: string }) =>
  useQuery({
    queryKey: catalogueKeys.calendar(query),
    queryFn: ({ signal }) => api.get<CalendarEntry[]>("/api/calendar", query, signal),
    placeholderData: keepPreviousData,
  });

export const useNominate = (eventId: string) =>
  useCatalogueWrite((input: { personId: string; priority?: number; note?: string | null }) =>
    api.post<Nomination>(`/api/events/${eventId}/nominations`, input),
  );

/** A decision; `overrideReason` accepts over a double booking (409 DOUBLE_BOOKING without it). */
export const useDecide = () =>
  useCatalogueWrite(
    ({
      id,
      decision,
      reason,
      overrideReason,
    }: {
      id: string;
      decision: Decision;
      reason?: string;
      overrideReason?: string;
    }) =>
      api.post<Nomination>(`/api/nominations/${id}/decision`, {
        decision,
        ...(reason ? { reason } : {}),
        ...(overrideReason ? { override: true, overrideReason } : {}),
      }),
  );

export const useDecideMany = () =>
  useCatalogueWrite((input: { nominationIds: string[]; decision: Decision; reason?: string }) =>
    api.post<{
      results: { nominationId: string; ok: boolean; status: string | null; error: string | null }[];
    }>("/api/nominations/decisions", input),
  );

export const useWithdraw = () =>
  useCatalogueWrite(({ id, reason }: { id: string; reason?: string }) =>
    api.post<Nomination>(`/api/nominations/${id}/withdraw`, reason ? { reason } : {}),
  );

/** Seat offers: an event's (as the viewer may see them), or the signed-in participant's own. */
export const useSeatOffers = (eventId: string | null, enabled = true) =>
  useQuery({
    queryKey: catalogueKeys.offers(eventId ?? "mine"),
    queryFn: ({ signal }) =>
      api.get<{ items: SeatOffer[] }>(
        eventId ? `/api/events/${eventId}/seat-offers` : "/api/seat-offers/mine",
        undefined,
        signal,
      ),
    enabled,
  });

export const useAnswerOffer = () =>
  useCatalogueWrite(
    ({
      id,
      answer,
      reason,
      overrideReason,
    }: {
      id: string;
      answer: "accept" | "decline";
      reason?: string;
      overrideReason?: string;
    }) =>
      answer === "accept"
        ? api.post<SeatOffer>(
            `/api/seat-offers/${id}/accept`,
            overrideReason ? { override: true, overrideReason } : {},
          )
        : api.post<SeatOffer>(`/api/seat-offers/${id}/decline`, reason ? { reason } : {}),
  );

/** The participant takes their own nomination off the waiting list. */
export const useLeaveWaitlist = () =>
  useCatalogueWrite(({ id, reason }: { id: string; reason?: string }) =>
    api.post<Nomination>(`/api/nominations/${id}/leave-waitlist`, reason ? { reason } : {}),
  );

export const useRecordAttendance = () =>
  useCatalogueWrite(
    ({ id, attendance, completed }: { id: string; attendance: string; completed?: boolean }) =>
      api.post<Nomination>(`/api/nominations/${id}/attendance`, { attendance, completed }),
  );

export const useCalendarTokens = () =>
  useGetQuery<CalendarToken[]>(catalogueKeys.tokens, "/api/calendar/tokens");

export const useCreateCalendarToken = () =>
  useCatalogueWrite(
    (input: {
      scope: "nation" | "person" | "search";
      nationId?: string;
      personId?: string;
      label?: string;
      search?: Record<string, string | number>;
    }) => api.post<CalendarToken>("/api/calendar/tokens", input),
  );

export const useRevokeCalendarToken = () =>
  useCatalogueWrite((id: string) => api.delete<void>(`/api/calendar/tokens/${id}`));

// ------------------------------------------------------------------ two-step applications
export const useApplications = (query: { scope: "mine" | "deciding"; status?: string; offset?: number }) =>
  usePageQuery<EventApplication>(["catalogue", "applications", query], "/api/applications", {
    ...query,
    limit: 50,
  });

/** A participant applies for an event; the nation's point of contact decides. */
export const useApply = () =>
  useCatalogueWrite(({ eventId, motivation }: { eventId: string; motivation?: string }) =>
    api.post<EventApplication>(`/api/events/${eventId}/applications`, motivation ? { motivation } : {}),
  );

/** The point of contact approves (nominating the participant) or refuses, with an optional reason. */
export const useDecideApplication = () =>
  useCatalogueWrite(
    ({ id, decision, reason }: { id: string; decision: "approve" | "refuse"; reason?: string }) =>
      api.post<EventApplication>(`/api/applications/${id}/${decision}`, reason ? { reason } : {}),
  );

/** An event's per-nation seat allocations: every nation for its organisers, the viewer's own nations otherwise. */
export const useSeatAllocations = (eventId: string) =>
  useGetQuery<SeatAllocationList>(
    catalogueKeys.allocations(eventId),
    `/api/events/${eventId}/seat-allocations`,
  );

/** A coordinator's request of seats for the nation. */
export const useRequestSeats = (eventId: string) =>
  useCatalogueWrite((body: { nationId: string; requested: number; note?: string }) =>
    api.post<SeatAllocationList>(`/api/events/${eventId}/seat-allocations/request`, body),
  );

/** The organiser's grant (null takes it back: the nation is on the single quota again). */
export const useGrantSeats = (eventId: string) =>
  useCatalogueWrite((body: { nationId: string; granted: number | null }) =>
    api.post<SeatAllocationList>(`/api/events/${eventId}/seat-allocations/grant`, body),
  );
