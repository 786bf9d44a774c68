import type { Generated } from "kysely";
import type { CreatedAt, DateString, Id, UpdatedAt } from "./common.js";

export type FeedbackAnswerKind = "rating" | "text";

export interface FeedbackQuestionTable {
  id: Id;
  activityKind: string;
  position: number;
  answer: FeedbackAnswerKind;
  textEn: string;
  textAz: string | null;
  textRu: string | null;
  active: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** Who answered an event's questionnaire; nothing links it to the answers. */
export interface FeedbackReceiptTable {
  id: Id;
  eventId: string;
  personId: string;
}

/** One anonymous set of answers. */
export interface FeedbackResponseTable {
  id: Id;
  eventId: string;
  submittedOn: Generated<DateString>;
}

export interface FeedbackAnswerTable {
  responseId: string;
  questionId: string;
  rating: number | null;
  comment: string | null;
}

export interface FeedbackTables {
  feedbackQuestion: FeedbackQuestionTable;
  feedbackReceipt: FeedbackReceiptTable;
  feedbackResponse: FeedbackResponseTable;
  feedbackAnswer: FeedbackAnswerTable;
}
