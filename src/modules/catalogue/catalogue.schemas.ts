import { type Static, Type } from "typebox";
import {
  DoubleBooking,
  IsoDate,
  IsoDateTime,
  LongText,
  NextStates,
  Nullable,
  PageQuery,
  ReleaseInput,
  ReleaseOutput,
  StrictObject,
  StrictPatch,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";
import { ACTIVITY_STATUSES } from "./catalogue.transitions.js";
import { NominatedEvent } from "./nominated-event.schemas.js";

export const ACTIVITY_KINDS = [
  "course",
  "training",
  "seminar",
  "conference",
  "workshop",
  "exercise",
  "meeting",
  "expert_consultation",
  "visit",
] as const;
export const ELIGIBILITIES = ["everyone", "alliance_members", "partners", "named_nations"] as const;
export const EVENT_STATUSES = ["planned", "open", "closed", "completed", "cancelled"] as const;
/** Where a nomination stands: still open to decisions, then ended. */
const NOMINATION_OPEN = ["nominated", "accepted", "waitlisted"] as const;
export const NOMINATION_STATUSES = [...NOMINATION_OPEN, "declined", "withdrawn", "cancelled"] as const;
export const DECISIONS = ["accept", "waitlist", "decline", "cancel"] as const;
export const ATTENDANCE = ["attended", "partly", "absent"] as const;
export const ACCEPTANCE = ["manual", "first_come"] as const;

const Ref = Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() });
const LanguageCode = Type.String({ pattern: "^[a-z]{2}$", description: "ISO 639-1 code" });
const AreaCode = Type.String({ pattern: "^[a-z][a-z_]{1,49}$" });
const ActivityCode = Type.String({
  pattern: "^[A-Z0-9][A-Z0-9_.-]{1,59}$",
  description: "Capital letters, digits, '.', '_' or '-'",
});

export const Area = Type.Object({
  code: Type.String(),
  nameEn: Type.String(),
  nameAz: Type.String(),
  nameRu: Type.String(),
});

export const Prerequisites = StrictObject({
  languageLevel: Type.Optional(Type.String({ maxLength: 200 })),
  clearanceNote: Type.Optional(Type.String({ maxLength: 500 })),
  requiredActivityCodes: Type.Optional(Type.Array(ActivityCode, { maxItems: 20, uniqueItems: true })),
});
export const ExternalRef = StrictObject({
  label: Text(200),
  value: Text(200),
  url: Type.Optional(Type.String({ maxLength: 500, pattern: "^https?://\\S+$" })),
});

const ActivityFields = {
  code: ActivityCode,
  titleEn: Text(300),
  titleAz: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  titleRu: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  descriptionEn: Type.Optional(Nullable(LongText())),
  descriptionAz: Type.Optional(Nullable(LongText())),
  descriptionRu: Type.Optional(Nullable(LongText())),
  kind: StringEnum(ACTIVITY_KINDS),
  menuYear: Type.Integer({ minimum: 1950, maximum: 2200 }),
  areas: Type.Optional(Type.Array(AreaCode, { maxItems: 18, uniqueItems: true })),
  organiserId: Uuid,
  hostInstitutionId: Type.Optional(Nullable(Uuid)),
  hostNationId: Type.Optional(Nullable(Uuid)),
  city: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  venue: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  online: Type.Optional(Type.Boolean()),
  languages: Type.Optional(Type.Array(LanguageCode, { maxItems: 10, uniqueItems: true })),
  eligibility: Type.Optional(StringEnum(ELIGIBILITIES)),
  eligibleNationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100, uniqueItems: true })),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  nationQuota: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  prerequisites: Type.Optional(Prerequisites),
  externalRefs: Type.Optional(Type.Array(ExternalRef, { maxItems: 20 })),
  ...ReleaseInput,
};
export const ActivityInput = StrictObject(ActivityFields);
export type ActivityInput = Static<typeof ActivityInput>;
const { code: _code, organiserId: _organiser, ...patchable } = ActivityFields;
export const ActivityPatch = StrictPatch(Type.Object(patchable));
export type ActivityPatch = Static<typeof ActivityPatch>;

