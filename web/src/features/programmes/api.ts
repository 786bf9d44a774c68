import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page } from "../../shared/api";
import { useAllQuery, useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
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

/** One record (or a report of it) by id, fetched once the id is known. */
const useRecord = <T>(key: string, id: string | undefined, path: string) =>
  useGetQuery<T>(programmesKeys.of(key, id), path, { enabled: !!id });

export const usePlans = (query: { nationId?: string; limit?: number; offset?: number }) =>
  usePageQuery<PlanSummary>(programmesKeys.of("plans", query), "/api/plans", query);

export const usePlan = (id: string | undefined) => useRecord<PlanDetail>("plan", id, `/api/plans/${id}`);

export const usePeriod = (id: string | undefined) =>
  useRecord<PeriodDetail>("period", id, `/api/plan-periods/${id}`);

export const usePeriodReport = (id: string | undefined) =>
  useRecord<PeriodReport>("period-report", id, `/api/plan-periods/${id}/report`);

export const useObjective = (id: string | undefined) =>
  useRecord<ObjectiveDetail>("objective", id, `/api/plan-objectives/${id}`);

export const useProgrammes = (query: { nationId?: string; limit?: number; offset?: number }) =>
  usePageQuery<ProgrammeSummary>(programmesKeys.of("programmes", query), "/api/annual-programmes", query);

export const useProgrammeReport = (id: string | undefined) =>
  useRecord<ProgrammeReport>("programme-report", id, `/api/annual-programmes/${id}/report`);

export const useComparison = (query: { nationId?: string; fromYear?: number; toYear?: number }) =>
  useGetQuery<YearFigure[]>(programmesKeys.of("comparison", query), "/api/annual-programmes/comparison", {
    query,
    enabled: !!query.nationId,
  });

export const useGoals = (query: GoalQuery) =>
  usePageQuery<Goal>(programmesKeys.of("goals", query), "/api/partnership-goals", query);

export const useGoalCounts = (query: GoalQuery) =>
  useGetQuery<GoalCounts>(programmesKeys.of("goal-counts", query), "/api/partnership-goals/counts", {
    query,
  });

export const useGoal = (id: string | undefined) =>
  useRecord<GoalDetail>("goal", id, `/api/partnership-goals/${id}`);

export const useFramework = (id: string | undefined) =>
  useRecord<FrameworkDocument>("framework", id, `/api/frameworks/${id}`);

export const useFrameworks = (nationId: string | undefined) =>
  useAllQuery<FrameworkDocument>(programmesKeys.of("frameworks", nationId), "/api/frameworks", { nationId });

/** Refreshes every list and record of the feature after a write. */
export const useInvalidate = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: programmesKeys.all });
};

/** A write that refreshes the feature's queries when it succeeds. */
const useWrite = <I, O>(write: (input: I) => Promise<O>) => useRefreshingMutation(programmesKeys.all, write);

export const useChangeGoalStatus = (id: string) =>
  useWrite((input: { status: GoalStatus; statusNote?: string | null }) =>
    api.patch<GoalDetail>(`/api/partnership-goals/${id}`, input),
  );

/** One side records (or withdraws) its agreement of a proposed goal; the second agreement makes it agreed. */
export const useGoalAgreement = (id: string) =>
  useWrite(({ side, withdraw }: { side: "partner" | "alliance"; withdraw?: boolean }) =>
    withdraw
      ? api.delete<GoalDetail>(`/api/partnership-goals/${id}/agreements/${side}`)
      : api.post<GoalDetail>(`/api/partnership-goals/${id}/agreements/${side}`),
  );

export const useAssessGoal = (id: string) =>
  useWrite((input: { cycleYear: number; rating: Rating; comments?: string | null }) =>
    api.post<GoalDetail>(`/api/partnership-goals/${id}/assessments`, input),
  );

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

export const useAddItem = (programmeId: string) =>
  useWrite((input: ItemInput) => api.post<unknown>(`/api/annual-programmes/${programmeId}/items`, input));

export const useRemoveItem = () =>
  useWrite((itemId: string) => api.delete<null>(`/api/programme-items/${itemId}`));

export const useCreateProgramme = () =>
  useWrite((input: { nationId: string; firstYear: number; lastYear: number; title: string }) =>
    api.post<ProgrammeSummary>("/api/annual-programmes", input),
  );

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
  useRecord<ProgrammeVersion[]>("programme-versions", id, `/api/annual-programmes/${id}/versions`);

export const useProgramme = (id: string | undefined) =>
  useRecord<ProgrammeDetail>("programme", id, `/api/annual-programmes/${id}`);

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
