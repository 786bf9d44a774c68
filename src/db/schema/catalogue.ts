import type { ColumnType, Generated } from "kysely";
import type {
  CreatedAt,
  DateString,
  Id,
  ReleasableColumns,
  SearchVector,
  Timestamp,
  UpdatedAt,
} from "./common.js";

type Json<T> = ColumnType<T, string | undefined, string>;

export interface CooperationAreaTable {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  sortOrder: Generated<number>;
  archivedAt: Timestamp | null;
}

export interface ActivityPrerequisites {
  languageLevel?: string;
  clearanceNote?: string;
  requiredActivityCodes?: string[];
}

export interface ExternalRef {
  label: string;
  value: string;
  url?: string;
}

export interface ActivityTable extends ReleasableColumns {
  id: Id;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  descriptionEn: string | null;
  descriptionAz: string | null;
  descriptionRu: string | null;
  kind: string;
  menuYear: number;
  organiserId: string;
  hostInstitutionId: string | null;
  hostNationId: string | null;
  city: string | null;
  venue: string | null;
  online: Generated<boolean>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  eligibility: Generated<string>;
  eligibleNations: ColumnType<string[], string[] | undefined, string[]>;
  capacity: number | null;
  nationQuota: number | null;
  prerequisites: Json<ActivityPrerequisites>;
  externalRefs: Json<ExternalRef[]>;
  status: Generated<string>;
  cancelReason: string | null;
  /** Why alliance staff rejected the proposal (status `rejected`, 0042). */
  rejectionReason: string | null;
  copiedFromId: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface ActivityAreaTable {
  activityId: string;
  areaCode: string;
}

export interface EventTable {
  id: Id;
  activityId: string;
  title: string | null;
  startsOn: DateString;
  endsOn: DateString;
  timeZone: Generated<string>;
  city: string | null;
  venue: string | null;
  hostNationId: string | null;
  capacity: number | null;
  nationQuota: number | null;
  nominationsCloseOn: DateString | null;
  status: Generated<string>;
  cancelReason: string | null;
  acceptance: Generated<string>;
  /** From this date the seats allocated to nations and not held return to the pool (0039_seat_allocation). */
  reallocationDate: DateString | null;
  /** When the scheduled job re-allocated the event's seats (once). */
  reallocatedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** A nation's requested and granted seats of an event (0039_seat_allocation). */
export interface EventSeatAllocationTable {
  eventId: string;
  nationId: string;
  requested: number | null;
  requestNote: string | null;
  requestedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  requestedBy: string | null;
  granted: number | null;
  grantedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  grantedBy: string | null;
}

export interface EventSessionTable {
  id: Id;
  eventId: string;
  title: string;
  startsAt: Timestamp;
  endsAt: Timestamp;
}

export interface NominationTable {
  id: Id;
  eventId: string;
  personId: string;
  nationId: string;
  priority: Generated<number>;
  status: Generated<string>;
  statusReason: string | null;
  nominatedBy: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  attendance: string | null;
  completed: boolean | null;
  warnings: Json<{ code: string; message: string }[]>;
  note: string | null;
  /** Set when the organiser accepted over a double booking: `{ reason, conflicts }`. */
  doubleBooking: ColumnType<DoubleBooking | null, string | null | undefined, string | null>;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** A commitment of a person over some dates (`accord_person_commitments`, src/db/functions). */
export interface Commitment {
  kind: string;
  recordType: "event" | "meeting" | "evaluation";
  id: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
}

export interface DoubleBooking {
  reason: string;
  conflicts: Commitment[];
}

/** A seat offered to a waitlisted nomination for a limited time (0037_seat_offer). */
export interface SeatOfferTable {
  id: Id;
  nominationId: string;
  eventId: string;
  offeredAt: Generated<Date>;
  expiresAt: ColumnType<Date, Date | string, Date | string>;
  status: ColumnType<string, string | undefined, string>;
  decidedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decidedBy: string | null;
  reason: string | null;
}

export interface SessionAttendanceTable {
  sessionId: string;
  nominationId: string;
  present: boolean;
  note: string | null;
  recordedBy: string | null;
  recordedAt: Generated<Date>;
}

export interface CalendarTokenTable {
  id: Id;
  tokenHash: string;
  userId: string;
  scope: string;
  nationId: string | null;
  personId: string | null;
  search: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  label: string | null;
  createdAt: CreatedAt;
  lastUsedAt: Timestamp | null;
  revokedAt: Timestamp | null;
}

/** One row: a token renewed by every change to what the catalogue search reads (0012_catalogue_generation). */
export interface CatalogueGenerationTable {
  id: Generated<number>;
  token: Generated<string>;
}

/** Derived by triggers from events and areas, for the search's order and facets (0016_activity_search_facts). */
export interface ActivitySearchFactsTable {
  activityId: string;
  firstStartsOn: DateString | null;
  lastEndsOn: DateString | null;
  eventCount: Generated<number>;
  areaCodes: ColumnType<string[], string[] | undefined, string[]>;
}

/** The catalogue search's narrow copy of each activity, kept by triggers (0035_activity_search). */
export interface ActivitySearchTable extends ReleasableColumns {
  id: string;
  menuYear: number;
  capacity: number | null;
  firstStartsOn: DateString | null;
  lastEndsOn: DateString | null;
  organiserId: string;
  hostInstitutionId: string | null;
  hostNationId: string | null;
  kind: string;
  status: string;
  eligibility: string;
  code: string;
  titleEn: string;
  languages: string[];
  eligibleNations: string[];
  areaCodes: string[];
  search: SearchVector;
  /** 2,048 spaces by default, stored compressed: makes PostgreSQL move the vector out of the row (0044). */
  toastPad: Generated<string | null>;
}

/** Activities changed in the current transaction, applied to activity_search at commit (0035). */
export interface ActivitySearchPendingTable {
  activityId: string;
}

export interface EventApplicationTable {
  id: Id;
  eventId: string;
  personId: string;
  nationId: string;
  status: Generated<"pending" | "approved" | "refused">;
  motivation: string | null;
  reason: string | null;
  nominationId: string | null;
  appliedBy: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

// Participant feedback (0034_event_feedback)
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

export interface CatalogueTables {
  feedbackQuestion: FeedbackQuestionTable;
  feedbackReceipt: FeedbackReceiptTable;
  feedbackResponse: FeedbackResponseTable;
  feedbackAnswer: FeedbackAnswerTable;
  eventApplication: EventApplicationTable;
  activitySearch: ActivitySearchTable;
  activitySearchFacts: ActivitySearchFactsTable;
  activitySearchPending: ActivitySearchPendingTable;
  calendarToken: CalendarTokenTable;
  catalogueGeneration: CatalogueGenerationTable;
  cooperationArea: CooperationAreaTable;
  activity: ActivityTable;
  activityArea: ActivityAreaTable;
  event: EventTable;
  eventSession: EventSessionTable;
  eventSeatAllocation: EventSeatAllocationTable;
  nomination: NominationTable;
  seatOffer: SeatOfferTable;
  sessionAttendance: SessionAttendanceTable;
}
