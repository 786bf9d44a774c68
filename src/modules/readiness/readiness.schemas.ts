import { type Static, Type } from "typebox";
import { PagedQuery } from "../../platform/http/paged-query.js";
import { CodeRef, PersonNameFields, PersonRef } from "../../platform/http/ref-schemas.js";
import {
  ChildParams,
  DoubleBooking,
  ErrorResponse,
  IsoDate,
  NextStates,
  Nullable,
  ReleaseOutput,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const UNIT_SIZES = [
  "team",
  "section",
  "platoon",
  "company",
  "battalion",
  "regiment",
  "brigade",
  "division",
  "corps",
] as const;
export const EVALUATION_KINDS = [
  "self_evaluation_l1",
  "alliance_evaluation_l1",
  "self_evaluation_l2",
  "alliance_evaluation_l2",
  "combat_readiness_evaluation",
] as const;
export const PHASES = [
  "coordination_meeting",
  "phase_1_barracks",
  "phase_2_exercise",
  "phase_3_report",
] as const;
export const EVALUATION_STATES = ["planned", "in_progress", "reported", "cancelled"] as const;
export const ANSWERS = ["yes", "no", "not_evaluated"] as const;
export const OUTCOMES = [
  "combat_ready",
  "not_combat_ready",
  "meets_standards",
  "does_not_meet_standards",
] as const;
export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;

/** The qualification an evaluator must hold, conferred by the CREVAL course (training capability). */
export const EVALUATOR_QUALIFICATION = "CREVAL-EVALUATOR";
/** An area passes at this share of "yes" among its evaluated criteria (percent). */
export const AREA_PASS_PERCENT = 80;

// ------------------------------------------------------------------ units
export const Declaration = Type.Object({
  id: Uuid,
  poolName: Type.String(),
  declaredFrom: IsoDate,
  declaredTo: Nullable(IsoDate),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
});

export const Unit = Type.Object({
  id: Uuid,
  code: Type.String(),
  nameEn: Type.String(),
  nation: Nullable(CodeRef),
  parent: Nullable(CodeRef),
  unitType: Nullable(Type.String()),
  size: Nullable(StringEnum(UNIT_SIZES)),
  echelon: Nullable(Type.String()),
  isHeadquarters: Type.Boolean(),
  sample: Type.Boolean(),
  declarations: Type.Array(Declaration),
});

export const UnitQuery = PagedQuery({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  nationId: Type.Optional(Uuid),
  declared: Type.Optional(Type.Boolean({ description: "Only units declared to a pool today" })),
});
export type UnitQuery = Static<typeof UnitQuery>;

export const UnitProfileInput = StrictObject({
  unitType: Text(100),
  size: StringEnum(UNIT_SIZES),
  echelon: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  isHeadquarters: Type.Optional(Type.Boolean()),
});
export type UnitProfileInput = Static<typeof UnitProfileInput>;

export const DeclarationInput = StrictObject({
  poolName: Text(200),
  declaredFrom: IsoDate,
  declaredTo: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
});
export type DeclarationInput = Static<typeof DeclarationInput>;

// ------------------------------------------------------------------ checklists
export const ChecklistTemplate = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  sample: Type.Boolean(),
  latestVersion: Nullable(Type.Integer()),
  versions: Type.Array(
    Type.Object({
      id: Uuid,
      version: Type.Integer(),
      note: Nullable(Type.String()),
      sourceFilename: Nullable(Type.String()),
      criteria: Type.Integer(),
      usedBy: Type.Integer({ description: "Evaluations that use this version (it is frozen when > 0)" }),
      createdAt: Type.String({ format: "date-time" }),
    }),
  ),
});

export const ChecklistQuery = PagedQuery({ q: Type.Optional(Type.String({ maxLength: 200 })) });
export type ChecklistQuery = Static<typeof ChecklistQuery>;

export const CriterionInput = StrictObject({
  code: Text(40),
  text: Text(2000),
  guidance: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  critical: Type.Optional(Type.Boolean()),
});
export const AreaInput = StrictObject({
  code: Text(40),
  title: Text(300),
  criteria: Type.Array(CriterionInput, { minItems: 1, maxItems: 1000 }),
});
export type AreaInput = Static<typeof AreaInput>;

export const VersionInput = StrictObject({
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  areas: Type.Array(AreaInput, { minItems: 1, maxItems: 100 }),
});
export type VersionInput = Static<typeof VersionInput>;

export const ChecklistInput = StrictObject({
  code: Type.String({ pattern: "^[A-Z0-9][A-Z0-9_.-]{1,59}$" }),
  title: Text(300),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  areas: Type.Optional(Type.Array(AreaInput, { minItems: 1, maxItems: 100 })),
});
export type ChecklistInput = Static<typeof ChecklistInput>;

