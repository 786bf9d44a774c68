import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type Page, type Ref } from "../../shared/api";
import { useAllQuery, useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
import type {
  ActionItem,
  ActionItemDetail,
  ActionQuery,
  ActionStatus,
  Decision,
  MeetingActionItems,
  MeetingDetail,
  MeetingInput,
  MeetingQuery,
  MeetingSeries,
  MeetingSummary,
} from "./types";

export * from "./types";

export const meetingsKeys = {
  all: ["meetings"] as const,
  series: ["meetings", "series"] as const,
  list: (query: MeetingQuery) => ["meetings", "list", query] as const,
  detail: (id: string) => ["meetings", "detail", id] as const,
  actions: (query: ActionQuery) => ["meetings", "actions", query] as const,
  meetingActions: (id: string) => ["meetings", "meeting-actions", id] as const,
};

export const useSeries = () => useAllQuery<MeetingSeries>(meetingsKeys.series, "/api/meeting-series");

export const useMeetings = (query: MeetingQuery) =>
  usePageQuery<MeetingSummary>(meetingsKeys.list(query), "/api/meetings", query);

export const useMeeting = (id: string) =>
  useGetQuery<MeetingDetail>(meetingsKeys.detail(id), `/api/meetings/${id}`);

export const useMeetingActions = (id: string) =>
  useGetQuery<MeetingActionItems>(meetingsKeys.meetingActions(id), `/api/meetings/${id}/action-items`);

export const useActionItems = (query: ActionQuery) =>
  usePageQuery<ActionItem>(meetingsKeys.actions(query), "/api/action-items", query);

export function useCreateMeeting() {
  return useRefreshingMutation(meetingsKeys.all, (input: MeetingInput) =>
    api.post<MeetingDetail>("/api/meetings", input),
  );
}

export function useMeetingMutation<I>(path: (input: I) => string, method: "post" | "patch" = "post") {
  return useRefreshingMutation(meetingsKeys.all, ({ input, body }: { input: I; body: unknown }) =>
    method === "post" ? api.post<unknown>(path(input), body) : api.patch<unknown>(path(input), body),
  );
}

export interface PartyOption {
  value: string;
  label: string;
  kind: "nation" | "organisation";
}

const partyOption = (kind: PartyOption["kind"], record: Ref): PartyOption => ({
  value: `${kind}:${record.id}`,
  label: `${record.code} — ${record.nameEn}`,
  kind,
});

/**
 * Nations and organisations matching the text typed, as choices for assignees, delegations and recipients:
 * the server searches codes and names and pages (the first 25 of each), so any of thousands can be found.
 */
export async function searchParties(search: string, signal?: AbortSignal): Promise<PartyOption[]> {
  const params = { q: search.trim(), sort: "code", limit: 25 };
  const [nations, organisations] = await Promise.all([
    api.get<Page<Ref>>("/api/nations", params, signal),
    api.get<Page<Ref>>("/api/organisations", params, signal),
  ]);
  return [
    ...nations.items.map((nation) => partyOption("nation", nation)),
    ...organisations.items.map((organisation) => partyOption("organisation", organisation)),
  ];
}

/** "nation:<id>" → { nationId } */
export function splitParty(value: string): { nationId?: string; organisationId?: string } {
  const [kind, id] = value.split(":");
  return kind === "nation" ? { nationId: id } : { organisationId: id };
}

export function useSetActionStatus() {
  return useRefreshingMutation(meetingsKeys.all, ({ id, status }: { id: string; status: ActionStatus }) =>
    api.patch<ActionItem>(`/api/action-items/${id}`, { status }),
  );
}

export function useUpload() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ url, file }: { url: string; file: File }) => api.upload<unknown>(url, file),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: meetingsKeys.all }),
        client.invalidateQueries({ queryKey: ["exchange"] }),
      ]),
  });
}

export const useActionItem = (id: string | null) =>
  useGetQuery<ActionItemDetail>([...meetingsKeys.all, "action", id], `/api/action-items/${id}`, {
    enabled: id !== null,
  });

/** A write of the feature that refreshes its queries when it succeeds. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  return useRefreshingMutation(meetingsKeys.all, write);
}

export const useCreateSeries = () =>
  useWrite((input: Record<string, unknown>) => api.post<MeetingSeries>("/api/meeting-series", input));

export const useRemoveAgendaItem = (meetingId: string) =>
  useWrite((itemId: string) => api.delete<MeetingDetail>(`/api/meetings/${meetingId}/agenda/${itemId}`));

export const useRemoveDelegation = (meetingId: string) =>
  useWrite((delegationId: string) =>
    api.delete<MeetingDetail>(`/api/meetings/${meetingId}/delegations/${delegationId}`),
  );

export const useUpdateDecision = () =>
  useWrite(({ id, ...patch }: { id: string } & Record<string, unknown>) =>
    api.patch<Decision>(`/api/decisions/${id}`, patch),
  );

export const useReviewAction = () =>
  useWrite(
    ({ id, ...input }: { id: string; meetingId: string; status?: ActionStatus; note?: string | null }) =>
      api.post<ActionItemDetail>(`/api/action-items/${id}/reviews`, input),
  );

export const useUploadEvidence = () =>
  useWrite(({ id, file }: { id: string; file: File }) =>
    api.upload<ActionItemDetail>(`/api/action-items/${id}/evidence`, file),
  );
