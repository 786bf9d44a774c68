import { type Static, Type } from "typebox";
import {
  IsoDate,
  IsoDateTime,
  LongText,
  NextStates,
  Nullable,
  PageQuery,
  ReleaseInput,
  ReleaseListInput,
  ReleaseOutput,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const PRECISIONS = ["day", "month", "year"] as const;
export const ACTION_STATUSES = ["planned", "in_progress", "done", "deferred", "cancelled"] as const;
export const PROGRAMME_STATUSES = ["draft", "submitted", "agreed", "closed"] as const;
export const GOAL_STATUSES = [
  "proposed",
  "agreed",
  "in_progress",
  "achieved",
  "deferred",
  "cancelled",
] as const;
export const RATINGS = ["fully_met", "largely_met", "partially_met", "not_met"] as const;
export const MILESTONE_KINDS = ["milestone", "agreement", "deployment", "visit", "role", "event"] as const;
export const OWN_OUTCOMES = ["done", "not_done", "cancelled"] as const;
export const EXPORT_FORMATS = ["json", "csv", "xlsx", "pdf"] as const;
const Precision = StringEnum(PRECISIONS);
const Code = Type.String({ pattern: "^[A-Z0-9][A-Z0-9_.-]{1,59}$", description: "Upper-case code" });
const AreaCode = Type.String({
  pattern: "^[a-z][a-z_]{1,49}$",
  description: "Code of an area of cooperation",
});
const PlanKindCode = Type.String({ pattern: "^[a-z][a-z_]{1,49}$" });
const Year = Type.Integer({ minimum: 1990, maximum: 2200 });
const Ref = Type.Object({ id: Uuid, code: Type.String(), nameEn: Type.String() });
const AreaRef = Type.Object({
  code: Type.String(),
  nameEn: Type.String(),
  nameAz: Type.String(),
  nameRu: Type.String(),
});

export const NationQueryPart = { nationId: Type.Optional(Uuid) };

// ------------------------------------------------------------------ plan kinds
export const PlanKind = Type.Object({
  ...AreaRef.properties,
  replacedBy: Nullable(Type.String()),
  replacedSinceYear: Nullable(Type.Integer()),
});

// ------------------------------------------------------------------ framework documents
export const FileRef = Type.Object({
  id: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: IsoDateTime,
});

export const FrameworkDocument = Type.Object({
  id: Uuid,
  nationId: Nullable(Uuid),
  nation: Nullable(Ref),
  title: Type.String(),
  kind: Type.String(),
  parties: Type.Array(Type.String()),
  signedOn: Nullable(IsoDate),
  signedPrecision: Precision,
  signatories: Type.Array(Type.String()),
  validFrom: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
  replacesId: Nullable(Uuid),
  replacedById: Nullable(Uuid),
  source: Nullable(Type.String()),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  files: Type.Array(FileRef),
  ...ReleaseOutput,
});

export const FrameworkInput = StrictObject({
  nationId: Type.Optional(Nullable(Uuid)),
  title: Text(300),
  kind: PlanKindCode,
  parties: Type.Optional(Type.Array(Text(200), { maxItems: 50 })),
  signedOn: Type.Optional(Nullable(IsoDate)),
  signedPrecision: Type.Optional(Precision),
  signatories: Type.Optional(Type.Array(Text(200), { maxItems: 50 })),
  validFrom: Type.Optional(Nullable(IsoDate)),
  validUntil: Type.Optional(Nullable(IsoDate)),
  replacesId: Type.Optional(Nullable(Uuid)),
  source: Type.Optional(Nullable(Text(500))),
  note: Type.Optional(Nullable(LongText(5000))),
  ...ReleaseInput,
});
export type FrameworkInput = Static<typeof FrameworkInput>;
// A patch names at least one field: an empty one would be an UPDATE without a SET.
export const FrameworkPatch = Type.Partial(FrameworkInput, { additionalProperties: false, minProperties: 1 });
export type FrameworkPatch = Static<typeof FrameworkPatch>;
export const FrameworkQuery = StrictObject({
  ...PageQuery,
  ...NationQueryPart,
  kind: Type.Optional(PlanKindCode),
});
export type FrameworkQuery = Static<typeof FrameworkQuery>;

// ------------------------------------------------------------------ plans, periods, statements
export const StatementOut = Type.Object({
  id: Uuid,
  startsOn: IsoDate,
  startPrecision: Precision,
  endsOn: Nullable(IsoDate),
  endPrecision: Precision,
  source: Type.String(),
  sample: Type.Boolean(),
  note: Nullable(Type.String()),
});

export const PeriodOut = Type.Object({
  id: Uuid,
  planId: Uuid,
  number: Type.Integer(),
  label: Type.String(),
  title: Nullable(Type.String()),
  note: Nullable(Type.String()),
  statements: Type.Array(StatementOut),
  /** The earliest stated start and latest stated end; null when no source dates the period. */
  widest: Nullable(Type.Object({ startsOn: IsoDate, endsOn: Nullable(IsoDate) })),
  discrepancy: Type.Boolean(),
});

export const JoinReadingOut = Type.Object({
  earlierStatementId: Uuid,
  laterStatementId: Uuid,
  earlierSource: Type.String(),
  laterSource: Type.String(),
  kind: StringEnum(["gap", "overlap", "contiguous", "unknown"]),
  from: Nullable(IsoDate),
  to: Nullable(IsoDate),
  days: Type.Integer(),
});
export const PeriodJoinOut = Type.Object({
  earlierPeriodId: Uuid,
  laterPeriodId: Uuid,
  earlierLabel: Type.String(),
  laterLabel: Type.String(),
  kind: StringEnum(["gap", "overlap", "contiguous", "unknown", "depends_on_source"]),
  readings: Type.Array(JoinReadingOut),
});

export const ObjectiveSummary = Type.Object({
  id: Uuid,
  planId: Uuid,
  periodId: Nullable(Uuid),
  code: Type.String(),
  area: AreaRef,
  title: Type.String(),
  description: Nullable(Type.String()),
  sample: Type.Boolean(),
  actionCount: Type.Integer(),
  doneCount: Type.Integer(),
  lateCount: Type.Integer(),
});

export const PlanSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  nationId: Nullable(Uuid),
  nation: Nullable(Ref),
  frameworkDocumentId: Nullable(Uuid),
  successorId: Nullable(Uuid),
  predecessorId: Nullable(Uuid),
  description: Nullable(Type.String()),
  sample: Type.Boolean(),
  periodCount: Type.Integer(),
  ...ReleaseOutput,
});

