import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, fetchAll, type Page, type QueryParams } from "../../shared/api";
import type {
  Contingent,
  ContingentDetail,
  Exercise,
  ExerciseDetail,
  ExerciseListQuery,
  FundContribution,
  FundTotal,
  Lesson,
  LessonStatus,
  Operation,
  StrengthPoint,
  TrustFund,
} from "./types";

/** Every query of the feature starts with "operations", so one invalidation refreshes them all. */
export const operationsKeys = {
  all: ["operations"] as const,
  exercises: (query: ExerciseListQuery) => ["operations", "exercises", query] as const,
  exercise: (id: string) => ["operations", "exercise", id] as const,
  lessons: (query: QueryParams) => ["operations", "lessons", query] as const,
  operations: () => ["operations", "operations"] as const,
  operation: (id: string) => ["operations", "operation", id] as const,
  contingents: (query: QueryParams) => ["operations", "contingents", query] as const,
  contingent: (id: string) => ["operations", "contingent", id] as const,
  strength: (query: QueryParams) => ["operations", "strength", query] as const,
  funds: () => ["operations", "trust-funds"] as const,
  contributions: (query: QueryParams) => ["operations", "contributions", query] as const,
  totals: (query: QueryParams) => ["operations", "totals", query] as const,
};

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: operationsKeys.all });
}

