import type { BodyOf, ListParamsOf, ResponseOf } from "../../shared/api/contract";

/**
 * Units, evaluations and checklists as the server declares them (generated from the API document), with the value
 * lists that forms and filters offer (generated from the server's own constants).
 */
export { EVALUATION_KINDS, PHASES, UNIT_SIZES } from "../../shared/api";

export type Unit = ResponseOf<"getReadinessUnitsById">;
export type Declaration = Unit["declarations"][number];

export type EvaluationSummary = ResponseOf<"getReadinessEvaluations">["items"][number];
export type EvaluationDetail = ResponseOf<"getReadinessEvaluationsById">;
export type EvaluationKind = EvaluationSummary["kind"];
export type EvaluationState = EvaluationSummary["state"];
export type Outcome = NonNullable<EvaluationSummary["outcome"]>;
export type PhaseName = EvaluationDetail["phases"][number]["phase"];
export type PersonRef = EvaluationDetail["team"][number]["person"];
export type EvaluationQuery = ListParamsOf<"getReadinessEvaluations">;
export type EvaluationInput = BodyOf<"postReadinessEvaluations">;

export type ChecklistTemplate = ResponseOf<"getReadinessChecklistsById">;
export type EligibleEvaluator = ResponseOf<"getReadinessEvaluationsByIdEligibleEvaluators">["items"][number];
export type EvaluationChecklist = ResponseOf<"getReadinessEvaluationsByIdChecklist">;
export type ChecklistCriterion = EvaluationChecklist["areas"][number]["criteria"][number];
export type Answer = Omit<ChecklistCriterion, "id" | "code" | "text" | "guidance" | "critical">;
export type AnswerValue = NonNullable<Answer["answer"]>;

export type Results = ResponseOf<"getReadinessEvaluationsByIdResults">;
export type AreaScore = Results["areas"][number];
export type Finding = Results["findings"][number];
export type FollowUpAction = Results["actions"][number];