export const PlanDetail = Type.Object({
  ...PlanSummary.properties,
  periods: Type.Array(PeriodOut),
  discrepancies: Type.Array(Type.Object({ periodId: Uuid, label: Type.String() })),
  joins: Type.Array(PeriodJoinOut),
  objectives: Type.Array(ObjectiveSummary),
});

export const PlanInput = StrictObject({
  code: Code,
  title: Text(300),
  kind: PlanKindCode,
  nationId: Type.Optional(Nullable(Uuid)),
  frameworkDocumentId: Type.Optional(Nullable(Uuid)),
  successorId: Type.Optional(Nullable(Uuid)),
  description: Type.Optional(Nullable(LongText())),
  ...ReleaseInput,
});
export type PlanInput = Static<typeof PlanInput>;
export const PlanPatch = Type.Partial(PlanInput, { additionalProperties: false, minProperties: 1 });
export type PlanPatch = Static<typeof PlanPatch>;
export const PlanQuery = StrictObject({
  ...PageQuery,
  ...NationQueryPart,
  kind: Type.Optional(PlanKindCode),
});
export type PlanQuery = Static<typeof PlanQuery>;

export const PeriodInput = StrictObject({
  number: Type.Integer({ minimum: 1, maximum: 100 }),
  label: Text(40),
  title: Type.Optional(Nullable(Text(300))),
  note: Type.Optional(Nullable(LongText(5000))),
});
export type PeriodInput = Static<typeof PeriodInput>;

export const StatementInput = StrictObject({
  startsOn: IsoDate,
  startPrecision: Type.Optional(Precision),
  endsOn: Type.Optional(Nullable(IsoDate)),
  endPrecision: Type.Optional(Precision),
  source: Text(500),
  note: Type.Optional(Nullable(LongText(2000))),
});
export type StatementInput = Static<typeof StatementInput>;

