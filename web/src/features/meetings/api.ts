import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page, type Ref } from "../../shared/api";

export type ActionStatus = "open" | "in_progress" | "done" | "cancelled";
export const ACTION_STATUSES: ActionStatus[] = ["open", "in_progress", "done", "cancelled"];

export interface SeriesRef {
  id: string;
  code: string;
  kind: string;
  titleEn: string;
  titleRu: string | null;
  titleAz: string | null;
}

export interface MeetingSeries extends SeriesRef {
  description: string | null;
  sinceYear: number | null;
  sample: boolean;
  meetingCount: number;
  ownerOrganisationId: string | null;
  ownerNationId: string | null;
}

export interface MeetingSummary {
  id: string;
  seriesId: string;
  series: SeriesRef;
  number: number;
  numeral: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
  city: string | null;
  venue: string | null;
  hostNation: Ref | null;
  hostOrganisation: Ref | null;
  status: "planned" | "held" | "cancelled";
  sample: boolean;
  sampleNote: string | null;
  decisionCount: number;
}

export interface FileRef {
  id: string;
  fileId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface Decision {
  id: string;
  meetingId: string;
  meetingNumber: number;
  number: number;
  reference: string;
  title: string;
  agendaItemId: string | null;
  texts: { language: string; body: string; translationStatus: string }[];
}

export interface MeetingDetail extends MeetingSummary {
  minutes: string | null;
  minutesApprovedOn: string | null;
  agenda: {
    id: string;
    position: number;
    title: string;
    presenterName: string | null;
    presenterNation: Ref | null;
    presenterOrganisation: Ref | null;
    note: string | null;
    documents: FileRef[];
  }[];
  delegations: {
    id: string;
    nation: Ref | null;
    organisation: Ref | null;
    headName: string | null;
    members: { name: string; position?: string | null }[];
  }[];
  decisions: Decision[];
  canEdit: boolean;
}

export interface ActionItem {
  id: string;
  seriesId: string;
  series: { id: string; code: string; titleEn: string };
  raisedMeetingId: string;
  raisedAt: { id: string; number: number; numeral: string; startsOn: string };
  decisionId: string | null;
  decisionReference: string | null;
  title: string;
  description: string | null;
  assigneeNation: Ref | null;
  assigneeOrganisation: Ref | null;
  deadline: string | null;
  status: ActionStatus;
  closedOn: string | null;
  evidence: string | null;
  overdue: boolean;
  sample: boolean;
  reviewCount: number;
  canUpdate: boolean;
  /** The states the server lets this item move to next (its one transition table). */
  allowedTransitions: ActionStatus[];
}

export interface MeetingActionItems {
  asOf: string;
  raised: ActionItem[];
  carriedOver: ActionItem[];
}

export interface MeetingQuery {
  seriesId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ActionQuery {
  seriesId?: string;
  status?: string;
  overdue?: boolean;
  limit?: number;
  offset?: number;
}

export const meetingsKeys = {
  all: ["meetings"] as const,
  series: ["meetings", "series"] as const,
  list: (query: MeetingQuery) => ["meetings", "list", query] as const,
  detail: (id: string) => ["meetings", "detail", id] as const,
  actions: (query: ActionQuery) => ["meetings", "actions", query] as const,
  meetingActions: (id: string) => ["meetings", "meeting-actions", id] as const,
};

const useInvalidate = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meetingsKeys.all });
};

export const useSeries = () =>
  useQuery({
    queryKey: meetingsKeys.series,
    queryFn: ({ signal }) => fetchAll<MeetingSeries>("/api/meeting-series", {}, signal),
  });

export const useMeetings = (query: MeetingQuery) =>
  useQuery({
    queryKey: meetingsKeys.list(query),
    queryFn: ({ signal }) => api.get<Page<MeetingSummary>>("/api/meetings", query, signal),
    placeholderData: keepPreviousData,
  });

export const useMeeting = (id: string) =>
  useQuery({
    queryKey: meetingsKeys.detail(id),
    queryFn: ({ signal }) => api.get<MeetingDetail>(`/api/meetings/${id}`, undefined, signal),
  });

export const useMeetingActions = (id: string) =>
  useQuery({
    queryKey: meetingsKeys.meetingActions(id),
    queryFn: ({ signal }) =>
      api.get<MeetingActionItems>(`/api/meetings/${id}/action-items`, undefined, signal),
  });

export const useActionItems = (query: ActionQuery) =>
  useQuery({
    queryKey: meetingsKeys.actions(query),
    queryFn: ({ signal }) => api.get<Page<ActionItem>>("/api/action-items", query, signal),
    placeholderData: keepPreviousData,
  });

export interface MeetingInput {
  seriesId: string;
  startsOn: string;
  endsOn: string;
  city?: string | null;
  venue?: string | null;
  number?: number;
}

export function useCreateMeeting() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: MeetingInput) => api.post<MeetingDetail>("/api/meetings", input),
    onSuccess: invalidate,
  });
}

export function useMeetingMutation<I>(path: (input: I) => string, method: "post" | "patch" = "post") {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ input, body }: { input: I; body: unknown }) =>
      method === "post" ? api.post<unknown>(path(input), body) : api.patch<unknown>(path(input), body),
    onSuccess: invalidate,
  });
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
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: ActionStatus }) =>
      api.patch<ActionItem>(`/api/action-items/${id}`, { status }),
    onSuccess: () => client.invalidateQueries({ queryKey: meetingsKeys.all }),
  });
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

export interface ActionItemDetail extends ActionItem {
  reviews: {
    id: string;
    meetingId: string;
    numeral: string;
    meetingStartsOn: string;
    status: ActionStatus;
    note: string | null;
    createdAt: string;
  }[];
  evidenceFiles: FileRef[];
}

export const useActionItem = (id: string | null) =>
  useQuery({
    queryKey: [...meetingsKeys.all, "action", id],
    queryFn: ({ signal }) => api.get<ActionItemDetail>(`/api/action-items/${id}`, undefined, signal),
    enabled: id !== null,
  });

/** A write of the feature that refreshes its queries when it succeeds. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: write, onSuccess: invalidate });
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
