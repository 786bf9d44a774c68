import { api } from "../../shared/api";
import { useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
import type { ExchangeCounts, MessageDetail, MessageQuery, MessageSummary, Party, SendInput } from "./types";

export * from "./types";

const keys = {
  all: ["exchange"] as const,
  list: (query: MessageQuery) => ["exchange", "list", query] as const,
  counts: ["exchange", "counts"] as const,
  detail: (id: string) => ["exchange", "detail", id] as const,
  thread: (id: string) => ["exchange", "thread", id] as const,
  parties: ["exchange", "parties"] as const,
};

export const useMessages = (query: MessageQuery) =>
  usePageQuery<MessageSummary>(keys.list(query), "/api/exchange/messages", query);

export const useCounts = () => useGetQuery<ExchangeCounts>(keys.counts, "/api/exchange/counts");

export const useMessage = (id: string) =>
  useGetQuery<MessageDetail>(keys.detail(id), `/api/exchange/messages/${id}`);

export const useThread = (id: string) =>
  useGetQuery<{ threadId: string; items: MessageSummary[] }>(keys.thread(id), `/api/exchange/threads/${id}`);

export const useMyParties = () => useGetQuery<{ actsFor: Party[] }>(keys.parties, "/api/exchange/parties");

export function useSend() {
  return useRefreshingMutation(keys.all, (input: SendInput) =>
    api.post<MessageDetail>("/api/exchange/messages", input),
  );
}

export function useForward(id: string) {
  return useRefreshingMutation(
    keys.all,
    (input: { note?: string; recipientNationIds: string[]; recipientOrganisationIds: string[] }) =>
      api.post<MessageDetail>(`/api/exchange/messages/${id}/forward`, input),
  );
}

export function useAcknowledge(id: string) {
  return useRefreshingMutation(keys.all, () =>
    api.post<{ receipts: { recipientId: string; acknowledgedAt: string }[] }>(
      `/api/exchange/messages/${id}/acknowledge`,
      {},
    ),
  );
}
