import { useQueryClient } from "@tanstack/react-query";
import { ApiError, api, type Page } from "../../shared/api";
import { useAllQuery, useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
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
  usePageQuery<EvaluationSummary>(readinessKeys.evaluations(query), "/api/readiness/evaluations", query);

export const useEvaluation = (id: string) =>
  useGetQuery<EvaluationDetail>(readinessKeys.evaluation(id), `/api/readiness/evaluations/${id}`);

export const useUnits = (query: { q?: string; limit?: number; offset?: number }) =>
  usePageQuery<Unit>(readinessKeys.units(query), "/api/readiness/units", query);

export const fetchUnitOptions = (q: string) =>
  api
    .get<Page<Unit>>("/api/readiness/units", { q, limit: 20 })
    .then((page) => page.items.map((unit) => ({ value: unit.id, label: `${unit.code} · ${unit.nameEn}` })));

export const useUnit = (id: string) =>
  useGetQuery<Unit>(readinessKeys.unit(id), `/api/readiness/units/${id}`);

export const useChecklists = () =>
  useAllQuery<ChecklistTemplate>(readinessKeys.checklists, "/api/readiness/checklists");

export function usePlanEvaluation() {
  return useRefreshingMutation(readinessKeys.all, (input: EvaluationInput) =>
    api.post<EvaluationDetail>("/api/readiness/evaluations", input),
  );
}

export const useEligibleEvaluators = (id: string, enabled: boolean) =>
  useAllQuery<EligibleEvaluator>(
    readinessKeys.eligible(id),
    `/api/readiness/evaluations/${id}/eligible-evaluators`,
    {},
    { enabled },
  );

export function useAddTeamMember(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: { personId: string; role: "lead" | "evaluator"; override?: boolean; overrideReason?: string }) =>
      api.post<EvaluationDetail>(`/api/readiness/evaluations/${id}/team`, input),
  );
}

export function useRemoveTeamMember(id: string) {
  return useRefreshingMutation(readinessKeys.all, (memberId: string) =>
    api.delete<EvaluationDetail>(`/api/readiness/evaluations/${id}/team/${memberId}`),
  );
}

export function useUpdateEvaluation(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (patch: { state?: "planned" | "in_progress" | "cancelled" }) =>
      api.patch<EvaluationDetail>(`/api/readiness/evaluations/${id}`, patch),
  );
}

export const useEvaluationChecklist = (id: string) =>
  useGetQuery<EvaluationChecklist>(
    readinessKeys.checklist(id),
    `/api/readiness/evaluations/${id}/checklist`,
    {
      // Answers are saved one by one; a refetch would overwrite what is on screen mid-entry.
      refetchOnWindowFocus: false,
    },
  );

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
  useGetQuery<Results>(readinessKeys.results(id), `/api/readiness/evaluations/${id}/results`);

export function useAddFinding(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: { kind: "finding" | "recommendation"; text: string; areaId?: string | null }) =>
      api.post<Finding>(`/api/readiness/evaluations/${id}/findings`, input),
  );
}

export function useAddAction(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: {
      title: string;
      dueOn: string;
      ownerOrganisationId?: string | null;
      findingId?: string | null;
    }) => api.post<FollowUpAction>(`/api/readiness/evaluations/${id}/actions`, input),
  );
}

export function useUpdateAction(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    ({ actionId, status }: { actionId: string; status: FollowUpAction["status"] }) =>
      api.patch<FollowUpAction>(`/api/readiness/evaluations/${id}/actions/${actionId}`, { status }),
  );
}

export function useReport(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: { summaryStatement?: string | null; meetsStandards?: boolean }) =>
      api.post<EvaluationDetail>(`/api/readiness/evaluations/${id}/report`, input),
  );
}

export const fetchOrganisationOptions = (q: string) =>
  api
    .get<Page<{ id: string; code: string; nameEn: string }>>("/api/organisations", { q, limit: 20 })
    .then((page) => page.items.map((o) => ({ value: o.id, label: `${o.code} · ${o.nameEn}` })));

export function useCreateChecklist() {
  return useRefreshingMutation(readinessKeys.all, (input: { code: string; title: string }) =>
    api.post<ChecklistTemplate>("/api/readiness/checklists", input),
  );
}

/** Imports the next version of a template from a CSV or XLSX file (multipart, with the session's CSRF token). */
export function useImportChecklist(templateId: string) {
  return useRefreshingMutation(readinessKeys.all, (file: File) =>
    api.upload<{ version: number }>(`/api/readiness/checklists/${templateId}/import`, file),
  );
}

export function useSetUnitProfile(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: { unitType: string; size: string; echelon?: string | null; isHeadquarters: boolean }) =>
      api.put<Unit>(`/api/readiness/units/${id}/profile`, input),
  );
}

export function useAddDeclaration(id: string) {
  return useRefreshingMutation(
    readinessKeys.all,
    (input: { poolName: string; declaredFrom: string; declaredTo?: string | null }) =>
      api.post<Unit>(`/api/readiness/units/${id}/declarations`, input),
  );
}
