import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../shared/api";

export interface Party {
  kind: "nation" | "organisation";
  id: string;
  code: string;
  nameEn: string;
}

export interface Receipt {
  recipientId: string;
  party: Party;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

export interface MessageSummary {
  id: string;
  threadId: string;
  forwardedFromId: string | null;
  sender: Party;
  sentBy: string | null;
  subject: string;
  excerpt: string;
  sentAt: string;
  sample: boolean;
  recipients: Receipt[];
  attachmentCount: number;
  side: "sender" | "recipient" | "observer";
  awaitingMyAcknowledgement: boolean;
}

export interface MessageDetail extends MessageSummary {
  body: string;
  releaseList: Party[];
  attachments: { id: string; filename: string; sizeBytes: number }[];
  canForward: boolean;
  canAttach: boolean;
  canWidenRelease: boolean;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
}

export interface MessageQuery {
  box?: "inbox" | "sent" | "all";
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ExchangeCounts {
  inbox: number;
  awaitingAcknowledgement: number;
  sent: number;
  visible: number;
}

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

export interface SendInput {
  senderNationId?: string;
  senderOrganisationId?: string;
  subject: string;
  body: string;
  recipientNationIds: string[];
  recipientOrganisationIds: string[];
}

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
