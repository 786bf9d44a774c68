import type { BodyOf, ResponseOf } from "../../shared/api/contract";

/** Participant feedback as the server declares it (generated from the API document). */
export type FeedbackQuestion = ResponseOf<"getFeedbackQuestions">["items"][number];
export type QuestionInput = BodyOf<"postFeedbackQuestions">;
export type QuestionPatch = BodyOf<"patchFeedbackQuestionsById">;
export type PendingEvent = ResponseOf<"getFeedbackPending">["items"][number];
export type FeedbackForm = ResponseOf<"getEventsByIdFeedback">;
export type FeedbackInput = BodyOf<"postEventsByIdFeedback">;
export type EventReport = ResponseOf<"getEventsByIdFeedbackReport">;
export type ActivityReport = ResponseOf<"getActivitiesByIdFeedbackReport">;
export type QuestionFigures = EventReport["questions"][number];
export type ActivityKind = FeedbackQuestion["activityKind"];