// ------------------------------------------------------------------ objectives and actions
export const EvidenceOut = Type.Object({
  id: Uuid,
  kind: StringEnum(["activity", "goal", "document", "url"]),
  activity: Nullable(Type.Object({ id: Uuid, code: Type.String(), titleEn: Type.String() })),
  goal: Nullable(Type.Object({ id: Uuid, code: Type.String(), title: Type.String() })),
  document: Nullable(Type.Object({ id: Uuid, title: Type.String() })),
  url: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

export const ActionOut = Type.Object({
  id: Uuid,
  objectiveId: Uuid,
  title: Type.String(),
  responsibleOrganisation: Nullable(Ref),
  responsibleNote: Nullable(Type.String()),
  dueOn: Nullable(IsoDate),
  status: StringEnum(ACTION_STATUSES),
  progress: Type.Integer(),
  completedOn: Nullable(IsoDate),
  late: Type.Boolean(),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  evidence: Type.Array(EvidenceOut),
  allowedTransitions: NextStates(ACTION_STATUSES),
});

export const LinkedActivity = Type.Object({
  itemId: Uuid,
  programmeId: Uuid,
  programmeTitle: Type.String(),
  activityId: Nullable(Uuid),
  code: Nullable(Type.String()),
  title: Type.String(),
  areaCode: Type.String(),
  planned: Type.Integer(),
  attended: Type.Integer(),
  implemented: Type.Boolean(),
});

export const ObjectiveDetail = Type.Object({
  ...ObjectiveSummary.properties,
  plan: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  period: Nullable(Type.Object({ id: Uuid, label: Type.String(), number: Type.Integer() })),
  actions: Type.Array(ActionOut),
  activities: Type.Array(LinkedActivity),
  goals: Type.Array(
    Type.Object({ id: Uuid, code: Type.String(), title: Type.String(), status: Type.String() }),
  ),
});

export const ObjectiveInput = StrictObject({
  code: Type.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$" }),
  areaCode: AreaCode,
  title: Text(300),
  periodId: Type.Optional(Nullable(Uuid)),
  description: Type.Optional(Nullable(LongText())),
});
export type ObjectiveInput = Static<typeof ObjectiveInput>;

export const ActionInput = StrictObject({
  title: Text(300),
  responsibleOrganisationId: Type.Optional(Nullable(Uuid)),
  responsibleNote: Type.Optional(Nullable(Text(300))),
  dueOn: Type.Optional(Nullable(IsoDate)),
  status: Type.Optional(StringEnum(ACTION_STATUSES)),
  progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  completedOn: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(LongText(5000))),
});
export type ActionInput = Static<typeof ActionInput>;
export const ActionPatch = Type.Partial(ActionInput, { additionalProperties: false, minProperties: 1 });
export type ActionPatch = Static<typeof ActionPatch>;

export const EvidenceInput = StrictObject({
  activityId: Type.Optional(Uuid),
  goalId: Type.Optional(Uuid),
  documentId: Type.Optional(Uuid),
  url: Type.Optional(Type.String({ pattern: "^https?://", maxLength: 2000 })),
  note: Type.Optional(Nullable(LongText(2000))),
});
export type EvidenceInput = Static<typeof EvidenceInput>;

// ------------------------------------------------------------------ period report
/** The action figures of a period report, counted for one area and again for all areas together. */
const ActionFigures = {
  objectives: Type.Integer(),
  actions: Type.Integer(),
  done: Type.Integer(),
  inProgress: Type.Integer(),
  late: Type.Integer(),
  averageProgress: Type.Number(),
  /** done / (actions − cancelled), 0..1; null when nothing is counted. */
  completionRate: Nullable(Type.Number()),
};

export const AreaActionFigures = Type.Object({
  areaCode: Type.String(),
  areaName: Type.String(),
  ...ActionFigures,
});

export const PeriodReport = Type.Object({
  plan: Type.Object({ id: Uuid, code: Type.String(), title: Type.String() }),
  period: PeriodOut,
  asOf: IsoDate,
  areas: Type.Array(AreaActionFigures),
  totals: Type.Object(ActionFigures),
  lateActions: Type.Array(
    Type.Object({
      id: Uuid,
      objectiveCode: Type.String(),
      title: Type.String(),
      dueOn: IsoDate,
      status: Type.String(),
      progress: Type.Integer(),
    }),
  ),
});

// ------------------------------------------------------------------ annual programmes
export const ProgrammeSummary = Type.Object({
  id: Uuid,
  nationId: Uuid,
  nation: Ref,
  firstYear: Type.Integer(),
  lastYear: Type.Integer(),
  title: Type.String(),
  planId: Nullable(Uuid),
  status: StringEnum(PROGRAMME_STATUSES),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  itemCount: Type.Integer(),
  ...ReleaseOutput,
});

export const ProgrammeItemOut = Type.Object({
  id: Uuid,
  activityId: Nullable(Uuid),
  activity: Nullable(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      titleEn: Type.String(),
      kind: Type.String(),
      menuYear: Type.Integer(),
    }),
  ),
  title: Type.String(),
  areaCode: Type.String(),
  plannedStartsOn: Nullable(IsoDate),
  plannedEndsOn: Nullable(IsoDate),
  plannedParticipants: Type.Integer(),
  ownOutcome: Nullable(StringEnum(OWN_OUTCOMES)),
  ownParticipants: Nullable(Type.Integer()),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  objectiveIds: Type.Array(Uuid),
  /** Accepted nominations of the nation that attended (fully or partly), on events within the programme span. */
  attended: Type.Integer(),
  completed: Type.Integer(),
  eventsAttended: Type.Integer(),
  implemented: Type.Boolean(),
});