export const ActivityStatusChange = StrictObject({
  status: StringEnum(ACTIVITY_STATUSES),
  reason: Type.Optional(Text(2000)),
});
export type ActivityStatusChange = Static<typeof ActivityStatusChange>;

export const CopyActivityInput = StrictObject({
  menuYear: Type.Integer({ minimum: 1950, maximum: 2200 }),
  code: Type.Optional(ActivityCode),
});
export type CopyActivityInput = Static<typeof CopyActivityInput>;

export const NextEvent = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Nullable(Type.String()),
});

export const ActivitySummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  titleEn: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  kind: StringEnum(ACTIVITY_KINDS),
  menuYear: Type.Integer(),
  status: StringEnum(ACTIVITY_STATUSES),
  organiser: Ref,
  hostNation: Nullable(Ref),
  city: Nullable(Type.String()),
  online: Type.Boolean(),
  languages: Type.Array(Type.String()),
  eligibility: StringEnum(ELIGIBILITIES),
  capacity: Nullable(Type.Integer()),
  areas: Type.Array(Type.String()),
  sample: Type.Boolean(),
  releasability: Type.String(),
  firstStartsOn: Nullable(IsoDate),
  lastEndsOn: Nullable(IsoDate),
  eventCount: Type.Integer(),
  freeSeats: Nullable(Type.Integer({ description: "Free seats over the open events; null when unlimited" })),
});

export const Session = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});

export const EventSummary = Type.Object({
  id: Uuid,
  activityId: Uuid,
  title: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
  timeZone: Type.String(),
  city: Nullable(Type.String()),
  venue: Nullable(Type.String()),
  hostNationId: Nullable(Uuid),
  capacity: Nullable(Type.Integer({ description: "Effective capacity (the event's, else the activity's)" })),
  nationQuota: Nullable(Type.Integer()),
  nominationsCloseOn: Nullable(IsoDate),
  status: StringEnum(EVENT_STATUSES),
  cancelReason: Nullable(Type.String()),
  acceptance: StringEnum(ACCEPTANCE),
  reallocationDate: Nullable(IsoDate),
  reallocatedAt: Nullable(IsoDateTime),
  accepted: Type.Integer(),
  waitlisted: Type.Integer(),
});

export const ActivityDetail = Type.Object({
  ...ActivitySummary.properties,
  descriptionEn: Nullable(Type.String()),
  descriptionAz: Nullable(Type.String()),
  descriptionRu: Nullable(Type.String()),
  hostInstitution: Nullable(Ref),
  venue: Nullable(Type.String()),
  eligibleNations: Type.Array(Ref),
  nationQuota: Nullable(Type.Integer()),
  prerequisites: Type.Object({
    languageLevel: Type.Optional(Type.String()),
    clearanceNote: Type.Optional(Type.String()),
    requiredActivityCodes: Type.Optional(Type.Array(Type.String())),
  }),
  externalRefs: Type.Array(
    Type.Object({ label: Type.String(), value: Type.String(), url: Type.Optional(Type.String()) }),
  ),
  cancelReason: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String({ description: "Why alliance staff rejected the proposal" })),
  copiedFromId: Nullable(Uuid),
  events: Type.Array(EventSummary),
  canEdit: Type.Boolean(),
  canDecide: Type.Boolean({ description: "Alliance staff may approve or reject this proposal" }),
  allowedTransitions: NextStates(ACTIVITY_STATUSES),
  canNominate: Type.Boolean(),
  ...ReleaseOutput,
});

const SortValues = [
  "relevance",
  "upcoming",
  "startsOn",
  "-startsOn",
  "title",
  "-title",
  "code",
  "-code",
] as const;
const csv = (description: string) => Type.Optional(Type.String({ maxLength: 2000, description }));

export const ActivityQuery = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: csv("Comma-separated kinds"),
  area: csv("Comma-separated area codes"),
  organiserId: Type.Optional(Uuid),
  hostNationId: Type.Optional(Uuid),
  language: Type.Optional(LanguageCode),
  year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2200 })),
  status: Type.Optional(StringEnum(ACTIVITY_STATUSES)),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
  eligibleForMyNation: Type.Optional(Type.Boolean()),
  eligibleNationId: Type.Optional(Uuid),
  hasFreeSeats: Type.Optional(Type.Boolean()),
  facets: Type.Optional(Type.Boolean({ default: true })),
  sort: Type.Optional(
    StringEnum(
      SortValues,
      "relevance (the default with q); startsOn by first start (the default without q); upcoming: activities not ended yet, soonest first, then ended ones, most recent first; a leading - reverses",
    ),
  ),
  ...PageQuery,
});
export type ActivityQuery = Static<typeof ActivityQuery>;

