import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Id, ReleasableColumns, UpdatedAt } from "./common.js";

type TextArray = ColumnType<string[], string[] | undefined, string[]>;
/** The values the database's check constraints allow (the API's enums are built from the same lists). */
export type DatePrecision = "day" | "month" | "year";
export type GoalStatus = "proposed" | "agreed" | "in_progress" | "achieved" | "deferred" | "cancelled";
export type GoalRating = "fully_met" | "largely_met" | "partially_met" | "not_met";
export type MilestoneKind = "milestone" | "agreement" | "deployment" | "visit" | "role" | "event";
type Precision = ColumnType<DatePrecision, DatePrecision | undefined, DatePrecision>;

export interface PlanKindTable {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
  replacedBy: string | null;
  replacedSinceYear: number | null;
  sortOrder: Generated<number>;
}

export interface FrameworkDocumentTable extends ReleasableColumns {
  id: Id;
  nationId: string | null;
  title: string;
  kind: string;
  parties: TextArray;
  signedOn: DateString | null;
  signedPrecision: Precision;
  signatories: TextArray;
  validFrom: DateString | null;
  validUntil: DateString | null;
  replacesId: string | null;
  source: string | null;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface FrameworkDocumentFileTable {
  documentId: string;
  fileId: string;
  createdAt: CreatedAt;
}

export interface PlanTable extends ReleasableColumns {
  id: Id;
  code: string;
  title: string;
  kind: string;
  nationId: string | null;
  frameworkDocumentId: string | null;
  successorId: string | null;
  description: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface PlanPeriodTable {
  id: Id;
  planId: string;
  number: number;
  label: string;
  title: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface PeriodStatementTable {
  id: Id;
  periodId: string;
  startsOn: DateString;
  startPrecision: Precision;
  endsOn: DateString | null;
  endPrecision: Precision;
  source: string;
  sample: Generated<boolean>;
  note: string | null;
  createdAt: CreatedAt;
}

export interface PlanObjectiveTable {
  id: Id;
  planId: string;
  periodId: string | null;
  code: string;
  areaCode: string;
  title: string;
  description: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface PlanActionTable {
  id: Id;
  objectiveId: string;
  title: string;
  responsibleOrganisationId: string | null;
  responsibleNote: string | null;
  dueOn: DateString | null;
  status: Generated<string>;
  progress: Generated<number>;
  completedOn: DateString | null;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface AnnualProgrammeTable extends ReleasableColumns {
  id: Id;
  nationId: string;
  firstYear: number;
  lastYear: number;
  title: string;
  planId: string | null;
  status: Generated<string>;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** A submitted version of an annual programme, kept as submitted (0038_programme_versions). */
export interface AnnualProgrammeVersionTable {
  id: Id;
  programmeId: string;
  version: number;
  snapshot: ColumnType<ProgrammeSnapshot, string, string>;
  submittedBy: string | null;
  submittedAt: Generated<Date>;
  decision: "agreed" | "returned" | null;
  decidedBy: string | null;
  decidedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reason: string | null;
}

/** The programme and its items as they stood when submitted. */
export interface ProgrammeSnapshot {
  title: string;
  firstYear: number;
  lastYear: number;
  planId: string | null;
  note: string | null;
  items: SnapshotItem[];
}

export interface SnapshotItem {
  id: string;
  activityId: string | null;
  activityCode: string | null;
  title: string | null;
  areaCode: string;
  plannedStartsOn: DateString | null;
  plannedEndsOn: DateString | null;
  plannedParticipants: number;
  note: string | null;
  objectiveIds: string[];
}

export interface ProgrammeItemTable {
  id: Id;
  programmeId: string;
  activityId: string | null;
  title: string | null;
  areaCode: string;
  plannedStartsOn: DateString | null;
  plannedEndsOn: DateString | null;
  plannedParticipants: Generated<number>;
  ownOutcome: string | null;
  ownParticipants: number | null;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface ProgrammeItemObjectiveTable {
  itemId: string;
  objectiveId: string;
}

export interface ParticipationFigureTable extends ReleasableColumns {
  id: Id;
  nationId: string;
  year: number;
  eventCount: number;
  qualifier: Generated<string>;
  source: string;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface PartnershipGoalTable extends ReleasableColumns {
  id: Id;
  nationId: string;
  code: string;
  title: string;
  areaCode: string;
  description: string | null;
  targetOn: DateString | null;
  agreedYear: number | null;
  status: Generated<GoalStatus>;
  planId: string | null;
  sample: Generated<boolean>;
  /** The partner side's agreement (a coordinator of the goal's nation), 0041. */
  partnerAgreedBy: string | null;
  partnerAgreedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The alliance side's agreement (alliance staff), 0041. */
  allianceAgreedBy: string | null;
  allianceAgreedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface GoalStatusChangeTable {
  id: Id;
  goalId: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  changedBy: string | null;
  changedAt: Generated<Date>;
}

export interface GoalAssessmentTable {
  id: Id;
  goalId: string;
  cycleYear: number;
  rating: GoalRating;
  comments: string | null;
  assessedOn: DateString | null;
  sample: Generated<boolean>;
  assessedBy: string | null;
  createdAt: CreatedAt;
}

export interface ActionEvidenceTable {
  id: Id;
  actionId: string;
  activityId: string | null;
  goalId: string | null;
  documentId: string | null;
  url: string | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface GoalActivityTable {
  goalId: string;
  activityId: string;
}

export interface PartnershipMilestoneTable extends ReleasableColumns {
  id: Id;
  nationId: string;
  occurredOn: DateString;
  precision: Precision;
  kind: Generated<MilestoneKind>;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  description: string | null;
  source: string;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

/** Tables of the programmes capability (src/modules/programmes), by camelCase name. */
export type ProgrammesTables = {
  planKind: PlanKindTable;
  frameworkDocument: FrameworkDocumentTable;
  frameworkDocumentFile: FrameworkDocumentFileTable;
  plan: PlanTable;
  planPeriod: PlanPeriodTable;
  periodStatement: PeriodStatementTable;
  planObjective: PlanObjectiveTable;
  planAction: PlanActionTable;
  annualProgramme: AnnualProgrammeTable;
  annualProgrammeVersion: AnnualProgrammeVersionTable;
  programmeItem: ProgrammeItemTable;
  programmeItemObjective: ProgrammeItemObjectiveTable;
  participationFigure: ParticipationFigureTable;
  partnershipGoal: PartnershipGoalTable;
  goalStatusChange: GoalStatusChangeTable;
  goalAssessment: GoalAssessmentTable;
  actionEvidence: ActionEvidenceTable;
  goalActivity: GoalActivityTable;
  partnershipMilestone: PartnershipMilestoneTable;
};