export const ProgrammeDetail = Type.Object({
  ...ProgrammeSummary.properties,
  items: Type.Array(ProgrammeItemOut),
  allowedTransitions: NextStates(PROGRAMME_STATUSES),
  /** What this viewer may decide: submit (the partner's coordinators), agree, return or close (alliance staff). */
  viewerMay: Type.Object({ submit: Type.Boolean(), decide: Type.Boolean() }),
});

export const ProgrammeInput = StrictObject({
  nationId: Uuid,
  firstYear: Year,
  lastYear: Type.Optional(Year),
  title: Text(300),
  planId: Type.Optional(Nullable(Uuid)),
  status: Type.Optional(StringEnum(PROGRAMME_STATUSES)),
  note: Type.Optional(Nullable(LongText(5000))),
  ...ReleaseListInput,
});
export type ProgrammeInput = Static<typeof ProgrammeInput>;
export const ProgrammeQuery = StrictObject({ ...PageQuery, ...NationQueryPart, year: Type.Optional(Year) });
export type ProgrammeQuery = Static<typeof ProgrammeQuery>;

export const ItemInput = StrictObject({
  activityId: Type.Optional(Uuid),
  title: Type.Optional(Text(300)),
  areaCode: Type.Optional(AreaCode),
  plannedStartsOn: Type.Optional(Nullable(IsoDate)),
  plannedEndsOn: Type.Optional(Nullable(IsoDate)),
  plannedParticipants: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  ownOutcome: Type.Optional(Nullable(StringEnum(OWN_OUTCOMES))),
  ownParticipants: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10000 }))),
  note: Type.Optional(Nullable(LongText(2000))),
  objectiveIds: Type.Optional(Type.Array(Uuid, { maxItems: 20, uniqueItems: true })),
});
export type ItemInput = Static<typeof ItemInput>;
export const ItemPatch = Type.Partial(Type.Omit(ItemInput, ["activityId"]), {
  additionalProperties: false,
  minProperties: 1,
});
export type ItemPatch = Static<typeof ItemPatch>;

/** The item figures of a programme report, counted for one area and again for all areas together. */
const ProgrammeFigures = {
  plannedItems: Type.Integer(),
  implementedItems: Type.Integer(),
  plannedParticipants: Type.Integer(),
  attended: Type.Integer(),
  completed: Type.Integer(),
  /** implemented / planned items, 0..1; null when nothing is planned (in the area). */
  implementationRate: Nullable(Type.Number()),
};

export const AreaProgrammeFigures = Type.Object({
  areaCode: Type.String(),
  areaName: Type.String(),
  ...ProgrammeFigures,
});

export const ProgrammeReport = Type.Object({
  programme: Type.Object({
    id: Uuid,
    title: Type.String(),
    planId: Nullable(Uuid),
    nation: Ref,
    firstYear: Type.Integer(),
    lastYear: Type.Integer(),
  }),
  spanFrom: IsoDate,
  spanTo: IsoDate,
  areas: Type.Array(AreaProgrammeFigures),
  totals: Type.Object({
    ...ProgrammeFigures,
    /** Events the nation attended in the span that are not in the programme. */
    unplannedEventsAttended: Type.Integer(),
  }),
  items: Type.Array(ProgrammeItemOut),
});

