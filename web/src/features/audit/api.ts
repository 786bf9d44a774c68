import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, type Page, toQueryString } from "../../shared/api";

export interface AuditEntry {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  recordType: string;
  recordId: string | null;
  diff: {
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    detail?: Record<string, unknown>;
  };
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditFilters {
  actor?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  from?: string;
  to?: string;
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  lastHash: string | null;
  brokenAt?: number;
  reason?: string;
}

export const useAuditEntries = (query: AuditFilters & { limit: number; offset: number }) =>
  useQuery({
    queryKey: ["audit", "entries", query],
    queryFn: ({ signal }) => api.get<Page<AuditEntry>>("/api/audit", query, signal),
    placeholderData: keepPreviousData,
  });

export const useVerifyChain = () =>
  useMutation({ mutationFn: () => api.get<ChainVerdict>("/api/audit/verify") });

/** The CSV export is a plain link (a download the browser handles), with the same filters as the table. */
export const exportUrl = (filters: AuditFilters) => `/api/audit/export.csv${toQueryString(filters)}`;

/** An audit entry's inclusion proof in a signed head of the transparency log (GET /api/transparency/inclusion). */
export interface InclusionProof {
  seq: number;
  leafIndex: number;
  chainHash: string;
  leafHash: string;
  treeSize: number;
  proof: string[];
  head: {
    origin: string;
    treeSize: number;
    rootHash: string;
    timestamp: string;
    keyId: string;
    signature: string;
  };
}

export const useInclusionProof = () =>
  useMutation({
    mutationFn: (seq: number) => api.get<InclusionProof>(`/api/transparency/inclusion/${seq}`),
  });
