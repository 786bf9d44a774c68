import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../shared/api";
import { useGetQuery, useRefreshingMutation } from "../../shared/queries";

export interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  recordType: string | null;
  recordId: string | null;
  params: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export type Delivery = "immediate" | "digest" | "in_app";

export interface Preferences {
  email: string | null;
  effectiveEmail: string | null;
  language: string;
  kinds: { kind: string; delivery: Delivery }[];
}

interface Section<T> {
  total: number;
  items: T[];
}

/** What needs the signed-in person (GET /api/notifications/attention). */
export interface Attention {
  notices: Section<{ id: string; kind: string; title: string; link: string | null; createdAt: string }>;
  actionItems: Section<{
    id: string;
    title: string;
    deadline: string | null;
    meetingId: string;
    overdue: boolean;
  }>;
  nominations: Section<{
    id: string;
    eventId: string;
    activityCode: string;
    startsOn: string;
    personName: string;
    nationCode: string;
  }>;
  evaluations: Section<{
    id: string;
    title: string;
    unitName: string;
    startsOn: string;
    endsOn: string;
    state: string;
    onTeam: boolean;
  }>;
  visits: Section<{ id: string; title: string; startsOn: string; endsOn: string; city: string | null }>;
  certificates: Section<{ id: string; number: string; validUntil: string | null }>;
  messages: Section<{ id: string; subject: string; sentAt: string }>;
}

/** Every query of this feature starts with this key; any successful mutation invalidates it (query-client.ts). */
export const NOTIFICATIONS_KEY = "notifications";
const keys = {
  unread: [NOTIFICATIONS_KEY, "unread-count"] as const,
  list: (query: object) => [NOTIFICATIONS_KEY, "list", query] as const,
  preferences: [NOTIFICATIONS_KEY, "preferences"] as const,
  attention: [NOTIFICATIONS_KEY, "attention"] as const,
};

/** The bell's count: read again every 30 seconds, when the window regains focus, and after any change. */
export const useUnreadCount = (enabled: boolean) =>
  useQuery({
    queryKey: keys.unread,
    queryFn: ({ signal }) => api.get<{ unread: number }>("/api/notifications/unread-count", {}, signal),
    enabled,
    staleTime: 0,
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });

export const useNoticeList = (query: { unread?: boolean; kind?: string; limit: number; offset: number }) =>
  useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api.get<Page<Notice> & { unread: number }>("/api/notifications", query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAttention = (enabled: boolean) =>
  useQuery({
    queryKey: keys.attention,
    queryFn: ({ signal }) => api.get<Attention>("/api/notifications/attention", {}, signal),
    enabled,
    staleTime: 0,
  });

export const useMarkRead = () =>
  useRefreshingMutation([NOTIFICATIONS_KEY], (ids: string[] | "all") =>
    api.post<{ marked: number }>("/api/notifications/read", { ids }),
  );

export const usePreferences = () =>
  useGetQuery<Preferences>(keys.preferences, "/api/notifications/preferences");

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email?: string | null; kinds?: { kind: string; delivery: Delivery }[] }) =>
      api.put<Preferences>("/api/notifications/preferences", input),
    onSuccess: (saved) => client.setQueryData(keys.preferences, saved),
  });
}