const FacetBucket = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });
export const Facets = Type.Object({
  kind: Type.Array(FacetBucket),
  area: Type.Array(FacetBucket),
  organiser: Type.Array(FacetBucket),
  hostNation: Type.Array(FacetBucket),
  language: Type.Array(FacetBucket),
  year: Type.Array(FacetBucket),
});
export const ActivityPage = Type.Object({
  items: Type.Array(ActivitySummary),
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  facets: Type.Optional(Facets),
});

// ------------------------------------------------------------------ events
const EventFields = {
  title: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  startsOn: IsoDate,
  endsOn: IsoDate,
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_+/-]+$" })),
  city: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  venue: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  hostNationId: Type.Optional(Nullable(Uuid)),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  nationQuota: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  nominationsCloseOn: Type.Optional(Nullable(IsoDate)),
  reallocationDate: Type.Optional(Nullable(IsoDate)),
  status: Type.Optional(StringEnum(["planned", "open", "closed", "completed"])),
  acceptance: Type.Optional(StringEnum(ACCEPTANCE)),
};
export const EventInput = StrictObject(EventFields);
export type EventInput = Static<typeof EventInput>;
export const EventPatch = StrictPatch(Type.Object(EventFields));
export type EventPatch = Static<typeof EventPatch>;
export const CancelInput = StrictObject({ reason: Text(2000) });
export type CancelInput = Static<typeof CancelInput>;

export const SessionInput = StrictObject({ title: Text(300), startsAt: IsoDateTime, endsAt: IsoDateTime });
export type SessionInput = Static<typeof SessionInput>;

export const SeatsByNation = Type.Object({
  nation: Ref,
  accepted: Type.Integer(),
  waitlisted: Type.Integer(),
  nominated: Type.Integer(),
  quota: Nullable(Type.Integer()),
});
export const SeatGauge = Type.Object({
  capacity: Nullable(Type.Integer()),
  nationQuota: Nullable(Type.Integer()),
  accepted: Type.Integer(),
  waitlisted: Type.Integer(),
  nominated: Type.Integer(),
  /** Seats held by open seat offers to waitlisted nominations (not free, not yet accepted). */
  offered: Type.Integer(),
  free: Nullable(Type.Integer()),
  byNation: Type.Array(SeatsByNation, {
    description: "Every nation for organisers; only the caller's nations for coordinators",
  }),
});

export const EventDetail = Type.Object({
  ...EventSummary.properties,
  activity: ActivitySummary,
  sessions: Type.Array(Session),
  seats: SeatGauge,
  canManage: Type.Boolean(),
  allowedTransitions: NextStates(EVENT_STATUSES),
  canNominate: Type.Boolean(),
});

