import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "../../shared/api";
import type { Nation } from "../directory/types";
import type {
  FrameworkDocument,
  Goal,
  GoalCounts,
  GoalDetail,
  GoalQuery,
  GoalStatus,
  ObjectiveDetail,
  PeriodDetail,
  PeriodReport,
  PlanDetail,
  PlanSummary,
  ProgrammeDetail,
  ProgrammeReport,
  ProgrammeSummary,
  ProgrammeVersion,
  Rating,
  TimelineEntry,
  YearFigure,
} from "./types";

export const programmesKeys = {
  all: ["programmes"] as const,
  of: (...parts: unknown[]) => ["programmes", ...parts] as const,
};

export const useNationOptions = () =>
  useQuery({
    queryKey: programmesKeys.of("nations"),
    queryFn: ({ signal }) => fetchAll<Nation>("/api/nations", { sort: "code" }, signal),
    staleTime: 5 * 60_000,
  });

export const useTimeline = (query: {
  nationId?: string;
  kinds?: string;
  fromYear?: number;
  toYear?: number;
}) =>
  useQuery({
    queryKey: programmesKeys.of("timeline", query),
    queryFn: ({ signal }) =>
      api.get<{ nation: { id: string; code: string; nameEn: string }; entries: TimelineEntry[] }>(
        "/api/partnership-timeline",
        query,
        signal,
      ),
    enabled: !!query.nationId,
    placeholderData: keepPreviousData,
  });

export const usePlans = (query: { nationId?: string; limit?: number; offset?: number }) =>
  useQuery({
    queryKey: programmesKeys.of("plans", query),
    queryFn: ({ signal }) => api.get<Page<PlanSummary>>("/api/plans", query, signal),
    placeholderData: keepPreviousData,
  });

export const usePlan = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("plan", id),
    queryFn: ({ signal }) => api.get<PlanDetail>(`/api/plans/${id}`, undefined, signal),
    enabled: !!id,
  });

export const usePeriod = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("period", id),
    queryFn: ({ signal }) => api.get<PeriodDetail>(`/api/plan-periods/${id}`, undefined, signal),
    enabled: !!id,
  });

export const usePeriodReport = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("period-report", id),
    queryFn: ({ signal }) => api.get<PeriodReport>(`/api/plan-periods/${id}/report`, undefined, signal),
    enabled: !!id,
  });

