import { api, type Page, type QueryParams } from "../../shared/api";
import { useAllQuery, useGetQuery, usePageQuery, useRefreshingMutation } from "../../shared/queries";
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

/** A mutation that refreshes the feature's queries when it succeeds. */
function useWrite<I, O>(write: (input: I) => Promise<O>) {
  return useRefreshingMutation(operationsKeys.all, write);
}

// Exercises

export const useExercises = (query: ExerciseListQuery) =>
  usePageQuery<Exercise>(operationsKeys.exercises(query), "/api/exercises", query);

export const useExercise = (id: string) =>
  useGetQuery<ExerciseDetail>(operationsKeys.exercise(id), `/api/exercises/${id}`);

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
}) => useGetQuery<Page<Lesson>>(operationsKeys.lessons(query), "/api/lessons", { query });

export const useAddLesson = (exerciseId: string) =>
  useWrite((input: Record<string, unknown>) =>
    api.post<Lesson>(`/api/exercises/${exerciseId}/lessons`, input),
  );

export const useTransitionLesson = () =>
  useWrite(({ id, ...input }: { id: string; to: LessonStatus; followUpReference?: string; note?: string }) =>
    api.post<Lesson>(`/api/lessons/${id}/transition`, input),
  );

// Operations and contingents

export const useOperations = () => useAllQuery<Operation>(operationsKeys.operations(), "/api/operations");

export const useOperation = (id: string) =>
  useGetQuery<Operation>(operationsKeys.operation(id), `/api/operations/${id}`);

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
  useAllQuery<Contingent>(operationsKeys.contingents(query), "/api/contingents", query, { enabled });

export const useContingent = (id: string) =>
  useGetQuery<ContingentDetail>(operationsKeys.contingent(id), `/api/contingents/${id}`);

export const useStrength = (query: { operationId?: string; nationId?: string }, enabled = true) =>
  useGetQuery<{ points: StrengthPoint[] }>(operationsKeys.strength(query), "/api/contingents/strength", {
    query,
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
  useGetQuery<{ items: TrustFund[] }>(operationsKeys.funds(), "/api/trust-funds", { enabled });

export const useFundContributions = (query: {
  trustFundId?: string;
  nationId?: string;
  limit?: number;
  offset?: number;
}) => usePageQuery<FundContribution>(operationsKeys.contributions(query), "/api/fund-contributions", query);

export const useFundTotals = (query: { trustFundId?: string; nationId?: string }) =>
  useGetQuery<{ totals: FundTotal[] }>(operationsKeys.totals(query), "/api/fund-contributions/totals", {
    query,
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