export const CalendarQuery = StrictObject({
  from: IsoDate,
  to: IsoDate,
  nationId: Type.Optional(Uuid),
  personId: Type.Optional(Uuid),
  kind: csv("Comma-separated kinds"),
  area: csv("Comma-separated area codes"),
});
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarEntry = Type.Object({
  eventId: Uuid,
  activityId: Uuid,
  code: Type.String(),
  title: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  kind: Type.String(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Nullable(Type.String()),
  status: Type.String(),
  nominationStatus: Nullable(Type.String()),
});

// ------------------------------------------------------------------ nominations
export const NominationInput = StrictObject({
  personId: Uuid,
  priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type NominationInput = Static<typeof NominationInput>;

export { NominationPatch } from "./offers.schemas.js";

export const DecisionInput = StrictObject({
  decision: StringEnum(DECISIONS),
  reason: Type.Optional(Text(2000)),
  ...DoubleBooking.overrideFields,
});
export type DecisionInput = Static<typeof DecisionInput>;

export const BulkDecisionInput = StrictObject({
  nominationIds: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  decision: StringEnum(DECISIONS),
  reason: Type.Optional(Text(2000)),
});
export type BulkDecisionInput = Static<typeof BulkDecisionInput>;

export const WithdrawInput = StrictObject({ reason: Type.Optional(Text(2000)) });
export type WithdrawInput = Static<typeof WithdrawInput>;

export const AttendanceInput = StrictObject({
  attendance: StringEnum(ATTENDANCE),
  completed: Type.Optional(Type.Boolean()),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

export const Nomination = Type.Object({
  id: Uuid,
  eventId: Uuid,
  personId: Uuid,
  nationId: Uuid,
  person: Type.Object({
    id: Uuid,
    givenName: Type.String(),
    familyName: Type.String(),
    rankTitle: Nullable(Type.String()),
  }),
  nation: Ref,
  event: NominatedEvent,
  priority: Type.Integer(),
  status: StringEnum(NOMINATION_STATUSES),
  statusReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  attendance: Nullable(StringEnum(ATTENDANCE)),
  completed: Nullable(Type.Boolean()),
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
  doubleBooking: DoubleBooking.record,
  decidedAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  allowedTransitions: NextStates(NOMINATION_STATUSES),
});

export const NominationQuery = StrictObject({
  eventId: Type.Optional(Uuid),
  nationId: Type.Optional(Uuid),
  personId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum(NOMINATION_STATUSES)),
  scope: Type.Optional(
    StringEnum(
      ["all", "organising", "nominating", "mine"],
      "organising: events the caller organises (the inbox); nominating: the caller's nations; mine: the caller's own",
    ),
  ),
  sort: Type.Optional(StringEnum(["priority", "createdAt", "-createdAt", "startsOn"])),
  ...PageQuery,
});
export type NominationQuery = Static<typeof NominationQuery>;

export const BulkOutcome = Type.Object({
  results: Type.Array(
    Type.Object({
      nominationId: Uuid,
      ok: Type.Boolean(),
      status: Nullable(Type.String()),
      error: Nullable(Type.String()),
    }),
  ),
});

// ------------------------------------------------------------------ participation
export const ParticipationQuery = StrictObject({
  year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2200 })),
});
export type ParticipationQuery = Static<typeof ParticipationQuery>;
export const NationParticipation = Type.Object({
  nationId: Uuid,
  year: Nullable(Type.Integer()),
  byArea: Type.Array(
    Type.Object({
      area: Type.String(),
      nominated: Type.Integer(),
      accepted: Type.Integer(),
      attended: Type.Integer(),
      completed: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    nominations: Type.Integer(),
    accepted: Type.Integer(),
    attended: Type.Integer(),
    completed: Type.Integer(),
    events: Type.Integer(),
  }),
});

// ------------------------------------------------------------------ calendar feeds
export const SearchFilters = StrictObject({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(Type.String({ maxLength: 2000 })),
  area: Type.Optional(Type.String({ maxLength: 2000 })),
  organiserId: Type.Optional(Uuid),
  hostNationId: Type.Optional(Uuid),
  language: Type.Optional(LanguageCode),
  year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2200 })),
});
export const CalendarTokenInput = StrictObject({
  scope: StringEnum(["nation", "person", "search"]),
  nationId: Type.Optional(Uuid),
  personId: Type.Optional(Uuid),
  search: Type.Optional(SearchFilters),
  label: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CalendarTokenInput = Static<typeof CalendarTokenInput>;
export const CalendarToken = Type.Object({
  id: Uuid,
  scope: Type.String(),
  nationId: Nullable(Uuid),
  personId: Nullable(Uuid),
  search: Nullable(Type.Record(Type.String(), Type.Unknown())),
  label: Nullable(Type.String()),
  createdAt: IsoDateTime,
  lastUsedAt: Nullable(IsoDateTime),
  revokedAt: Nullable(IsoDateTime),
});
export const CreatedCalendarToken = Type.Object({
  ...CalendarToken.properties,
  token: Type.String({ description: "Shown once; only its hash is kept" }),
  url: Type.String(),
});
export const FeedParams = StrictObject({ file: Type.String({ pattern: "^[A-Za-z0-9_-]{20,100}\\.ics$" }) });
