import { type Static, Type } from "typebox";
import { PagedQuery } from "../../platform/http/paged-query.js";
import { CodeRef } from "../../platform/http/ref-schemas.js";
import {
  IsoDate,
  IsoDateTime,
  LongText,
  NextStates,
  Nullable,
  ReleaseInput,
  ReleaseListInput,
  ReleaseOutput,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const SERIES_KINDS = [
  "assembly",
  "heads_meeting",
  "representatives_meeting",
  "expert_consultation",
  "political_dialogue",
  "official_visit",
  "other",
] as const;
export const MEETING_STATUSES = ["planned", "held", "cancelled"] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const TRANSLATION_STATUSES = ["original", "official", "pending", "unofficial"] as const;
const Ids = Type.Array(Uuid, { maxItems: 100, uniqueItems: true });
const Code = Type.String({
  pattern: "^[A-Z0-9][A-Z0-9_.-]{1,59}$",
  description: "Short code: capital letters, digits, '.', '_' or '-'",
});
const Language = Type.String({ pattern: "^[a-z]{2}$", description: "ISO 639-1 code" });
export const FileRef = Type.Object({
  id: Uuid,
  fileId: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
});

// ------------------------------------------------------------------ series
export const MeetingSeries = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: StringEnum(SERIES_KINDS),
  titleEn: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  description: Nullable(Type.String()),
  organiserId: Nullable(Uuid),
  organiser: Nullable(CodeRef),
  sinceYear: Nullable(Type.Integer()),
  sample: Type.Boolean(),
  meetingCount: Type.Integer(),
  ...ReleaseOutput,
});

export const SeriesInput = StrictObject({
  code: Code,
  kind: StringEnum(SERIES_KINDS),
  titleEn: Text(300),
  titleAz: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  titleRu: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
  organiserId: Type.Optional(Nullable(Uuid)),
  sinceYear: Type.Optional(Nullable(Type.Integer({ minimum: 1950, maximum: 2200 }))),
  sample: Type.Optional(Type.Boolean()),
  ...ReleaseInput,
});
export type SeriesInput = Static<typeof SeriesInput>;

export const SeriesQuery = PagedQuery({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(StringEnum(SERIES_KINDS)),
});
export type SeriesQuery = Static<typeof SeriesQuery>;

// ------------------------------------------------------------------ meetings
const SeriesRef = Type.Object({
  id: Uuid,
  code: Type.String(),
  kind: Type.String(),
  titleEn: Type.String(),
  titleRu: Nullable(Type.String()),
  titleAz: Nullable(Type.String()),
});

export const MeetingSummary = Type.Object({
  id: Uuid,
  seriesId: Uuid,
  series: SeriesRef,
  number: Type.Integer(),
  numeral: Type.String({ description: "The meeting number as a roman numeral" }),
  title: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Nullable(Type.String()),
  venue: Nullable(Type.String()),
  hostNation: Nullable(CodeRef),
  hostOrganisation: Nullable(CodeRef),
  activityId: Nullable(Uuid),
  eventId: Nullable(Uuid),
  status: StringEnum(MEETING_STATUSES),
  sample: Type.Boolean(),
  sampleNote: Nullable(Type.String()),
  decisionCount: Type.Integer(),
  ...ReleaseOutput,
});

export const AgendaItem = Type.Object({
  id: Uuid,
  position: Type.Integer(),
  title: Type.String(),
  presenterName: Nullable(Type.String()),
  presenterNation: Nullable(CodeRef),
  presenterOrganisation: Nullable(CodeRef),
  note: Nullable(Type.String()),
  documents: Type.Array(FileRef),
});

export const Delegation = Type.Object({
  id: Uuid,
  nation: Nullable(CodeRef),
  organisation: Nullable(CodeRef),
  headName: Nullable(Type.String()),
  members: Type.Array(
    Type.Object({
      name: Type.String(),
      position: Type.Optional(Nullable(Type.String())),
      personId: Type.Optional(Nullable(Uuid)),
    }),
  ),
});

export const DecisionText = Type.Object({
  language: Type.String(),
  body: Type.String(),
  translationStatus: StringEnum(TRANSLATION_STATUSES),
});

export const Decision = Type.Object({
  id: Uuid,
  seriesId: Uuid,
  meetingId: Uuid,
  meetingNumber: Type.Integer(),
  number: Type.Integer(),
  reference: Type.String({ description: "Roman meeting number / decision number, e.g. XII/3" }),
  title: Type.String(),
  agendaItemId: Nullable(Uuid),
  texts: Type.Array(DecisionText),
});

export const MeetingDetail = Type.Intersect([
  MeetingSummary,
  Type.Object({
    minutes: Nullable(Type.String()),
    minutesApprovedOn: Nullable(IsoDate),
    agenda: Type.Array(AgendaItem),
    delegations: Type.Array(Delegation),
    decisions: Type.Array(Decision),
    canEdit: Type.Boolean(),
    allowedTransitions: NextStates(MEETING_STATUSES),
  }),
]);