/** A mutation that refreshes the feature's queries when it succeeds. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: write, onSuccess: invalidate });
}

// Exercises

export const useExercises = (query: ExerciseListQuery) =>
  useQuery({
    queryKey: operationsKeys.exercises(query),
    queryFn: ({ signal }) => api.get<Page<Exercise>>("/api/exercises", { ...query }, signal),
    placeholderData: keepPreviousData,
  });

export const useExercise = (id: string) =>
  useQuery({
    queryKey: operationsKeys.exercise(id),
    queryFn: ({ signal }) => api.get<ExerciseDetail>(`/api/exercises/${id}`, undefined, signal),
  });

export const useAddParticipant = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<ExerciseDetail>(`/api/exercises/${exerciseId}/participants`, input),
  );

export const useRemoveParticipant = (exerciseId: string) =>
  useWrite((participantId: string) =>
    api.delete<ExerciseDetail>(`/api/exercises/${exerciseId}/participants/${participantId}`),
  );

export const useAddConference = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<ExerciseDetail>(`/api/exercises/${exerciseId}/conferences`, input),
  );

export const useAddMilestone = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<ExerciseDetail>(`/api/exercises/${exerciseId}/milestones`, input),
  );

export const useUpdateMilestone = (exerciseId: string) =>
  useWrite(({ id, ...patch }: { id: string; doneOn: string | null }) =>
    api.patch<ExerciseDetail>(`/api/exercises/${exerciseId}/milestones/${id}`, patch),
  );

export const useAddObjective = (exerciseId: string) =>
  useWrite((input: { text: string }) =>
    api.post<ExerciseDetail>(`/api/exercises/${exerciseId}/objectives`, input),
  );

export const useAddStage = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<ExerciseDetail>(`/api/exercises/${exerciseId}/stages`, input),
  );

export const useRemoveStage = (exerciseId: string) =>
  useWrite((stageId: string) => api.delete<ExerciseDetail>(`/api/exercises/${exerciseId}/stages/${stageId}`));

export const useUpdateParticipant = (exerciseId: string) =>
  useWrite(({ id, ...patch }: { id: string } & Record<string, unknown>) =>
    api.patch<ExerciseDetail>(`/api/exercises/${exerciseId}/participants/${id}`, patch),
  );

// Lessons

export const useLessons = (query: {
  exerciseId?: string;
  status?: LessonStatus;
  limit?: number;
  offset?: number;
}) =>
  useQuery({
    queryKey: operationsKeys.lessons(query),
    queryFn: ({ signal }) => api.get<Page<Lesson>>("/api/lessons", { ...query }, signal),
  });

export const useAddLesson = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<Lesson>(`/api/exercises/${exerciseId}/lessons`, input),
  );

export const useTransitionLesson = () =>
  useWrite(({ id, ...input }: { id: string; to: LessonStatus; followUpReference?: string; note?: string }) =>
    api.post<Lesson>(`/api/lessons/${id}/transition`, input),
  );

// Operations and contingents

export const useOperations = () =>
  useQuery({
    queryKey: operationsKeys.operations(),
    queryFn: ({ signal }) => fetchAll<Operation>("/api/operations", {}, signal),
  });

export const useOperation = (id: string) =>
  useQuery({
    queryKey: operationsKeys.operation(id),
    queryFn: ({ signal }) => api.get<Operation>(`/api/operations/${id}`, undefined, signal),
  });

export const useCreateOperation = () =>
  useWrite((input: Record<string, unknown>) => api.post<Operation>("/api/operations", input));

export const useUpdateOperation = (id: string) =>
  useWrite((patch: Record<string, unknown>) => api.patch<Operation>(`/api/operations/${id}`, patch));

export const useCreateContingent = () =>
  useWrite((input: Record<string, unknown>) => api.post<ContingentDetail>("/api/contingents", input));

export const useUpdateContingent = (id: string) =>
  useWrite((patch: Record<string, unknown>) => api.patch<ContingentDetail>(`/api/contingents/${id}`, patch));

export const useUpdateRotation = (contingentId: string) =>
  useWrite(({ id, ...patch }: { id: string } & Record<string, unknown>) =>
    api.patch<ContingentDetail>(`/api/contingents/${contingentId}/rotations/${id}`, patch),
  );

export const useContingents = (query: { operationId?: string; nationId?: string }, enabled = true) =>
  useQuery({
    queryKey: operationsKeys.contingents(query),
    queryFn: ({ signal }) => fetchAll<Contingent>("/api/contingents", query, signal),
    enabled,
  });

export const useContingent = (id: string) =>
  useQuery({
    queryKey: operationsKeys.contingent(id),
    queryFn: ({ signal }) => api.get<ContingentDetail>(`/api/contingents/${id}`, undefined, signal),
  });

export const useStrength = (query: { operationId?: string; nationId?: string }, enabled = true) =>
  useQuery({
    queryKey: operationsKeys.strength(query),
    queryFn: ({ signal }) =>
      api.get<{ points: StrengthPoint[] }>("/api/contingents/strength", { ...query }, signal),
    enabled,
  });

export const useAddRotation = (contingentId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<ContingentDetail>(`/api/contingents/${contingentId}/rotations`, input),
  );

export const useRemoveRotation = (contingentId: string) =>
  useWrite((rotationId: string) =>
    api.delete<ContingentDetail>(`/api/contingents/${contingentId}/rotations/${rotationId}`),
  );

// Trust funds

export const useTrustFunds = (enabled = true) =>
  useQuery({
    queryKey: operationsKeys.funds(),
    queryFn: ({ signal }) => api.get<{ items: TrustFund[] }>("/api/trust-funds", undefined, signal),
    enabled,
  });

export const useFundContributions = (query: {
  trustFundId?: string;
  nationId?: string;
  limit?: number;
  offset?: number;
}) =>
  useQuery({
    queryKey: operationsKeys.contributions(query),
    queryFn: ({ signal }) => api.get<Page<FundContribution>>("/api/fund-contributions", { ...query }, signal),
    placeholderData: keepPreviousData,
  });

export const useFundTotals = (query: { trustFundId?: string; nationId?: string }) =>
  useQuery({
    queryKey: operationsKeys.totals(query),
    queryFn: ({ signal }) =>
      api.get<{ totals: FundTotal[] }>("/api/fund-contributions/totals", { ...query }, signal),
  });

export const useAddFundContribution = () =>
  useWrite((input: Record<string, unknown>) => api.post<FundContribution>("/api/fund-contributions", input));

export const useUpdateFundContribution = () =>
  useWrite(({ id, ...patch }: { id: string } & Record<string, unknown>) =>
    api.patch<FundContribution>(`/api/fund-contributions/${id}`, patch),
  );

export const useCreateExercise = () =>
  useWrite((input: Record<string, unknown>) => api.post<ExerciseDetail>("/api/exercises", input));

export const useSetAttendance = (exerciseId: string) =>
  useWrite(
    ({
      conferenceId,
      entries,
    }: {
      conferenceId: string;
      entries: { nationId: string; attendees: number }[];
    }) =>
      api.put<ExerciseDetail>(`/api/exercises/${exerciseId}/conferences/${conferenceId}/attendance`, {
        entries,
      }),
  );

export const useUpdateExercise = (exerciseId: string) =>
  useWrite((patch: Record<string, unknown>) =>
    api.patch<ExerciseDetail>(`/api/exercises/${exerciseId}`, patch),
  );
