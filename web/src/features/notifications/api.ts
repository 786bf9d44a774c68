import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/api";
import type { ResponseOf } from "../../shared/api/contract";
import { useGetQuery, useRefreshingMutation } from "../../shared/queries";

/** One's notices, the preferences and what needs one, as the server declares them (generated from the API document). */
export type NoticeList = ResponseOf<"getNotifications">;
export type Notice = NoticeList["items"][number];
export type Preferences = ResponseOf<"getNotificationsPreferences">;
export type Delivery = Preferences["kinds"][number]["delivery"];
/** What needs the signed-in person (GET /api/notifications/attention). */
export type Attention = ResponseOf<"getNotificationsAttention">;

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
    queryFn: ({ signal }) => api.get<NoticeList>("/api/notifications", query, signal),
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