const MeetingFields = {
  title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  venue: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  hostNationId: Type.Optional(Nullable(Uuid)),
  hostOrganisationId: Type.Optional(Nullable(Uuid)),
  activityId: Type.Optional(Nullable(Uuid)),
  eventId: Type.Optional(Nullable(Uuid)),
  status: Type.Optional(StringEnum(MEETING_STATUSES)),
  minutes: Type.Optional(Nullable(Type.String({ maxLength: 100_000 }))),
  minutesApprovedOn: Type.Optional(Nullable(IsoDate)),
  sample: Type.Optional(Type.Boolean()),
  sampleNote: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  ...ReleaseListInput,
};

export const MeetingInput = StrictObject({
  seriesId: Uuid,
  number: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 10000, description: "Defaults to the next number in the series" }),
  ),
  ...MeetingFields,
});
export type MeetingInput = Static<typeof MeetingInput>;

export const MeetingPatch = Type.Partial(
  Type.Object({ number: Type.Integer({ minimum: 1, maximum: 10000 }), ...MeetingFields }),
  { additionalProperties: false, minProperties: 1 },
);
export type MeetingPatch = Static<typeof MeetingPatch>;

export const MeetingQuery = PagedQuery({
  seriesId: Type.Optional(Uuid),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type MeetingQuery = Static<typeof MeetingQuery>;

export const AgendaItemInput = StrictObject({
  title: Text(500),
  position: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  presenterName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  presenterNationId: Type.Optional(Nullable(Uuid)),
  presenterOrganisationId: Type.Optional(Nullable(Uuid)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
});
export type AgendaItemInput = Static<typeof AgendaItemInput>;

const DecisionTextInput = StrictObject({
  language: Language,
  body: Text(50_000),
  translationStatus: Type.Optional(StringEnum(TRANSLATION_STATUSES)),
});

export const DecisionInput = StrictObject({
  title: Text(500),
  agendaItemId: Type.Optional(Nullable(Uuid)),
  texts: Type.Array(DecisionTextInput, { minItems: 1, maxItems: 10 }),
});
export type DecisionInput = Static<typeof DecisionInput>;

export const DecisionPatch = Type.Object(
  {
    title: Type.Optional(Text(500)),
    texts: Type.Optional(Type.Array(DecisionTextInput, { minItems: 1, maxItems: 10 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type DecisionPatch = Static<typeof DecisionPatch>;

export const DecisionQuery = PagedQuery({ meetingId: Type.Optional(Uuid) });
export type DecisionQuery = Static<typeof DecisionQuery>;

// ------------------------------------------------------------------ action items
export const ActionReview = Type.Object({
  id: Uuid,
  meetingId: Uuid,
  meetingNumber: Type.Integer(),
  numeral: Type.String(),
  meetingStartsOn: IsoDate,
  status: StringEnum(ACTION_STATUSES),
  note: Nullable(Type.String()),
  createdAt: IsoDateTime,
});

export const ActionItem = Type.Object({
  id: Uuid,
  seriesId: Uuid,
  series: Type.Object({ id: Uuid, code: Type.String(), titleEn: Type.String() }),
  raisedMeetingId: Uuid,
  raisedAt: Type.Object({ id: Uuid, number: Type.Integer(), numeral: Type.String(), startsOn: IsoDate }),
  decisionId: Nullable(Uuid),
  decisionReference: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  assigneeNation: Nullable(CodeRef),
  assigneeOrganisation: Nullable(CodeRef),
  deadline: Nullable(IsoDate),
  status: StringEnum(ACTION_STATUSES),
  closedOn: Nullable(IsoDate),
  evidence: Nullable(Type.String()),
  overdue: Type.Boolean({ description: "Not closed and the deadline has passed (as of the given date)" }),
  sample: Type.Boolean(),
  reviewCount: Type.Integer(),
  canUpdate: Type.Boolean({ description: "The caller may move the item on (secretariat or assignee)" }),
  allowedTransitions: NextStates(ACTION_STATUSES),
});

export const ActionItemDetail = Type.Intersect([
  ActionItem,
  Type.Object({
    reviews: Type.Array(ActionReview),
    evidenceFiles: Type.Array(FileRef),
  }),
]);

export const ActionItemInput = StrictObject({
  title: Text(500),
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  decisionId: Type.Optional(Nullable(Uuid)),
  assigneeNationId: Type.Optional(Nullable(Uuid)),
  assigneeOrganisationId: Type.Optional(Nullable(Uuid)),
  /** An action item without a deadline cannot be followed up: it is required. */
  deadline: IsoDate,
  sample: Type.Optional(Type.Boolean()),
});
export type ActionItemInput = Static<typeof ActionItemInput>;

export const ActionItemPatch = Type.Object(
  {
    title: Type.Optional(Text(500)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
    deadline: Type.Optional(IsoDate),
    status: Type.Optional(StringEnum(ACTION_STATUSES)),
    closedOn: Type.Optional(IsoDate),
    evidence: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionItemPatch = Static<typeof ActionItemPatch>;

export const ReviewInput = StrictObject({
  meetingId: Uuid,
  status: Type.Optional(StringEnum(ACTION_STATUSES)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
});
export type ReviewInput = Static<typeof ReviewInput>;

export const ActionItemQuery = PagedQuery({
  seriesId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum([...ACTION_STATUSES, "not_closed"] as const)),
  overdue: Type.Optional(Type.Boolean()),
  asOf: Type.Optional(IsoDate),
  assigneeNationId: Type.Optional(Uuid),
  assigneeOrganisationId: Type.Optional(Uuid),
});
export type ActionItemQuery = Static<typeof ActionItemQuery>;

export const MeetingActionItems = Type.Object({
  asOf: IsoDate,
  raised: Type.Array(ActionItem),
  carriedOver: Type.Array(ActionItem),
});

// ------------------------------------------------------------------ exchange
export const PartyOutput = Type.Object({
  kind: StringEnum(["nation", "organisation"]),
  id: Uuid,
  code: Type.String(),
  nameEn: Type.String(),
});

export const Receipt = Type.Object({
  recipientId: Uuid,
  party: PartyOutput,
  acknowledgedAt: Nullable(IsoDateTime),
  acknowledgedBy: Nullable(Type.String()),
});

export const MessageSummary = Type.Object({
  id: Uuid,
  threadId: Uuid,
  forwardedFromId: Nullable(Uuid),
  sender: PartyOutput,
  sentBy: Nullable(Type.String()),
  subject: Type.String(),
  excerpt: Type.String(),
  sentAt: IsoDateTime,
  sample: Type.Boolean(),
  recipients: Type.Array(Receipt),
  attachmentCount: Type.Integer(),
  /** How the viewer relates to the message. */
  side: StringEnum(["sender", "recipient", "observer"]),
  awaitingMyAcknowledgement: Type.Boolean(),
});

export const MessageDetail = Type.Object({
  ...MessageSummary.properties,
  body: Type.String(),
  releaseNationIds: Type.Array(Uuid),
  releaseOrganisationIds: Type.Array(Uuid),
  releaseList: Type.Array(PartyOutput),
  attachments: Type.Array(FileRef),
  canForward: Type.Boolean(),
  canAttach: Type.Boolean(),
  canWidenRelease: Type.Boolean({ description: "The caller may widen the release list (the sending side)" }),
});

/** The nation or organisation a message goes out for; without one, the only party the caller acts for. */
const SenderInput = {
  senderNationId: Type.Optional(Nullable(Uuid)),
  senderOrganisationId: Type.Optional(Nullable(Uuid)),
};
export const MessageInput = StrictObject({
  ...SenderInput,
  subject: Text(300),
  body: Type.Optional(LongText(50_000)),
  recipientNationIds: Type.Optional(Ids),
  recipientOrganisationIds: Type.Optional(Ids),
  releaseNationIds: Type.Optional(Ids),
  releaseOrganisationIds: Type.Optional(Ids),
});
export type MessageInput = Static<typeof MessageInput>;

export const ForwardInput = StrictObject({
  ...SenderInput,
  note: Type.Optional(LongText(20_000)),
  recipientNationIds: Type.Optional(Ids),
  recipientOrganisationIds: Type.Optional(Ids),
});
export type ForwardInput = Static<typeof ForwardInput>;

export const AcknowledgeInput = StrictObject({ recipientId: Type.Optional(Uuid) });
export type AcknowledgeInput = Static<typeof AcknowledgeInput>;

export const AcknowledgeOutput = Type.Object({
  receipts: Type.Array(
    Type.Object({
      recipientId: Uuid,
      acknowledgedAt: IsoDateTime,
      acknowledgedBy: Nullable(Type.String()),
      alreadyAcknowledged: Type.Boolean(),
    }),
  ),
});

export const MessageQuery = PagedQuery({
  box: Type.Optional(StringEnum(["inbox", "sent", "all"] as const)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  threadId: Type.Optional(Uuid),
  unacknowledged: Type.Optional(Type.Boolean()),
});
export type MessageQuery = Static<typeof MessageQuery>;

export const ExchangeCounts = Type.Object({
  inbox: Type.Integer(),
  awaitingAcknowledgement: Type.Integer(),
  sent: Type.Integer(),
  visible: Type.Integer(),
});

export const AccessLogEntry = Type.Object({
  occurredAt: IsoDateTime,
  actor: Type.String(),
  action: Type.String(),
  recordType: Type.String(),
  recordId: Nullable(Type.String()),
});

export const ExchangeParties = Type.Object({
  actsFor: Type.Array(PartyOutput),
});
