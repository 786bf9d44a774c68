import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, type Page, toQueryString } from "../../shared/api";
import type { QueryOf, ResponseOf } from "../../shared/api/contract";

/** An entry of the audit trail; the API document leaves its `diff` open, so its shape is written here. */
export type AuditEntry = Omit<ResponseOf<"getAudit">["items"][number], "diff"> & {
  diff: {
    before?: Record<string, unknown>;
    after?: Record<string, unknown>;
    detail?: Record<string, unknown>;
  };
};

export type AuditFilters = Omit<QueryOf<"getAudit">, "actorUserId" | "limit" | "offset">;

export type ChainVerdict = ResponseOf<"getAuditVerify">;

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
export type InclusionProof = ResponseOf<"getTransparencyInclusionBySeq">;

export const useInclusionProof = () =>
  useMutation({
    mutationFn: (seq: number) => api.get<InclusionProof>(`/api/transparency/inclusion/${seq}`),
  });
