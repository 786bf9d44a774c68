import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../shared/api";
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

const useInvalidate = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
};

export const useMessages = (query: MessageQuery) =>
  useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => api.get<Page<MessageSummary>>("/api/exchange/messages", query, signal),
    placeholderData: keepPreviousData,
  });

export const useCounts = () =>
  useQuery({
    queryKey: keys.counts,
    queryFn: ({ signal }) => api.get<ExchangeCounts>("/api/exchange/counts", undefined, signal),
  });

export const useMessage = (id: string) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => api.get<MessageDetail>(`/api/exchange/messages/${id}`, undefined, signal),
  });

export const useThread = (id: string) =>
  useQuery({
    queryKey: keys.thread(id),
    queryFn: ({ signal }) =>
      api.get<{ threadId: string; items: MessageSummary[] }>(
        `/api/exchange/threads/${id}`,
        undefined,
        signal,
      ),
  });

export const useMyParties = () =>
  useQuery({
    queryKey: keys.parties,
    queryFn: ({ signal }) => api.get<{ actsFor: Party[] }>("/api/exchange/parties", undefined, signal),
  });

export function useSend() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: SendInput) => api.post<MessageDetail>("/api/exchange/messages", input),
    onSuccess: invalidate,
  });
}

export function useForward(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: {
      note?: string;
      recipientNationIds: string[];
      recipientOrganisationIds: string[];
    }) => api.post<MessageDetail>(`/api/exchange/messages/${id}/forward`, input),
    onSuccess: invalidate,
  });
}

export function useAcknowledge(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: () =>
      api.post<{ receipts: { recipientId: string; acknowledgedAt: string }[] }>(
        `/api/exchange/messages/${id}/acknowledge`,
        {},
      ),
    onSuccess: invalidate,
  });
}
