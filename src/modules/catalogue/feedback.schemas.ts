import { type Static, Type } from "typebox";
import { Nullable, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";
import { ACTIVITY_KINDS } from "./catalogue.schemas.js";
import { NominatedEvent } from "./nominated-event.schemas.js";

/** Below this many respondents a report shows counts only: fewer answers could be traced to a person. */
export const MINIMUM_RESPONDENTS = 5;

const ANSWER_KINDS = ["rating", "text"] as const;
const QuestionText = (maxLength = 500) => Type.String({ minLength: 1, maxLength });

export const Question = Type.Object({
  id: Uuid,
  activityKind: StringEnum(ACTIVITY_KINDS),
  position: Type.Integer(),
  answer: StringEnum(ANSWER_KINDS, "rating: 1 (poor) to 5 (excellent); text: a comment"),
  textEn: Type.String(),
  textAz: Nullable(Type.String()),
  textRu: Nullable(Type.String()),
  active: Type.Boolean(),
});

export const QuestionQuery = StrictObject({ activityKind: Type.Optional(StringEnum(ACTIVITY_KINDS)) });
export type QuestionQuery = Static<typeof QuestionQuery>;

export const QuestionInput = StrictObject({
  activityKind: StringEnum(ACTIVITY_KINDS),
  position: Type.Integer({ minimum: 1, maximum: 100 }),
  answer: StringEnum(ANSWER_KINDS),
  textEn: QuestionText(),
  textAz: Type.Optional(Nullable(QuestionText())),
  textRu: Type.Optional(Nullable(QuestionText())),
});
export type QuestionInput = Static<typeof QuestionInput>;

export const QuestionPatch = Type.Object(
  {
    position: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    textEn: Type.Optional(QuestionText()),
    textAz: Type.Optional(Nullable(QuestionText())),
    textRu: Type.Optional(Nullable(QuestionText())),
    active: Type.Optional(
      Type.Boolean({ description: "false retires the question: no longer asked, kept in reports" }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type QuestionPatch = Static<typeof QuestionPatch>;

const FeedbackEventSummary = Type.Object({
  ...NominatedEvent.properties,
  activityKind: StringEnum(ACTIVITY_KINDS),
});

export const PendingFeedback = Type.Object({ items: Type.Array(FeedbackEventSummary) });

export const FeedbackForm = Type.Object({
  event: FeedbackEventSummary,
  answered: Type.Boolean(),
  questions: Type.Array(Question),
});

export const FeedbackInput = StrictObject({
  answers: Type.Array(
    StrictObject({
      questionId: Uuid,
      rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
      comment: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    }),
    { minItems: 1, maxItems: 100 },
  ),
});
export type FeedbackInput = Static<typeof FeedbackInput>;

export const FeedbackReceipt = Type.Object({ eventId: Uuid, answered: Type.Literal(true) });

const QuestionFigures = Type.Object({
  id: Uuid,
  answer: StringEnum(ANSWER_KINDS),
  textEn: Type.String(),
  textAz: Nullable(Type.String()),
  textRu: Nullable(Type.String()),
  answers: Type.Integer(),
  average: Nullable(Type.Number({ description: "Mean rating, 1 to 5; null for comment questions" })),
  distribution: Type.Array(Type.Integer(), { description: "How many rated 1, 2, 3, 4 and 5" }),
});

const Figures = {
  participants: Type.Integer({ description: "Accepted participants" }),
  respondents: Type.Integer(),
  withheld: Type.Boolean({
    description: `true below ${MINIMUM_RESPONDENTS} respondents: only the counts are shown, to keep answers anonymous`,
  }),
  questions: Type.Array(QuestionFigures),
};

export const EventFeedbackReport = Type.Object({
  event: FeedbackEventSummary,
  minimumRespondents: Type.Integer(),
  ...Figures,
  comments: Type.Array(Type.Object({ questionId: Uuid, text: Type.String() })),
});

export const ActivityFeedbackReport = Type.Object({
  activityId: Uuid,
  minimumRespondents: Type.Integer(),
  years: Type.Array(
    Type.Object({
      menuYear: Type.Integer(),
      activityId: Uuid,
      activityCode: Type.String(),
      events: Type.Integer(),
      ...Figures,
    }),
  ),
});
