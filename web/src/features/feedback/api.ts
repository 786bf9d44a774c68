import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../shared/api";
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

const useInvalidate = () => {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
};

export const useQuestions = (activityKind?: ActivityKind) =>
  useQuery({
    queryKey: keys.questions(activityKind),
    queryFn: ({ signal }) =>
      api.get<{ items: FeedbackQuestion[] }>(
        "/api/feedback/questions",
        activityKind ? { activityKind } : {},
        signal,
      ),
  });

export const usePendingFeedback = () =>
  useQuery({
    queryKey: keys.pending,
    queryFn: ({ signal }) => api.get<{ items: PendingEvent[] }>("/api/feedback/pending", undefined, signal),
  });

export const useFeedbackForm = (eventId: string | null) =>
  useQuery({
    queryKey: keys.form(eventId ?? ""),
    queryFn: ({ signal }) => api.get<FeedbackForm>(`/api/events/${eventId}/feedback`, undefined, signal),
    enabled: eventId !== null,
  });

export const useEventReport = (eventId: string) =>
  useQuery({
    queryKey: keys.eventReport(eventId),
    queryFn: ({ signal }) =>
      api.get<EventReport>(`/api/events/${eventId}/feedback/report`, undefined, signal),
  });

export const useActivityReport = (activityId: string) =>
  useQuery({
    queryKey: keys.activityReport(activityId),
    queryFn: ({ signal }) =>
      api.get<ActivityReport>(`/api/activities/${activityId}/feedback/report`, undefined, signal),
  });

export function useSubmitFeedback() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ eventId, input }: { eventId: string; input: FeedbackInput }) =>
      api.post<{ eventId: string; answered: true }>(`/api/events/${eventId}/feedback`, input),
    onSuccess: invalidate,
  });
}

export function useCreateQuestion() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: QuestionInput) => api.post<FeedbackQuestion>("/api/feedback/questions", input),
    onSuccess: invalidate,
  });
}

export function useUpdateQuestion() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: QuestionPatch }) =>
      api.patch<FeedbackQuestion>(`/api/feedback/questions/${id}`, patch),
    onSuccess: invalidate,
  });
}
