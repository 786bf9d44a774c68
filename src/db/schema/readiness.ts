import type { ColumnType, Generated } from "kysely";
import type { CreatedAt, DateString, Id, ReleasableColumns, Timestamp, UpdatedAt } from "./common.js";

type Flag = ColumnType<boolean, boolean | undefined, boolean>;

export interface UnitProfileTable {
  organisationId: string;
  unitType: string;
  size: string;
  echelon: string | null;
  isHeadquarters: Flag;
  sample: Flag;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface ForcePoolDeclarationTable {
  id: Id;
  unitId: string;
  poolName: string;
  declaredFrom: DateString;
  declaredTo: DateString | null;
  note: string | null;
  sample: Flag;
  createdAt: CreatedAt;
}

export interface ChecklistTemplateTable {
  id: Id;
  code: string;
  title: string;
  description: string | null;
  sample: Flag;
  createdAt: CreatedAt;
}

export interface ChecklistVersionTable {
  id: Id;
  templateId: string;
  version: number;
  note: string | null;
  sourceFilename: string | null;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface ChecklistAreaTable {
  id: Id;
  versionId: string;
  code: string;
  title: string;
  sortOrder: ColumnType<number, number | undefined, number>;
}

export interface ChecklistCriterionTable {
  id: Id;
  versionId: string;
  areaId: string;
  code: string;
  text: string;
  guidance: string | null;
  critical: Flag;
  sortOrder: ColumnType<number, number | undefined, number>;
}

export interface EvaluationTable extends ReleasableColumns {
  id: Id;
  unitId: string;
  checklistVersionId: string;
  kind: string;
  title: string;
  startsOn: DateString;
  endsOn: DateString;
  state: ColumnType<string, string | undefined, string>;
  evaluatingOrganisationId: string | null;
  previousEvaluationId: string | null;
  outcome: string | null;
  summaryStatement: string | null;
  reportedAt: Timestamp | null;
  sample: Flag;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

export interface EvaluationPhaseTable {
  evaluationId: string;
  phase: string;
  startsOn: DateString;
  endsOn: DateString;
}

export interface EvaluationTeamMemberTable {
  id: Id;
  evaluationId: string;
  personId: string;
  role: ColumnType<string, string | undefined, string>;
  /** daterange, written as '[from,to]' */
  period: string;
  createdAt: CreatedAt;
}

export interface EvaluationAnswerTable {
  evaluationId: string;
  criterionId: string;
  answer: string | null;
  comment: string | null;
  evidence: string | null;
  version: Generated<number>;
  answeredBy: string | null;
  answeredAt: Timestamp | null;
}

export interface EvaluationFindingTable {
  id: Id;
  evaluationId: string;
  areaId: string | null;
  kind: string;
  text: string;
  createdBy: string | null;
  createdAt: CreatedAt;
}

export interface FollowUpActionTable {
  id: Id;
  evaluationId: string;
  findingId: string | null;
  title: string;
  ownerPersonId: string | null;
  ownerOrganisationId: string | null;
  dueOn: DateString;
  status: ColumnType<string, string | undefined, string>;
  createdAt: CreatedAt;
  updatedAt: UpdatedAt;
}

/** Tables of the readiness capability (src/modules/readiness), by camelCase name. */
export type ReadinessTables = {
  unitProfile: UnitProfileTable;
  forcePoolDeclaration: ForcePoolDeclarationTable;
  checklistTemplate: ChecklistTemplateTable;
  checklistVersion: ChecklistVersionTable;
  checklistArea: ChecklistAreaTable;
  checklistCriterion: ChecklistCriterionTable;
  evaluation: EvaluationTable;
  evaluationPhase: EvaluationPhaseTable;
  evaluationTeamMember: EvaluationTeamMemberTable;
  evaluationAnswer: EvaluationAnswerTable;
  evaluationFinding: EvaluationFindingTable;
  followUpAction: FollowUpActionTable;
};
