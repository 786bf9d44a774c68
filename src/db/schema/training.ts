import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Id, ReleasableColumns, Timestamp, UpdatedAt } from "./common.js";

type Json<T> = ColumnType<T, string | undefined, string>;

export interface CourseModule {
  title: string;
  hours: number;
}

export interface EntryRequirements {
  priorActivityCodes?: string[];
  languageLevel?: string;
}

export interface AssessmentComponent {
  code: string;
  title: string;
  kind: "test" | "exercise" | "participation";
  maxScore: number;
  weight: number;
  /** A score below this fails the participant whatever the total. */
  minScore?: number;
}

export interface AssessmentScheme {
  /** Weighted total (percent) needed to pass. */
  passMark: number;
  /** Share of sessions (percent) a participant must attend; absent: no requirement. */
  minAttendancePercent?: number;
  components: AssessmentComponent[];
}

export interface QualificationTable {
  code: string;
  nameEn: string;
  nameAz: string | null;
  nameRu: string | null;
  validityYears: number;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface CourseTable {
  id: Id;
  activityId: string;
  qualificationCode: string | null;
  objectives: ColumnType<string[], string[] | undefined, string[]>;
  modules: Json<CourseModule[]>;
  entryRequirements: Json<EntryRequirements>;
  assessment: Json<AssessmentScheme>;
  certificateValidityYears: number | null;
  directorPersonId: string | null;
  instructorPersonIds: ColumnType<string[], string[] | undefined, string[]>;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface CourseRunTable {
  eventId: string;
  courseId: string;
  signedOffBy: string | null;
  signedOffAt: Timestamp | null;
  signOffNote: string | null;
  createdAt: CreatedAt;
}

export interface AssessmentResultTable {
  nominationId: string;
  eventId: string;
  componentCode: string;
  /** numeric travels as text from pg. */
  score: ColumnType<string, number | string, number | string>;
  recordedBy: string | null;
  recordedAt: Generated<Date>;
}

export interface CourseOutcomeTable {
  nominationId: string;
  eventId: string;
  outcome: string;
  totalPercent: ColumnType<string | null, number | string | null, number | string | null>;
  attendancePercent: ColumnType<string | null, number | string | null, number | string | null>;
  reasons: Json<string[]>;
  computedAt: Generated<Date>;
}

export interface CertificateTable {
  id: Id;
  number: string;
  verificationCode: string;
  courseId: string;
  eventId: string;
  nominationId: string;
  personId: string;
  qualificationCode: string | null;
  holderName: string;
  language: Generated<string>;
  issuedOn: DateString;
  validFrom: DateString;
  validUntil: DateString | null;
  revokedAt: Timestamp | null;
  revokedReason: string | null;
  revokedBy: string | null;
  replacesId: string | null;
  issuedBy: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface StandardSetTable {
  id: Id;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface StandardAreaTable {
  id: Id;
  standardSetId: string;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  sortOrder: Generated<number>;
}

export interface StandardTable {
  id: Id;
  areaId: string;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  descriptionEn: string | null;
  sortOrder: Generated<number>;
  sample: Generated<boolean>;
}

export interface AccreditationApplicationTable extends ReleasableColumns {
  id: Id;
  centreId: string;
  kind: string;
  standardSetId: string;
  reviewingOrganisationId: string | null;
  state: Generated<string>;
  submittedAt: Timestamp | null;
  selfAssessmentDueOn: DateString | null;
  visitStartsOn: DateString | null;
  visitEndsOn: DateString | null;
  visitedAt: Timestamp | null;
  reportDueOn: DateString | null;
  decision: string | null;
  decidedOn: DateString | null;
  validUntil: DateString | null;
  decisionNote: string | null;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface AccreditationSelfAssessmentTable {
  applicationId: string;
  standardId: string;
  rating: string;
  narrative: string | null;
  updatedBy: string | null;
  updatedAt: Generated<Date>;
}

export interface AccreditationEvidenceTable {
  id: Id;
  applicationId: string;
  standardId: string;
  fileId: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface AccreditationVisitMemberTable {
  applicationId: string;
  personId: string;
  role: Generated<string>;
}

export interface AccreditationFindingTable {
  id: Id;
  applicationId: string;
  standardId: string | null;
  kind: string;
  text: string;
  dueOn: DateString | null;
  status: Generated<string>;
  closedAt: Timestamp | null;
  closureNote: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

/** Tables of the training capability (src/modules/training), by camelCase name. */
export type TrainingTables = {
  qualification: QualificationTable;
  course: CourseTable;
  courseRun: CourseRunTable;
  assessmentResult: AssessmentResultTable;
  courseOutcome: CourseOutcomeTable;
  certificate: CertificateTable;
  standardSet: StandardSetTable;
  standardArea: StandardAreaTable;
  standard: StandardTable;
  accreditationApplication: AccreditationApplicationTable;
  accreditationSelfAssessment: AccreditationSelfAssessmentTable;
  accreditationEvidence: AccreditationEvidenceTable;
  accreditationVisitMember: AccreditationVisitMemberTable;
  accreditationFinding: AccreditationFindingTable;
};
