import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Id, ReleasableColumns, SearchVector, UpdatedAt } from "./common.js";

export interface MeetingSeriesTable extends ReleasableColumns {
  id: Id;
  code: string;
  kind: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  description: string | null;
  organiserId: string | null;
  sinceYear: number | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface MeetingTable extends ReleasableColumns {
  id: Id;
  seriesId: string;
  number: number;
  title: string | null;
  startsOn: DateString;
  endsOn: DateString;
  city: string | null;
  venue: string | null;
  hostNationId: string | null;
  hostOrganisationId: string | null;
  activityId: string | null;
  eventId: string | null;
  status: Generated<string>;
  minutes: string | null;
  minutesApprovedOn: DateString | null;
  lastDecisionNumber: Generated<number>;
  sample: Generated<boolean>;
  sampleNote: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface MeetingAgendaItemTable {
  id: Id;
  meetingId: string;
  position: number;
  title: string;
  presenterName: string | null;
  presenterNationId: string | null;
  presenterOrganisationId: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface MeetingAgendaDocumentTable {
  id: Id;
  agendaItemId: string;
  fileId: string;
  createdAt: CreatedAt;
}

export interface DelegationMember {
  name: string;
  position?: string | null;
  personId?: string | null;
}

export interface MeetingDelegationTable {
  id: Id;
  meetingId: string;
  nationId: string | null;
  organisationId: string | null;
  headName: string | null;
  members: ColumnType<DelegationMember[], string | undefined, string>;
  createdAt: CreatedAt;
}

export interface MeetingDecisionTable {
  id: Id;
  seriesId: string;
  meetingId: string;
  number: number;
  reference: string;
  title: string;
  agendaItemId: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface MeetingDecisionTextTable {
  decisionId: string;
  language: string;
  body: string;
  translationStatus: Generated<string>;
}

export interface MeetingActionItemTable {
  id: Id;
  seriesId: string;
  raisedMeetingId: string;
  decisionId: string | null;
  title: string;
  description: string | null;
  assigneeNationId: string | null;
  assigneeOrganisationId: string | null;
  deadline: DateString | null;
  status: Generated<string>;
  closedOn: DateString | null;
  evidence: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface MeetingActionReviewTable {
  id: Id;
  actionItemId: string;
  meetingId: string;
  status: string;
  note: string | null;
  reviewedBy: string | null;
  createdAt: CreatedAt;
}

export interface MeetingActionEvidenceTable {
  id: Id;
  actionItemId: string;
  fileId: string;
  createdAt: CreatedAt;
}

export interface ExchangeMessageTable {
  id: Id;
  threadId: string;
  forwardedFromId: string | null;
  senderNationId: string | null;
  senderOrganisationId: string | null;
  sentBy: string | null;
  subject: string;
  body: ColumnType<string, string | undefined, string>;
  releaseNations: ColumnType<string[], string[] | undefined, string[]>;
  releaseOrganisations: ColumnType<string[], string[] | undefined, string[]>;
  sample: Generated<boolean>;
  sentAt: ColumnType<Date, Date | string | undefined, never>;
  search: SearchVector;
}

export interface ExchangeRecipientTable {
  id: Id;
  messageId: string;
  nationId: string | null;
  organisationId: string | null;
}

export interface ExchangeAcknowledgementTable {
  recipientId: string;
  acknowledgedAt: ColumnType<Date, Date | string | undefined, never>;
  acknowledgedBy: string | null;
}

export interface ExchangeAttachmentTable {
  id: Id;
  messageId: string;
  fileId: string;
  createdAt: CreatedAt;
}

/** Tables of the meetings capability (src/modules/meetings), by camelCase name. */
export type MeetingsTables = {
  meetingSeries: MeetingSeriesTable;
  meeting: MeetingTable;
  meetingAgendaItem: MeetingAgendaItemTable;
  meetingAgendaDocument: MeetingAgendaDocumentTable;
  meetingDelegation: MeetingDelegationTable;
  meetingDecision: MeetingDecisionTable;
  meetingDecisionText: MeetingDecisionTextTable;
  meetingActionItem: MeetingActionItemTable;
  meetingActionReview: MeetingActionReviewTable;
  meetingActionEvidence: MeetingActionEvidenceTable;
  exchangeMessage: ExchangeMessageTable;
  exchangeRecipient: ExchangeRecipientTable;
  exchangeAcknowledgement: ExchangeAcknowledgementTable;
  exchangeAttachment: ExchangeAttachmentTable;
};
