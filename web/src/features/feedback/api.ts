import { api } from "../../shared/api";
import { useGetQuery, useRefreshingMutation } from "../../shared/queries";
import type {
  ActivityKind,
  ActivityReport,
  EventReport,
  FeedbackForm,
  FeedbackInput,
  FeedbackQuestion,
  PendingEvent,
  QuestionInput,
  QuestionPatch,
} from "./types";

export * from "./types";

const keys = {
  all: ["feedback"] as const,
  questions: (kind?: ActivityKind) => ["feedback", "questions", kind ?? "all"] as const,
  pending: ["feedback", "pending"] as const,
  form: (eventId: string) => ["feedback", "form", eventId] as const,
  eventReport: (eventId: string) => ["feedback", "report", "event", eventId] as const,
  activityReport: (activityId: string) => ["feedback", "report", "activity", activityId] as const,
};

export const useQuestions = (activityKind?: ActivityKind) =>
  useGetQuery<{ items: FeedbackQuestion[] }>(keys.questions(activityKind), "/api/feedback/questions", {
    query: activityKind ? { activityKind } : {},
  });

export const usePendingFeedback = () =>
  useGetQuery<{ items: PendingEvent[] }>(keys.pending, "/api/feedback/pending");

export const useFeedbackForm = (eventId: string | null) =>
  useGetQuery<FeedbackForm>(keys.form(eventId ?? ""), `/api/events/${eventId}/feedback`, {
    enabled: eventId !== null,
  });

export const useEventReport = (eventId: string) =>
  useGetQuery<EventReport>(keys.eventReport(eventId), `/api/events/${eventId}/feedback/report`);

export const useActivityReport = (activityId: string) =>
  useGetQuery<ActivityReport>(
    keys.activityReport(activityId),
    `/api/activities/${activityId}/feedback/report`,
  );

export function useSubmitFeedback() {
  return useRefreshingMutation(keys.all, ({ eventId, input }: { eventId: string; input: FeedbackInput }) =>
    api.post<{ eventId: string; answered: true }>(`/api/events/${eventId}/feedback`, input),
  );
}

export function useCreateQuestion() {
  return useRefreshingMutation(keys.all, (input: QuestionInput) =>
    api.post<FeedbackQuestion>("/api/feedback/questions", input),
  );
}

export function useUpdateQuestion() {
  return useRefreshingMutation(keys.all, ({ id, patch }: { id: string; patch: QuestionPatch }) =>
    api.patch<FeedbackQuestion>(`/api/feedback/questions/${id}`, patch),
  );
}
