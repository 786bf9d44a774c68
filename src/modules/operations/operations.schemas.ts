import { type Static, Type } from "typebox";
import { PagedQuery } from "../../platform/http/paged-query.js";
import { CodeRef } from "../../platform/http/ref-schemas.js";
import {
  IsoDate,
  LongText,
  NextStates,
  Nullable,
  ReleaseInput,
  ReleaseListInput,
  ReleaseOutput,
  StrictObject,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const EXERCISE_KINDS = ["live", "command_post", "table_top"] as const;
export const EXERCISE_STATUSES = ["concept", "planning", "conduct", "completed", "cancelled"] as const;
export const PARTICIPANT_ROLES = ["member", "partner", "observer"] as const;
export const CONTRIBUTION_KINDS = ["personnel", "unit", "equipment"] as const;
export const CONFERENCE_KINDS = ["initial", "main", "final"] as const;
export const LESSON_STATUSES = ["identified", "analysed", "learned", "closed", "rejected"] as const;
export const STRENGTH_CATEGORIES = [
  "military_personnel",
  "military_doctors",
  "staff_officers",
  "officers",
  "non_commissioned_officers",
  "soldiers",
  "civilian_personnel",
  "medical_personnel",
  "other",
] as const;

const Code = (max: number) =>
  Type.String({
    pattern: `^[A-Z0-9][A-Z0-9_.-]{1,${max - 1}}$`,
    description: "Short code: capital letters, digits, '.', '_' or '-'",
  });
/** A patch: only known fields, at least one. */
const PATCH = { additionalProperties: false, minProperties: 1 } as const;
const Optional = <T extends Parameters<typeof Nullable>[0]>(schema: T) => Type.Optional(Nullable(schema));

// ------------------------------------------------------------------ exercises
export const Stage = Type.Object({
  id: Uuid,
  stageNo: Type.Integer(),
  hostNation: CodeRef,
  place: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
});
export const StageInput = StrictObject({
  stageNo: Type.Integer({ minimum: 1, maximum: 20 }),
  hostNationId: Uuid,
  place: Optional(Type.String({ maxLength: 200 })),
  startsOn: IsoDate,
  endsOn: IsoDate,
});
export type StageInput = Static<typeof StageInput>;

export const Contribution = Type.Object({
  id: Uuid,
  kind: StringEnum(CONTRIBUTION_KINDS),
  category: Type.String(),
  quantity: Type.Integer(),
  description: Nullable(Type.String()),
});
export const ContributionInput = StrictObject({
  kind: StringEnum(CONTRIBUTION_KINDS),
  category: Text(200),
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  description: Optional(Type.String({ maxLength: 2000 })),
});

export const Participant = Type.Object({
  id: Uuid,
  nation: CodeRef,
  role: StringEnum(PARTICIPANT_ROLES),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  personnel: Type.Integer({ description: "Sum of the personnel contributions" }),
  contributions: Type.Array(Contribution),
});
export const ParticipantInput = StrictObject({
  nationId: Uuid,
  role: StringEnum(PARTICIPANT_ROLES),
  note: Optional(Type.String({ maxLength: 2000 })),
  contributions: Type.Optional(Type.Array(ContributionInput, { maxItems: 50 })),
});
export type ParticipantInput = Static<typeof ParticipantInput>;
export const ParticipantPatch = Type.Object(
  {
    role: Type.Optional(StringEnum(PARTICIPANT_ROLES)),
    note: Optional(Type.String({ maxLength: 2000 })),
    contributions: Type.Optional(Type.Array(ContributionInput, { maxItems: 50 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ParticipantPatch = Static<typeof ParticipantPatch>;

export const ParticipationCounts = Type.Object({
  member: Type.Integer(),
  partner: Type.Integer(),
  observer: Type.Integer(),
  total: Type.Integer(),
});

export const Attendance = Type.Object({ nation: CodeRef, attendees: Type.Integer() });
export const Conference = Type.Object({
  id: Uuid,
  kind: StringEnum(CONFERENCE_KINDS),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: Nullable(Type.String()),
  eventId: Nullable(Uuid),
  note: Nullable(Type.String()),
  totalAttendees: Type.Integer(),
  attendance: Type.Array(Attendance),
});
export const ConferenceInput = StrictObject({
  kind: StringEnum(CONFERENCE_KINDS),
  startsOn: IsoDate,
  endsOn: IsoDate,
  place: Optional(Type.String({ maxLength: 200 })),
  eventId: Optional(Uuid),
  note: Optional(Type.String({ maxLength: 2000 })),
});
export type ConferenceInput = Static<typeof ConferenceInput>;
export const AttendanceInput = StrictObject({
  entries: Type.Array(
    StrictObject({ nationId: Uuid, attendees: Type.Integer({ minimum: 0, maximum: 10_000 }) }),
    { maxItems: 200 },
  ),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

const Owner = {
  ownerNation: Nullable(CodeRef),
  ownerOrganisation: Nullable(CodeRef),
};
const OwnerInput = { ownerNationId: Optional(Uuid), ownerOrganisationId: Optional(Uuid) };
export const Milestone = Type.Object({
  id: Uuid,
  title: Type.String(),
  ...Owner,
  dueOn: IsoDate,
  doneOn: Nullable(IsoDate),
  overdue: Type.Boolean(),
});
export const MilestoneInput = StrictObject({
  title: Text(300),
  ...OwnerInput,
  dueOn: IsoDate,
  doneOn: Optional(IsoDate),
});
export type MilestoneInput = Static<typeof MilestoneInput>;
export const MilestonePatch = Type.Partial(MilestoneInput, { additionalProperties: false, minProperties: 1 });
export type MilestonePatch = Static<typeof MilestonePatch>;

export const Objective = Type.Object({ id: Uuid, position: Type.Integer(), text: Type.String() });
export const ObjectiveInput = StrictObject({
  text: Text(2000),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
});
export type ObjectiveInput = Static<typeof ObjectiveInput>;

export const Lesson = Type.Object({
  id: Uuid,
  exercise: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  title: Type.String(),
  observation: Nullable(Type.String()),
  recommendation: Nullable(Type.String()),
  status: StringEnum(LESSON_STATUSES),
  ...Owner,
  followUpActivity: Nullable(Type.Object({ id: Uuid, code: Type.String(), titleEn: Type.String() })),
  followUpReference: Nullable(Type.String()),
  statusNote: Nullable(Type.String()),
  sample: Type.Boolean(),
  updatedAt: Type.String({ format: "date-time" }),
  allowedTransitions: NextStates(LESSON_STATUSES),
});
export const LessonInput = StrictObject({
  title: Text(300),
  observation: Optional(LongText()),
  recommendation: Optional(LongText()),
  ...OwnerInput,
});
export type LessonInput = Static<typeof LessonInput>;
export const LessonTransition = StrictObject({
  to: StringEnum(LESSON_STATUSES),
  followUpActivityId: Optional(Uuid),
  followUpReference: Optional(Type.String({ minLength: 1, maxLength: 500 })),
  note: Optional(Type.String({ maxLength: 2000 })),
});
export type LessonTransition = Static<typeof LessonTransition>;
export const LessonQuery = PagedQuery({
  exerciseId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum(LESSON_STATUSES)),
});
export type LessonQuery = Static<typeof LessonQuery>;

export const Exercise = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  kind: StringEnum(EXERCISE_KINDS),
  status: StringEnum(EXERCISE_STATUSES),
  scenario: Nullable(Type.String()),
  leadOrganisation: CodeRef,
  activityId: Nullable(Uuid),
  startsOn: IsoDate,
  endsOn: IsoDate,
  sample: Type.Boolean(),
  sampleNote: Nullable(Type.String()),
  source: Nullable(Type.String()),
  hostNations: Type.Array(CodeRef),
  participation: ParticipationCounts,
  ...ReleaseOutput,
});
export const ExerciseDetail = Type.Intersect([
  Exercise,
  Type.Object({
    stages: Type.Array(Stage),
    participants: Type.Array(Participant),
    conferences: Type.Array(Conference),
    milestones: Type.Array(Milestone),
    objectives: Type.Array(Objective),
    lessons: Type.Array(Lesson),
    canEdit: Type.Boolean(),
    allowedTransitions: NextStates(EXERCISE_STATUSES),
  }),
]);

const ExerciseFields = {
  code: Code(60),
  name: Text(300),
  kind: StringEnum(EXERCISE_KINDS),
  status: Type.Optional(StringEnum(EXERCISE_STATUSES)),
  scenario: Optional(LongText()),
  leadOrganisationId: Uuid,
  activityId: Optional(Uuid),
  startsOn: IsoDate,
  endsOn: IsoDate,
  sampleNote: Optional(Type.String({ maxLength: 2000 })),
  source: Optional(Type.String({ maxLength: 500 })),
};
export const ExerciseInput = StrictObject({
  ...ExerciseFields,
  stages: Type.Optional(Type.Array(StageInput, { maxItems: 20 })),
  ...ReleaseInput,
});
export type ExerciseInput = Static<typeof ExerciseInput>;
export const ExercisePatch = Type.Partial(
  Type.Object({
    ...ExerciseFields,
    ...ReleaseListInput,
  }),
  { additionalProperties: false, minProperties: 1 },
);
export type ExercisePatch = Static<typeof ExercisePatch>;

export const ExerciseQuery = PagedQuery({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(StringEnum(EXERCISE_KINDS)),
  status: Type.Optional(StringEnum(EXERCISE_STATUSES)),
  leadOrganisationId: Type.Optional(Uuid),
  nationId: Type.Optional(Uuid),
  year: Type.Optional(Type.Integer({ minimum: 1950, maximum: 2200 })),
});
export type ExerciseQuery = Static<typeof ExerciseQuery>;

// ------------------------------------------------------------------ operations and contingents
export const Operation = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  leadOrganisation: CodeRef,
  startsOn: IsoDate,
  endsOn: Nullable(IsoDate),
  description: Nullable(Type.String()),
  source: Nullable(Type.String()),
  contingentCount: Type.Integer({ description: "Contingents the caller may see" }),
  canEdit: Type.Boolean({ description: "The caller may change the operation" }),
});
export const OperationInput = StrictObject({
  code: Code(40),
  name: Text(300),
  leadOrganisationId: Uuid,
  startsOn: IsoDate,
  endsOn: Optional(IsoDate),
  description: Optional(LongText()),
  source: Optional(Type.String({ maxLength: 500 })),
});
export type OperationInput = Static<typeof OperationInput>;
export const OperationPatch = Type.Partial(OperationInput, { additionalProperties: false, minProperties: 1 });
export type OperationPatch = Static<typeof OperationPatch>;
export const OperationQuery = PagedQuery({ q: Type.Optional(Type.String({ maxLength: 200 })) });
export type OperationQuery = Static<typeof OperationQuery>;

export const Strength = Type.Object({ category: StringEnum(STRENGTH_CATEGORIES), count: Type.Integer() });
export const StrengthInput = Type.Array(
  StrictObject({
    category: StringEnum(STRENGTH_CATEGORIES),
    count: Type.Integer({ minimum: 0, maximum: 100_000 }),
  }),
  { maxItems: STRENGTH_CATEGORIES.length },
);

export const Rotation = Type.Object({
  id: Uuid,
  slot: Type.String(),
  label: Nullable(Type.String()),
  startsOn: IsoDate,
  startPrecision: StringEnum(["day", "month", "year"]),
  endsOn: Nullable(IsoDate),
  sample: Type.Boolean(),
  note: Nullable(Type.String()),
  strength: Type.Array(Strength),
  total: Type.Integer({ description: "Sum of the strength by category, computed in SQL" }),
});
const RotationFields = {
  slot: Type.Optional(Text(100)),
  label: Optional(Type.String({ maxLength: 200 })),
  startsOn: IsoDate,
  startPrecision: Type.Optional(StringEnum(["day", "month", "year"])),
  endsOn: Optional(IsoDate),
  note: Optional(Type.String({ maxLength: 2000 })),
  strength: Type.Optional(StrengthInput),
};
export const RotationInput = StrictObject(RotationFields);
export type RotationInput = Static<typeof RotationInput>;
export const RotationPatch = Type.Partial(Type.Object(RotationFields), PATCH);
export type RotationPatch = Static<typeof RotationPatch>;

export const Contingent = Type.Object({
  id: Uuid,
  operation: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  nation: CodeRef,
  name: Type.String(),
  frameworkUnit: Nullable(Type.String()),
  frameworkNation: Nullable(CodeRef),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  firstStartsOn: Nullable(IsoDate),
  lastEndsOn: Nullable(IsoDate),
  currentStrength: Type.Integer({ description: "Strength of the rotations serving today" }),
  peakStrength: Type.Integer(),
  ...ReleaseOutput,
});
export const ContingentDetail = Type.Intersect([
  Contingent,
  Type.Object({ rotations: Type.Array(Rotation), canEdit: Type.Boolean() }),
]);
const ContingentFields = {
  name: Text(300),
  frameworkUnit: Optional(Type.String({ maxLength: 300 })),
  frameworkNationId: Optional(Uuid),
  note: Optional(Type.String({ maxLength: 2000 })),
  ...ReleaseListInput,
};
export const ContingentInput = StrictObject({ operationId: Uuid, nationId: Uuid, ...ContingentFields });
export type ContingentInput = Static<typeof ContingentInput>;
export const ContingentPatch = Type.Partial(Type.Object(ContingentFields), PATCH);
export type ContingentPatch = Static<typeof ContingentPatch>;
export const ContingentQuery = PagedQuery({
  operationId: Type.Optional(Uuid),
  nationId: Type.Optional(Uuid),
});
export type ContingentQuery = Static<typeof ContingentQuery>;

export const StrengthQuery = StrictObject({
  operationId: Type.Optional(Uuid),
  nationId: Type.Optional(Uuid),
});
export type StrengthQuery = Static<typeof StrengthQuery>;
export const StrengthSeries = Type.Object({
  points: Type.Array(
    Type.Object({
      date: IsoDate,
      total: Type.Integer(),
      byCategory: Type.Array(Strength),
    }),
  ),
});

// ------------------------------------------------------------------ trust funds
export const TrustFund = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  operation: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  managingOrganisation: Nullable(CodeRef),
});
const Money = Type.String({
  pattern: "^[0-9]{1,12}(\\.[0-9]{1,2})?$",
  description: "Amount with at most two decimals, as a string",
});
export const FundContribution = Type.Object({
  id: Uuid,
  trustFund: Type.Object({ id: Uuid, code: Type.String(), name: Type.String() }),
  nation: CodeRef,
  year: Type.Integer(),
  currency: Type.String(),
  pledged: Type.String(),
  paid: Type.String(),
  outstanding: Type.String(),
  note: Nullable(Type.String()),
  sample: Type.Boolean(),
  canEdit: Type.Boolean({ description: "The caller may change the contribution" }),
  ...ReleaseOutput,
});
const FundContributionFields = {
  year: Type.Integer({ minimum: 1990, maximum: 2200 }),
  currency: Type.String({ pattern: "^[A-Z]{3}$", description: "ISO 4217 code" }),
  pledged: Money,
  paid: Type.Optional(Money),
  note: Optional(Type.String({ maxLength: 2000 })),
  ...ReleaseListInput,
};
export const FundContributionInput = StrictObject({
  trustFundId: Uuid,
  nationId: Uuid,
  ...FundContributionFields,
});
export type FundContributionInput = Static<typeof FundContributionInput>;
export const FundContributionPatch = Type.Partial(Type.Object(FundContributionFields), PATCH);
export type FundContributionPatch = Static<typeof FundContributionPatch>;
export const FundContributionQuery = PagedQuery({
  trustFundId: Type.Optional(Uuid),
  nationId: Type.Optional(Uuid),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2200 })),
});
export type FundContributionQuery = Static<typeof FundContributionQuery>;
export const FundTotals = Type.Object({
  totals: Type.Array(
    Type.Object({
      year: Type.Integer(),
      currency: Type.String(),
      pledged: Type.String(),
      paid: Type.String(),
    }),
  ),
});
