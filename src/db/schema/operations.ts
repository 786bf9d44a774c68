import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Id, ReleasableColumns, SearchVector, UpdatedAt } from "./common.js";

export interface ExerciseTable extends ReleasableColumns {
  id: Id;
  code: string;
  name: string;
  kind: string;
  status: Generated<string>;
  scenario: string | null;
  leadOrganisationId: string;
  activityId: string | null;
  startsOn: DateString;
  endsOn: DateString;
  sample: Generated<boolean>;
  sampleNote: string | null;
  source: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
  search: SearchVector;
}

export interface ExerciseStageTable {
  id: Id;
  exerciseId: string;
  stageNo: number;
  hostNationId: string;
  place: string | null;
  startsOn: DateString;
  endsOn: DateString;
}

export interface ExerciseParticipantTable {
  id: Id;
  exerciseId: string;
  nationId: string;
  role: string;
  note: string | null;
  sample: Generated<boolean>;
}

export interface ExerciseContributionTable {
  id: Id;
  participantId: string;
  kind: string;
  category: string;
  quantity: number;
  description: string | null;
}

export interface PlanningConferenceTable {
  id: Id;
  exerciseId: string;
  kind: string;
  startsOn: DateString;
  endsOn: DateString;
  place: string | null;
  eventId: string | null;
  note: string | null;
}

export interface PlanningConferenceAttendanceTable {
  conferenceId: string;
  nationId: string;
  attendees: number;
}

export interface ExerciseMilestoneTable {
  id: Id;
  exerciseId: string;
  title: string;
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  dueOn: DateString;
  doneOn: DateString | null;
  createdAt: CreatedAt;
}

export interface TrainingObjectiveTable {
  id: Id;
  exerciseId: string;
  position: Generated<number>;
  text: string;
  createdAt: CreatedAt;
}

export interface LessonTable {
  id: Id;
  exerciseId: string;
  title: string;
  observation: string | null;
  recommendation: string | null;
  status: Generated<string>;
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  followUpActivityId: string | null;
  followUpReference: string | null;
  statusNote: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface OperationTable {
  id: Id;
  code: string;
  name: string;
  leadOrganisationId: string;
  startsOn: DateString;
  endsOn: DateString | null;
  description: string | null;
  source: string | null;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ContingentTable extends ReleasableColumns {
  id: Id;
  operationId: string;
  nationId: string;
  name: string;
  frameworkUnit: string | null;
  frameworkNationId: string | null;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ContingentRotationTable {
  id: Id;
  contingentId: string;
  slot: Generated<string>;
  label: string | null;
  startsOn: DateString;
  startPrecision: Generated<string>;
  endsOn: DateString | null;
  sample: Generated<boolean>;
  note: string | null;
  createdAt: CreatedAt;
}

export interface RotationStrengthTable {
  rotationId: string;
  category: string;
  count: number;
}

export interface TrustFundTable {
  id: Id;
  code: string;
  name: string;
  operationId: string | null;
  managingOrganisationId: string | null;
  createdAt: CreatedAt;
}

/** numeric(14,2): the pg parser reads numerics as numbers; queries select amounts `::text` to keep every cent. */
type Money = ColumnType<number, string | number, string | number>;

export interface FundContributionTable extends ReleasableColumns {
  id: Id;
  trustFundId: string;
  nationId: string;
  year: number;
  currency: string;
  pledged: Money;
  paid: ColumnType<number, string | number | undefined, string | number>;
  note: string | null;
  sample: Generated<boolean>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** Tables of the operations capability (src/modules/operations), by camelCase name. */
export type OperationsTables = {
  exercise: ExerciseTable;
  exerciseStage: ExerciseStageTable;
  exerciseParticipant: ExerciseParticipantTable;
  exerciseContribution: ExerciseContributionTable;
  planningConference: PlanningConferenceTable;
  planningConferenceAttendance: PlanningConferenceAttendanceTable;
  exerciseMilestone: ExerciseMilestoneTable;
  trainingObjective: TrainingObjectiveTable;
  lesson: LessonTable;
  operation: OperationTable;
  contingent: ContingentTable;
  contingentRotation: ContingentRotationTable;
  rotationStrength: RotationStrengthTable;
  trustFund: TrustFundTable;
  fundContribution: FundContributionTable;
};