export const useObjective = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("objective", id),
    queryFn: ({ signal }) => api.get<ObjectiveDetail>(`/api/plan-objectives/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useProgrammes = (query: { nationId?: string; limit?: number; offset?: number }) =>
  useQuery({
    queryKey: programmesKeys.of("programmes", query),
    queryFn: ({ signal }) => api.get<Page<ProgrammeSummary>>("/api/annual-programmes", query, signal),
    placeholderData: keepPreviousData,
  });

export const useProgrammeReport = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("programme-report", id),
    queryFn: ({ signal }) =>
      api.get<ProgrammeReport>(`/api/annual-programmes/${id}/report`, undefined, signal),
    enabled: !!id,
  });

export const useComparison = (query: { nationId?: string; fromYear?: number; toYear?: number }) =>
  useQuery({
    queryKey: programmesKeys.of("comparison", query),
    queryFn: ({ signal }) => api.get<YearFigure[]>("/api/annual-programmes/comparison", query, signal),
    enabled: !!query.nationId,
  });

export const useGoals = (query: GoalQuery) =>
  useQuery({
    queryKey: programmesKeys.of("goals", query),
    queryFn: ({ signal }) => api.get<Page<Goal>>("/api/partnership-goals", query, signal),
    placeholderData: keepPreviousData,
  });

export const useGoalCounts = (query: GoalQuery) =>
  useQuery({
    queryKey: programmesKeys.of("goal-counts", query),
    queryFn: ({ signal }) => api.get<GoalCounts>("/api/partnership-goals/counts", query, signal),
  });

export const useGoal = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("goal", id),
    queryFn: ({ signal }) => api.get<GoalDetail>(`/api/partnership-goals/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useFramework = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("framework", id),
    queryFn: ({ signal }) => api.get<FrameworkDocument>(`/api/frameworks/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useFrameworks = (nationId: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("frameworks", nationId),
    queryFn: ({ signal }) => fetchAll<FrameworkDocument>("/api/frameworks", { nationId }, signal),
  });

/** Refreshes every list and record of the feature after a write. */
export const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programmesKeys.all });
};

export function useChangeGoalStatus(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { status: GoalStatus; statusNote?: string | null }) =>
      api.patch<GoalDetail>(`/api/partnership-goals/${id}`, input),
    onSuccess: invalidate,
  });
}

/** One side records (or withdraws) its agreement of a proposed goal; the second agreement makes it agreed. */
export function useGoalAgreement(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ side, withdraw }: { side: "partner" | "alliance"; withdraw?: boolean }) =>
      withdraw
        ? api.delete<GoalDetail>(`/api/partnership-goals/${id}/agreements/${side}`)
        : api.post<GoalDetail>(`/api/partnership-goals/${id}/agreements/${side}`),
    onSuccess: invalidate,
  });
}

export function useAssessGoal(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { cycleYear: number; rating: Rating; comments?: string | null }) =>
      api.post<GoalDetail>(`/api/partnership-goals/${id}/assessments`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateAction(objectiveId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: string; status?: string; progress?: number }) =>
      api.patch<ObjectiveDetail>(`/api/plan-actions/${id}`, input),
    onSuccess: invalidate,
    meta: { objectiveId },
  });
}

export interface AreaOption {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
}

/** Areas of cooperation (the catalogue's reference list). */
export const useAreas = () =>
  useQuery({
    queryKey: programmesKeys.of("areas"),
    queryFn: ({ signal }) => api.get<AreaOption[]>("/api/areas", undefined, signal),
    staleTime: 10 * 60_000,
  });

export const usePlanKinds = () =>
  useQuery({
    queryKey: programmesKeys.of("plan-kinds"),
    queryFn: ({ signal }) =>
      api.get<{ code: string; nameEn: string; nameAz: string; nameRu: string }[]>(
        "/api/plan-kinds",
        undefined,
        signal,
      ),
    staleTime: 10 * 60_000,
  });

export interface ItemInput {
  activityId?: string;
  title?: string;
  areaCode?: string;
  plannedStartsOn?: string | null;
  plannedParticipants?: number;
  objectiveIds?: string[];
}

export function useAddItem(programmeId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: ItemInput) => api.post<unknown>(`/api/annual-programmes/${programmeId}/items`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (itemId: string) => api.delete<null>(`/api/programme-items/${itemId}`),
    onSuccess: invalidate,
  });
}

export function useCreateProgramme() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { nationId: string; firstYear: number; lastYear: number; title: string }) =>
      api.post<ProgrammeSummary>("/api/annual-programmes", input),
    onSuccess: invalidate,
  });
}

export const searchActivities = (search: string) =>
  api
    .get<Page<{ id: string; code: string; titleEn: string; menuYear: number }>>("/api/activities", {
      q: search || undefined,
      limit: 20,
      facets: false,
    })
    .then((page) =>
      page.items.map((a) => ({ value: a.id, label: `${a.code} — ${a.titleEn} (${a.menuYear})` })),
    );

export const useProgrammeVersions = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("programme-versions", id),
    queryFn: ({ signal }) =>
      api.get<ProgrammeVersion[]>(`/api/annual-programmes/${id}/versions`, undefined, signal),
    enabled: !!id,
  });

export const useProgramme = (id: string | undefined) =>
  useQuery({
    queryKey: programmesKeys.of("programme", id),
    queryFn: ({ signal }) => api.get<ProgrammeDetail>(`/api/annual-programmes/${id}`, undefined, signal),
    enabled: !!id,
  });

export const searchGoals = (nationId: string | null | undefined) => (search: string) =>
  api
    .get<Page<{ id: string; code: string; title: string }>>("/api/partnership-goals", {
      nationId: nationId ?? undefined,
      limit: 100,
    })
    .then((page) =>
      page.items
        .filter((goal) => `${goal.code} ${goal.title}`.toLowerCase().includes(search.toLowerCase()))
        .map((goal) => ({ value: goal.id, label: `${goal.code} — ${goal.title}` })),
    );