export const Criterion = Type.Object({
  id: Uuid,
  code: Type.String(),
  text: Type.String(),
  guidance: Nullable(Type.String()),
  critical: Type.Boolean(),
});
export const CriterionPatch = Type.Partial(
  Type.Object({
    text: Text(2000),
    guidance: Nullable(Type.String({ maxLength: 4000 })),
    critical: Type.Boolean(),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type CriterionPatch = Static<typeof CriterionPatch>;

export const ChecklistVersion = Type.Object({
  id: Uuid,
  templateId: Uuid,
  templateCode: Type.String(),
  version: Type.Integer(),
  note: Nullable(Type.String()),
  usedBy: Type.Integer(),
  areas: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), criteria: Type.Array(Criterion) }),
  ),
});

// ------------------------------------------------------------------ evaluations
const Phase = Type.Object({ phase: StringEnum(PHASES), startsOn: IsoDate, endsOn: IsoDate });
export const PhaseInput = StrictObject({ phase: StringEnum(PHASES), startsOn: IsoDate, endsOn: IsoDate });

export const TeamMember = Type.Object({
  id: Uuid,
  role: StringEnum(["lead", "evaluator"]),
  certified: Type.Boolean({
    description: `Holds a ${EVALUATOR_QUALIFICATION} certificate valid throughout the evaluation now (false after a revocation or expiry)`,
  }),
  person: PersonRef,
});

export const EvaluationSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  kind: StringEnum(EVALUATION_KINDS),
  state: StringEnum(EVALUATION_STATES),
  startsOn: IsoDate,
  endsOn: IsoDate,
  unit: CodeRef,
  unitNation: Nullable(CodeRef),
  isHeadquarters: Type.Boolean(),
  outcome: Nullable(StringEnum(OUTCOMES)),
  previousEvaluationId: Nullable(Uuid),
  criteria: Type.Integer(),
  answered: Type.Integer(),
  sample: Type.Boolean(),
});

/** A row of the evaluations list: the summary, and the role on the team of the person the list is filtered by. */
export const EvaluationListItem = Type.Object({
  ...EvaluationSummary.properties,
  teamRole: Nullable(
    StringEnum(
      ["lead", "evaluator"] as const,
      "With personId: that person's role on the evaluation's team; null without personId",
    ),
  ),
});

export const EvaluationDetail = Type.Object({
  ...EvaluationSummary.properties,
  checklistVersion: Type.Object({ id: Uuid, templateCode: Type.String(), version: Type.Integer() }),
  evaluatingOrganisation: Nullable(CodeRef),
  summaryStatement: Nullable(Type.String()),
  reportedAt: Nullable(Type.String({ format: "date-time" })),
  phases: Type.Array(Phase),
  team: Type.Array(TeamMember),
  reEvaluations: Type.Array(Type.Object({ id: Uuid, title: Type.String(), startsOn: IsoDate })),
  permissions: Type.Object({ plan: Type.Boolean(), answer: Type.Boolean(), report: Type.Boolean() }),
  allowedTransitions: NextStates(EVALUATION_STATES),
  ...ReleaseOutput,
});

export const EvaluationQuery = PagedQuery({
  unitId: Type.Optional(Uuid),
  state: Type.Optional(StringEnum(EVALUATION_STATES)),
  kind: Type.Optional(StringEnum(EVALUATION_KINDS)),
  mine: Type.Optional(Type.Boolean({ description: "Only evaluations whose team the caller is on" })),
  personId: Type.Optional(Uuid),
});
export type EvaluationQuery = Static<typeof EvaluationQuery>;

export const EvaluationInput = StrictObject({
  unitId: Uuid,
  checklistVersionId: Uuid,
  kind: StringEnum(EVALUATION_KINDS),
  title: Text(300),
  startsOn: IsoDate,
  endsOn: IsoDate,
  evaluatingOrganisationId: Type.Optional(Nullable(Uuid)),
  previousEvaluationId: Type.Optional(Nullable(Uuid)),
  phases: Type.Optional(Type.Array(PhaseInput, { maxItems: 4 })),
  criterionCodes: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
      minItems: 1,
      maxItems: 2000,
      uniqueItems: true,
      description: "The agreed set of criteria; all criteria of the version when omitted",
    }),
  ),
});
export type EvaluationInput = Static<typeof EvaluationInput>;