export const YearFigure = Type.Object({
  year: Type.Integer(),
  plannedItems: Nullable(Type.Integer()),
  implementedItems: Nullable(Type.Integer()),
  /** Distinct catalogue events the nation attended that year (from nominations). */
  eventsAttended: Type.Integer(),
  recorded: Type.Array(
    Type.Object({
      eventCount: Type.Integer(),
      qualifier: Type.String(),
      source: Type.String(),
      sample: Type.Boolean(),
    }),
  ),
});
export const ComparisonQuery = StrictObject({
  nationId: Uuid,
  fromYear: Type.Optional(Year),
  toYear: Type.Optional(Year),
});
export type ComparisonQuery = Static<typeof ComparisonQuery>;

// ------------------------------------------------------------------ goals
export const GoalOut = Type.Object({
  id: Uuid,
  nationId: Uuid,
  nation: Ref,
  code: Type.String(),
  title: Type.String(),
  areaCode: Type.String(),
  description: Nullable(Type.String()),
  targetOn: Nullable(IsoDate),
  agreedYear: Nullable(Type.Integer()),
  /** The odd year in which the goal is (next) assessed. */
  assessmentYear: Nullable(Type.Integer()),
  status: StringEnum(GOAL_STATUSES),
  planId: Nullable(Uuid),
  sample: Type.Boolean(),
  late: Type.Boolean(),
  latestRating: Nullable(StringEnum(RATINGS)),
  ...ReleaseOutput,
});

export const GoalInput = StrictObject({
  nationId: Uuid,
  code: Code,
  title: Text(300),
  areaCode: AreaCode,
  description: Type.Optional(Nullable(LongText())),
  targetOn: Type.Optional(Nullable(IsoDate)),
  agreedYear: Type.Optional(Nullable(Year)),
  status: Type.Optional(StringEnum(GOAL_STATUSES)),
  planId: Type.Optional(Nullable(Uuid)),
  ...ReleaseListInput,
});
export type GoalInput = Static<typeof GoalInput>;
export const GoalPatch = Type.Partial(
  Type.Object({
    ...Type.Omit(GoalInput, ["nationId", "code"]).properties,
    statusNote: Type.Optional(Nullable(LongText(2000))),
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type GoalPatch = Static<typeof GoalPatch>;
export const GoalQuery = StrictObject({
  ...PageQuery,
  ...NationQueryPart,
  areaCode: Type.Optional(AreaCode),
  status: Type.Optional(StringEnum(GOAL_STATUSES)),
  agreedYear: Type.Optional(Year),
  late: Type.Optional(Type.Boolean()),
});
export type GoalQuery = Static<typeof GoalQuery>;
export const GoalCounts = Type.Object({
  total: Type.Integer(),
  late: Type.Integer(),
  byStatus: Type.Record(Type.String(), Type.Integer()),
  byArea: Type.Record(Type.String(), Type.Integer()),
});
export const AssessmentInput = StrictObject({
  cycleYear: Year,
  rating: StringEnum(RATINGS),
  comments: Type.Optional(Nullable(LongText())),
  assessedOn: Type.Optional(Nullable(IsoDate)),
});
export type AssessmentInput = Static<typeof AssessmentInput>;
export const GoalActivityInput = StrictObject({ activityId: Uuid });

// ------------------------------------------------------------------ milestones and timeline
export const MilestoneOut = Type.Object({
  id: Uuid,
  nationId: Uuid,
  occurredOn: IsoDate,
  precision: Precision,
  kind: StringEnum(MILESTONE_KINDS),
  titleEn: Type.String(),
  titleAz: Nullable(Type.String()),
  titleRu: Nullable(Type.String()),
  description: Nullable(Type.String()),
  source: Type.String(),
  sample: Type.Boolean(),
  ...ReleaseOutput,
});
export const MilestoneInput = StrictObject({
  nationId: Uuid,
  occurredOn: IsoDate,
  precision: Type.Optional(Precision),
  kind: Type.Optional(StringEnum(MILESTONE_KINDS)),
  titleEn: Text(300),
  titleAz: Type.Optional(Nullable(Text(300))),
  titleRu: Type.Optional(Nullable(Text(300))),
  description: Type.Optional(Nullable(LongText(5000))),
  source: Text(500),
  ...ReleaseListInput,
});
export type MilestoneInput = Static<typeof MilestoneInput>;

export const ExportQuery = StrictObject({
  format: Type.Optional(StringEnum(EXPORT_FORMATS)),
  asOf: Type.Optional(IsoDate),
});
export type ExportQuery = Static<typeof ExportQuery>;

export const Deleted = Type.Object({ outcome: StringEnum(["deleted"]) });
