import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, fetchAll, type Page } from "../../shared/api";
import type {
  Answer,
  AnswerValue,
  ChecklistTemplate,
  EligibleEvaluator,
  EvaluationChecklist,
  EvaluationDetail,
  EvaluationInput,
  EvaluationQuery,
  EvaluationSummary,
  Finding,
  FollowUpAction,
  Results,
  Unit,
} from "./types";

export const readinessKeys = {
  all: ["readiness"] as const,
  evaluations: (query: EvaluationQuery) => ["readiness", "evaluations", query] as const,
  evaluation: (id: string) => ["readiness", "evaluation", id] as const,
  checklist: (id: string) => ["readiness", "evaluation", id, "checklist"] as const,
  results: (id: string) => ["readiness", "evaluation", id, "results"] as const,
  eligible: (id: string) => ["readiness", "evaluation", id, "eligible"] as const,
  units: (query: object) => ["readiness", "units", query] as const,
  unit: (id: string) => ["readiness", "unit", id] as const,
  checklists: ["readiness", "checklists"] as const,
};

export const useInvalidateReadiness = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: readinessKeys.all });
};

export const useEvaluations = (query: EvaluationQuery) =>
  useQuery({
    queryKey: readinessKeys.evaluations(query),
    queryFn: ({ signal }) => api.get<Page<EvaluationSummary>>("/api/readiness/evaluations", query, signal),
    placeholderData: keepPreviousData,
  });

export const useEvaluation = (id: string) =>
  useQuery({
    queryKey: readinessKeys.evaluation(id),
    queryFn: ({ signal }) => api.get<EvaluationDetail>(`/api/readiness/evaluations/${id}`, undefined, signal),
  });

export const useUnits = (query: { q?: string; limit?: number; offset?: number }) =>
  useQuery({
    queryKey: readinessKeys.units(query),
    queryFn: ({ signal }) => api.get<Page<Unit>>("/api/readiness/units", query, signal),
    placeholderData: keepPreviousData,
  });

export const fetchUnitOptions = (q: string) =>
  api
    .get<Page<Unit>>("/api/readiness/units", { q, limit: 20 })
    .then((page) => page.items.map((unit) => ({ value: unit.id, label: `${unit.code} · ${unit.nameEn}` })));

export const useUnit = (id: string) =>
  useQuery({
    queryKey: readinessKeys.unit(id),
    queryFn: ({ signal }) => api.get<Unit>(`/api/readiness/units/${id}`, undefined, signal),
  });

export const useChecklists = () =>
  useQuery({
    queryKey: readinessKeys.checklists,
    queryFn: ({ signal }) => fetchAll<ChecklistTemplate>("/api/readiness/checklists", {}, signal),
  });

export function usePlanEvaluation() {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: EvaluationInput) => api.post<EvaluationDetail>("/api/readiness/evaluations", input),
    onSuccess: invalidate,
  });
}

export const useEligibleEvaluators = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: readinessKeys.eligible(id),
    queryFn: ({ signal }) =>
      fetchAll<EligibleEvaluator>(`/api/readiness/evaluations/${id}/eligible-evaluators`, {}, signal),
    enabled,
  });

export function useAddTeamMember(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: {
      personId: string;
      role: "lead" | "evaluator";
      override?: boolean;
      overrideReason?: string;
    }) => api.post<EvaluationDetail>(`/api/readiness/evaluations/${id}/team`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveTeamMember(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (memberId: string) =>
      api.delete<EvaluationDetail>(`/api/readiness/evaluations/${id}/team/${memberId}`),
    onSuccess: invalidate,
  });
}

export function useUpdateEvaluation(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (patch: { state?: "planned" | "in_progress" | "cancelled" }) =>
      api.patch<EvaluationDetail>(`/api/readiness/evaluations/${id}`, patch),
    onSuccess: invalidate,
  });
}

export const useEvaluationChecklist = (id: string) =>
  useQuery({
    queryKey: readinessKeys.checklist(id),
    queryFn: ({ signal }) =>
      api.get<EvaluationChecklist>(`/api/readiness/evaluations/${id}/checklist`, undefined, signal),
    // Answers are saved one by one; a refetch would overwrite what is on screen mid-entry.
    refetchOnWindowFocus: false,
  });

/** The answer the server holds when a save was refused as stale (another evaluator wrote first). */
export class StaleAnswerError extends Error {
  constructor(readonly current: Answer) {
    super("stale");
  }
}

export async function saveAnswer(
  evaluationId: string,
  criterionId: string,
  body: { answer: AnswerValue | null; comment?: string | null; evidence?: string | null; version: number },
): Promise<Answer> {
  try {
    return await api.patch<Answer>(`/api/readiness/evaluations/${evaluationId}/answers/${criterionId}`, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.code === "CONFLICT") {
      const current = await api
        .get<EvaluationChecklist>(`/api/readiness/evaluations/${evaluationId}/checklist`)
        .then((list) => list.areas.flatMap((area) => area.criteria).find((c) => c.id === criterionId));
      if (current) throw new StaleAnswerError(current);
    }
    throw error;
  }
}

export const useResults = (id: string) =>
  useQuery({
    queryKey: readinessKeys.results(id),
    queryFn: ({ signal }) => api.get<Results>(`/api/readiness/evaluations/${id}/results`, undefined, signal),
  });

export function useAddFinding(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: { kind: "finding" | "recommendation"; text: string; areaId?: string | null }) =>
      api.post<Finding>(`/api/readiness/evaluations/${id}/findings`, input),
    onSuccess: invalidate,
  });
}

export function useAddAction(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: {
      title: string;
      dueOn: string;
      ownerOrganisationId?: string | null;
      findingId?: string | null;
    }) => api.post<FollowUpAction>(`/api/readiness/evaluations/${id}/actions`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateAction(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: ({ actionId, status }: { actionId: string; status: FollowUpAction["status"] }) =>
      api.patch<FollowUpAction>(`/api/readiness/evaluations/${id}/actions/${actionId}`, { status }),
    onSuccess: invalidate,
  });
}

export function useReport(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: { summaryStatement?: string | null; meetsStandards?: boolean }) =>
      api.post<EvaluationDetail>(`/api/readiness/evaluations/${id}/report`, input),
    onSuccess: invalidate,
  });
}

export const fetchOrganisationOptions = (q: string) =>
  api
    .get<Page<{ id: string; code: string; nameEn: string }>>("/api/organisations", { q, limit: 20 })
    .then((page) => page.items.map((o) => ({ value: o.id, label: `${o.code} · ${o.nameEn}` })));

export function useCreateChecklist() {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: { code: string; title: string }) =>
      api.post<ChecklistTemplate>("/api/readiness/checklists", input),
    onSuccess: invalidate,
  });
}

/** Imports the next version of a template from a CSV or XLSX file (multipart, with the session's CSRF token). */
export function useImportChecklist(templateId: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (file: File) =>
      api.upload<{ version: number }>(`/api/readiness/checklists/${templateId}/import`, file),
    onSuccess: invalidate,
  });
}

export function useSetUnitProfile(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: {
      unitType: string;
      size: string;
      echelon?: string | null;
      isHeadquarters: boolean;
    }) => api.put<Unit>(`/api/readiness/units/${id}/profile`, input),
    onSuccess: invalidate,
  });
}

export function useAddDeclaration(id: string) {
  const invalidate = useInvalidateReadiness();
  return useMutation({
    mutationFn: (input: { poolName: string; declaredFrom: string; declaredTo?: string | null }) =>
      api.post<Unit>(`/api/readiness/units/${id}/declarations`, input),
    onSuccess: invalidate,
  });
}