export const EvaluationPatch = Type.Object(
  {
    title: Type.Optional(Text(300)),
    state: Type.Optional(StringEnum(["planned", "in_progress", "cancelled"])),
    phases: Type.Optional(Type.Array(PhaseInput, { maxItems: 4 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EvaluationPatch = Static<typeof EvaluationPatch>;

export const TeamInput = StrictObject({
  personId: Uuid,
  role: Type.Optional(StringEnum(["lead", "evaluator"])),
  ...DoubleBooking.overrideFields,
});
export type TeamInput = Static<typeof TeamInput>;

export const EligibleEvaluator = Type.Object({
  personId: Uuid,
  ...PersonNameFields,
  certificateNumber: Type.String(),
  validUntil: Nullable(IsoDate),
});

export const Answer = Type.Object({
  criterionId: Uuid,
  answer: Nullable(StringEnum(ANSWERS)),
  comment: Nullable(Type.String()),
  evidence: Nullable(
    Type.String({ description: "What the evaluator saw: a document, a record, a demonstration" }),
  ),
  version: Type.Integer(),
  answeredBy: Nullable(Type.String()),
  answeredAt: Nullable(Type.String({ format: "date-time" })),
});

export const EvaluationChecklist = Type.Object({
  evaluationId: Uuid,
  editable: Type.Boolean(),
  opensOn: Type.String({
    format: "date",
    description: "The evaluation's first day: no answer is taken before it",
  }),
  areas: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      title: Type.String(),
      criteria: Type.Array(Type.Object({ ...Criterion.properties, ...Answer.properties })),
    }),
  ),
});

export const AnswerInput = StrictObject({
  answer: Nullable(StringEnum(ANSWERS)),
  comment: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  evidence: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  version: Type.Integer({ minimum: 0, description: "The version of the answer the writer last read" }),
});
export type AnswerInput = Static<typeof AnswerInput>;
export const AnswerParams = ChildParams("criterionId");

export const StaleAnswer = Type.Object({
  ...ErrorResponse.properties,
  current: Type.Optional(Answer),
});

const AreaScore = Type.Object({
  areaId: Uuid,
  code: Type.String(),
  title: Type.String(),
  yes: Type.Integer(),
  no: Type.Integer(),
  notEvaluated: Type.Integer(),
  unanswered: Type.Integer(),
  percent: Nullable(Type.Number({ description: "yes / (yes + no), percent; null for headquarters" })),
  passed: Nullable(Type.Boolean()),
  criticalNo: Type.Integer(),
});

export const Finding = Type.Object({
  id: Uuid,
  kind: StringEnum(["finding", "recommendation"]),
  areaId: Nullable(Uuid),
  text: Type.String(),
  createdAt: Type.String({ format: "date-time" }),
});
export const FindingInput = StrictObject({
  kind: StringEnum(["finding", "recommendation"]),
  areaId: Type.Optional(Nullable(Uuid)),
  text: Text(4000),
});
export type FindingInput = Static<typeof FindingInput>;

export const FollowUpAction = Type.Object({
  id: Uuid,
  findingId: Nullable(Uuid),
  title: Type.String(),
  ownerPerson: Nullable(PersonRef),
  ownerOrganisation: Nullable(CodeRef),
  dueOn: IsoDate,
  status: StringEnum(ACTION_STATUSES),
  overdue: Type.Boolean(),
  allowedTransitions: NextStates(ACTION_STATUSES),
});
export const ActionInput = StrictObject({
  title: Text(500),
  findingId: Type.Optional(Nullable(Uuid)),
  ownerPersonId: Type.Optional(Nullable(Uuid)),
  ownerOrganisationId: Type.Optional(Nullable(Uuid)),
  dueOn: IsoDate,
});
export type ActionInput = Static<typeof ActionInput>;
export const ActionPatch = Type.Object(
  {
    status: Type.Optional(StringEnum(ACTION_STATUSES)),
    dueOn: Type.Optional(IsoDate),
    title: Type.Optional(Text(500)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ActionPatch = Static<typeof ActionPatch>;

export const Results = Type.Object({
  evaluationId: Uuid,
  isHeadquarters: Type.Boolean(),
  passPercent: Type.Number(),
  areas: Type.Array(AreaScore),
  overall: Type.Object({
    yes: Type.Integer(),
    no: Type.Integer(),
    notEvaluated: Type.Integer(),
    unanswered: Type.Integer(),
    percent: Nullable(Type.Number()),
    criticalNo: Type.Integer(),
  }),
  complete: Type.Boolean({ description: "Every agreed criterion has an answer" }),
  computedOutcome: Nullable(StringEnum(OUTCOMES)),
  outcome: Nullable(StringEnum(OUTCOMES)),
  summaryStatement: Nullable(Type.String()),
  findings: Type.Array(Finding),
  actions: Type.Array(FollowUpAction),
});

export const ReportInput = StrictObject({
  summaryStatement: Type.Optional(Nullable(Type.String({ maxLength: 8000 }))),
  meetsStandards: Type.Optional(
    Type.Boolean({
      description: "Headquarters only: the team's statement of whether it meets the standards",
    }),
  ),
});
export type ReportInput = Static<typeof ReportInput>;
