import type { Ref, ReleasabilityLevel } from "../../shared/api";

export const EVALUATION_KINDS = [
  "self_evaluation_l1",
  "alliance_evaluation_l1",
  "self_evaluation_l2",
  "alliance_evaluation_l2",
  "combat_readiness_evaluation",
] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const PHASES = [
  "coordination_meeting",
  "phase_1_barracks",
  "phase_2_exercise",
  "phase_3_report",
] as const;
export type PhaseName = (typeof PHASES)[number];
export type EvaluationState = "planned" | "in_progress" | "reported" | "cancelled";
export type AnswerValue = "yes" | "no" | "not_evaluated";
export type Outcome = "combat_ready" | "not_combat_ready" | "meets_standards" | "does_not_meet_standards";

export interface Declaration {
  id: string;
  poolName: string;
  declaredFrom: string;
  declaredTo: string | null;
  note: string | null;
  sample: boolean;
}

export interface Unit {
  id: string;
  code: string;
  nameEn: string;
  nation: Ref | null;
  parent: Ref | null;
  unitType: string | null;
  size: string | null;
  echelon: string | null;
  isHeadquarters: boolean;
  sample: boolean;
  declarations: Declaration[];
}

export interface PersonRef {
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationCode: string;
}

export interface EvaluationSummary {
  id: string;
  title: string;
  kind: EvaluationKind;
  state: EvaluationState;
  startsOn: string;
  endsOn: string;
  unit: Ref;
  unitNation: Ref | null;
  isHeadquarters: boolean;
  outcome: Outcome | null;
  previousEvaluationId: string | null;
  criteria: number;
  answered: number;
  sample: boolean;
}

export interface EvaluationDetail extends EvaluationSummary {
  checklistVersion: { id: string; templateCode: string; version: number };
  evaluatingOrganisation: Ref | null;
  summaryStatement: string | null;
  reportedAt: string | null;
  phases: { phase: PhaseName; startsOn: string; endsOn: string }[];
  /** `certified`: the member still holds the evaluator qualification for the evaluation's dates. */
  team: { id: string; role: "lead" | "evaluator"; certified: boolean; person: PersonRef }[];
  reEvaluations: { id: string; title: string; startsOn: string }[];
  permissions: { plan: boolean; answer: boolean; report: boolean };
  /** The states the evaluation may move to next (the server's transition table). */
  allowedTransitions: EvaluationState[];
  releasability: ReleasabilityLevel;
}

export interface EvaluationQuery {
  unitId?: string;
  state?: string;
  mine?: boolean;
  limit?: number;
  offset?: number;
}

export interface EvaluationInput {
  unitId: string;
  checklistVersionId: string;
  kind: EvaluationKind;
  title: string;
  startsOn: string;
  endsOn: string;
  evaluatingOrganisationId?: string | null;
  previousEvaluationId?: string | null;
  phases?: { phase: PhaseName; startsOn: string; endsOn: string }[];
}

export interface ChecklistTemplate {
  id: string;
  code: string;
  title: string;
  latestVersion: number | null;
  description: string | null;
  sample: boolean;
  versions: {
    id: string;
    version: number;
    criteria: number;
    usedBy: number;
    note: string | null;
    sourceFilename: string | null;
    createdAt: string;
  }[];
}

export interface EligibleEvaluator {
  personId: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationCode: string;
  certificateNumber: string;
  validUntil: string | null;
}

export interface Answer {
  criterionId: string;
  answer: AnswerValue | null;
  comment: string | null;
  evidence: string | null;
  version: number;
  answeredBy: string | null;
  answeredAt: string | null;
}

export interface ChecklistCriterion extends Answer {
  id: string;
  code: string;
  text: string;
  guidance: string | null;
  critical: boolean;
}

export interface EvaluationChecklist {
  evaluationId: string;
  editable: boolean;
  /** The evaluation's first day: the server takes no answer before it. */
  opensOn: string;
  areas: { id: string; code: string; title: string; criteria: ChecklistCriterion[] }[];
}

export interface AreaScore {
  areaId: string;
  code: string;
  title: string;
  yes: number;
  no: number;
  notEvaluated: number;
  unanswered: number;
  percent: number | null;
  passed: boolean | null;
  criticalNo: number;
}

export interface Finding {
  id: string;
  kind: "finding" | "recommendation";
  areaId: string | null;
  text: string;
  createdAt: string;
}

export interface FollowUpAction {
  id: string;
  findingId: string | null;
  title: string;
  ownerPerson: PersonRef | null;
  ownerOrganisation: Ref | null;
  dueOn: string;
  status: "open" | "in_progress" | "done" | "cancelled";
  overdue: boolean;
  /** The statuses the action may move to next (the server's transition table). */
  allowedTransitions: FollowUpAction["status"][];
}

export interface Results {
  evaluationId: string;
  isHeadquarters: boolean;
  passPercent: number;
  areas: AreaScore[];
  overall: {
    yes: number;
    no: number;
    notEvaluated: number;
    unanswered: number;
    percent: number | null;
    criticalNo: number;
  };
  complete: boolean;
  computedOutcome: Outcome | null;
  outcome: Outcome | null;
  summaryStatement: string | null;
  findings: Finding[];
  actions: FollowUpAction[];
}
