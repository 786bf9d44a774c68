import { type Static, Type } from "typebox";
import { PersonNameFields, PersonRef } from "../../platform/http/ref-schemas.js";
import {
  ChildParams,
  IsoDate,
  IsoDateTime,
  LongText,
  Nullable,
  PageQuery,
  ReleaseInput,
  ReleaseOutput,
  StrictObject,
  StrictPatch,
  StringEnum,
  Text,
  Uuid,
} from "../../platform/http/schemas.js";

export const LANGUAGES = ["en", "az", "ru"] as const;
export const COMPONENT_KINDS = ["test", "exercise", "participation"] as const;
export const OUTCOMES = ["pass", "fail", "incomplete"] as const;
export const CERTIFICATE_STATUSES = ["valid", "expired", "revoked"] as const;
export const APPLICATION_KINDS = ["accreditation", "partnership_training_centre_recognition"] as const;
export const APPLICATION_STATES = [
  "draft",
  "self_assessment",
  "submitted",
  "visit_planned",
  "visited",
  "decided",
] as const;
export const DECISIONS = [
  "accredited",
  "accredited_with_conditions",
  "not_accredited",
  "recognised",
  "not_recognised",
] as const;
export const RATINGS = ["met", "partially_met", "not_met"] as const;
export const FINDING_KINDS = ["finding", "recommendation", "condition"] as const;
export const MISSING = ["self_assessment", "evidence", "open_finding", "open_condition"] as const;

const Code = Type.String({ pattern: "^[A-Z0-9][A-Z0-9_-]{0,39}$", description: "Upper-case code" });

// ------------------------------------------------------------------ courses
export const AssessmentComponent = StrictObject({
  code: Code,
  title: Text(200),
  kind: StringEnum(COMPONENT_KINDS),
  maxScore: Type.Number({ exclusiveMinimum: 0, maximum: 10_000 }),
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
  minScore: Type.Optional(Type.Number({ minimum: 0, maximum: 10_000 })),
});

export const AssessmentScheme = StrictObject({
  passMark: Type.Number({
    minimum: 0,
    maximum: 100,
    description: "Weighted total (percent) needed to pass",
  }),
  minAttendancePercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  components: Type.Array(AssessmentComponent, { minItems: 1, maxItems: 30 }),
});

export const CourseModule = StrictObject({
  title: Text(300),
  hours: Type.Number({ minimum: 0, maximum: 1000 }),
});

export const EntryRequirements = StrictObject({
  priorActivityCodes: Type.Optional(Type.Array(Text(60), { maxItems: 20 })),
  languageLevel: Type.Optional(Text(200)),
});

const CourseFields = {
  qualificationCode: Type.Optional(Nullable(Code)),
  objectives: Type.Optional(Type.Array(Text(1000), { maxItems: 50 })),
  modules: Type.Optional(Type.Array(CourseModule, { maxItems: 100 })),
  entryRequirements: Type.Optional(EntryRequirements),
  assessment: AssessmentScheme,
  certificateValidityYears: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 50 }))),
  directorPersonId: Type.Optional(Nullable(Uuid)),
  instructorPersonIds: Type.Optional(Type.Array(Uuid, { maxItems: 50, uniqueItems: true })),
};

export const CourseInput = StrictObject({ activityId: Uuid, ...CourseFields });
export type CourseInput = Static<typeof CourseInput>;
export const CoursePatch = StrictPatch(Type.Object(CourseFields));
export type CoursePatch = Static<typeof CoursePatch>;

export const Titles = Type.Object({
  en: Type.String(),
  az: Nullable(Type.String()),
  ru: Nullable(Type.String()),
});

export const RunSummary = Type.Object({
  eventId: Uuid,
  title: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Nullable(Type.String()),
  status: Type.String(),
  participants: Type.Integer(),
  signedOffAt: Nullable(IsoDateTime),
  certificates: Type.Integer(),
});

export const Course = Type.Object({
  id: Uuid,
  activityId: Uuid,
  activityCode: Type.String(),
  title: Titles,
  organiserId: Uuid,
  hostInstitutionId: Nullable(Uuid),
  qualification: Nullable(Type.Object({ code: Type.String(), name: Titles, validityYears: Type.Integer() })),
  objectives: Type.Array(Type.String()),
  modules: Type.Array(CourseModule),
  totalHours: Type.Number(),
  entryRequirements: EntryRequirements,
  assessment: AssessmentScheme,
  certificateValidityYears: Nullable(Type.Integer()),
  director: Nullable(PersonRef),
  instructors: Type.Array(PersonRef),
  sample: Type.Boolean(),
  canManage: Type.Boolean(),
});

export const CourseDetail = Type.Object({ ...Course.properties, runs: Type.Array(RunSummary) });

export const CourseQuery = StrictObject({ ...PageQuery, q: Type.Optional(Type.String({ maxLength: 200 })) });
export type CourseQuery = Static<typeof CourseQuery>;

export const Session = Type.Object({
  id: Uuid,
  title: Type.String(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
});

export const Participant = Type.Object({
  nominationId: Uuid,
  person: PersonRef,
  attendance: Type.Record(Type.String(), Type.Boolean(), { description: "Presence by session id" }),
  scores: Type.Record(Type.String(), Type.Number(), { description: "Score by component code" }),
  computed: Type.Object({
    outcome: StringEnum(OUTCOMES),
    totalPercent: Nullable(Type.Number()),
    attendancePercent: Nullable(Type.Number()),
    reasons: Type.Array(Type.String()),
  }),
  certificate: Nullable(
    Type.Object({ id: Uuid, number: Type.String(), status: StringEnum(CERTIFICATE_STATUSES) }),
  ),
});

export const RunDetail = Type.Object({
  eventId: Uuid,
  course: Type.Object({ id: Uuid, activityCode: Type.String(), title: Titles, assessment: AssessmentScheme }),
  title: Nullable(Type.String()),
  startsOn: IsoDate,
  endsOn: IsoDate,
  city: Nullable(Type.String()),
  status: Type.String(),
  signedOffAt: Nullable(IsoDateTime),
  signedOffBy: Nullable(Type.String()),
  sessions: Type.Array(Session),
  participants: Type.Array(Participant),
  summary: Type.Object({
    enrolled: Type.Integer(),
    pass: Type.Integer(),
    fail: Type.Integer(),
    incomplete: Type.Integer(),
    certificates: Type.Integer(),
  }),
  canManage: Type.Boolean(),
});

export const RunParams = StrictObject({ eventId: Uuid });

export const AttendanceInput = StrictObject({
  entries: Type.Array(StrictObject({ sessionId: Uuid, nominationId: Uuid, present: Type.Boolean() }), {
    minItems: 1,
    maxItems: 2000,
  }),
});
export type AttendanceInput = Static<typeof AttendanceInput>;

export const ResultsInput = StrictObject({
  entries: Type.Array(
    StrictObject({
      nominationId: Uuid,
      componentCode: Code,
      score: Nullable(Type.Number({ minimum: 0, maximum: 10_000 })),
    }),
    { minItems: 1, maxItems: 2000 },
  ),
});
export type ResultsInput = Static<typeof ResultsInput>;

export const SignOffInput = StrictObject({ note: Type.Optional(LongText(2000)) });
export const IssueInput = StrictObject({
  nominationIds: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
});
export const IssueResult = Type.Object({
  issued: Type.Integer(),
  certificates: Type.Array(Type.Object({ id: Uuid, number: Type.String(), holderName: Type.String() })),
});

// ------------------------------------------------------------------ certificates
export const Certificate = Type.Object({
  id: Uuid,
  number: Type.String(),
  holderName: Type.String(),
  personId: Uuid,
  nationCode: Type.String(),
  courseId: Uuid,
  courseTitle: Titles,
  eventId: Uuid,
  courseStartsOn: IsoDate,
  courseEndsOn: IsoDate,
  qualificationCode: Nullable(Type.String()),
  language: StringEnum(LANGUAGES),
  issuedOn: IsoDate,
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  status: StringEnum(CERTIFICATE_STATUSES),
  revokedAt: Nullable(IsoDateTime),
  revokedReason: Nullable(Type.String()),
  replacesId: Nullable(Uuid),
  verificationUrl: Type.String(),
  sample: Type.Boolean(),
});

export const CertificateQuery = StrictObject({
  ...PageQuery,
  mine: Type.Optional(Type.Boolean()),
  personId: Type.Optional(Uuid),
  eventId: Type.Optional(Uuid),
  status: Type.Optional(StringEnum(CERTIFICATE_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export type CertificateQuery = Static<typeof CertificateQuery>;

export const RevokeInput = StrictObject({ reason: Text(2000) });
export const ReissueInput = StrictObject({
  reason: Text(2000),
  language: Type.Optional(StringEnum(LANGUAGES)),
});
export const LanguageInput = StrictObject({ language: StringEnum(LANGUAGES) });
export const PdfQuery = StrictObject({ lang: Type.Optional(StringEnum(LANGUAGES)) });

export const CodeParams = StrictObject({ code: Type.String({ maxLength: 200 }) });
export { PublicCertificate } from "./certificate-verify.schemas.js";

// ------------------------------------------------------------------ registry
export const RegistryQuery = StrictObject({
  ...PageQuery,
  qualification: Code,
  validOn: Type.Optional(IsoDate),
  expiringWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  nationId: Type.Optional(Uuid),
});
export type RegistryQuery = Static<typeof RegistryQuery>;

export const RegistryEntry = Type.Object({
  personId: Uuid,
  ...PersonNameFields,
  certificateId: Uuid,
  certificateNumber: Type.String(),
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  daysLeft: Nullable(Type.Integer()),
  expiringSoon: Type.Boolean(),
});

export const Qualification = Type.Object({
  code: Type.String(),
  name: Titles,
  validityYears: Type.Integer(),
  holders: Type.Integer({ description: "People with a valid certificate today" }),
});

// ------------------------------------------------------------------ accreditation
export const Standard = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Titles,
  description: Nullable(Type.String()),
  sample: Type.Boolean(),
});
export const StandardArea = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Titles,
  standards: Type.Array(Standard),
});
export const StandardSet = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Titles,
  areas: Type.Array(StandardArea),
});

export const ApplicationInput = StrictObject({
  centreId: Uuid,
  kind: StringEnum(APPLICATION_KINDS),
  standardSetId: Type.Optional(Uuid),
  /** Administrators only: the accrediting body appoints the reviewer (by default ACT), never the applicant. */
  reviewingOrganisationId: Type.Optional(Uuid),
  selfAssessmentDueOn: Type.Optional(Nullable(IsoDate)),
  note: Type.Optional(Nullable(LongText(5000))),
  ...ReleaseInput,
});
export type ApplicationInput = Static<typeof ApplicationInput>;

export const ApplicationSummary = Type.Object({
  id: Uuid,
  centre: Type.Object({ id: Uuid, code: Type.String(), name: Titles }),
  kind: StringEnum(APPLICATION_KINDS),
  state: StringEnum(APPLICATION_STATES),
  decision: Nullable(StringEnum(DECISIONS)),
  decidedOn: Nullable(IsoDate),
  validUntil: Nullable(IsoDate),
  visitStartsOn: Nullable(IsoDate),
  visitEndsOn: Nullable(IsoDate),
  progress: Type.Object({
    standards: Type.Integer(),
    selfAssessed: Type.Integer(),
    withEvidence: Type.Integer(),
    complete: Type.Integer({ description: "Standards with nothing missing" }),
  }),
  sample: Type.Boolean(),
  ...ReleaseOutput,
});

const Evidence = Type.Object({
  id: Uuid,
  fileId: Uuid,
  filename: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  createdAt: IsoDateTime,
});

export const Finding = Type.Object({
  id: Uuid,
  standardId: Nullable(Uuid),
  kind: StringEnum(FINDING_KINDS),
  text: Type.String(),
  dueOn: Nullable(IsoDate),
  status: StringEnum(["open", "closed"] as const),
  closedAt: Nullable(IsoDateTime),
  closureNote: Nullable(Type.String()),
  createdAt: IsoDateTime,
});

export const DossierStandard = Type.Object({
  id: Uuid,
  code: Type.String(),
  title: Titles,
  selfAssessment: Nullable(
    Type.Object({ rating: StringEnum(RATINGS), narrative: Nullable(Type.String()), updatedAt: IsoDateTime }),
  ),
  evidence: Type.Array(Evidence),
  findings: Type.Array(Finding),
  missing: Type.Array(StringEnum(MISSING)),
});

export const Dossier = Type.Object({
  ...ApplicationSummary.properties,
  standardSet: Type.Object({ id: Uuid, code: Type.String(), title: Titles }),
  reviewingOrganisationId: Nullable(Uuid),
  selfAssessmentDueOn: Nullable(IsoDate),
  submittedAt: Nullable(IsoDateTime),
  visitedAt: Nullable(IsoDateTime),
  reportDueOn: Nullable(IsoDate),
  decisionNote: Nullable(Type.String()),
  note: Nullable(Type.String()),
  team: Type.Array(Type.Object({ person: PersonRef, role: StringEnum(["lead", "member"] as const) })),
  areas: Type.Array(
    Type.Object({
      id: Uuid,
      code: Type.String(),
      title: Titles,
      standards: Type.Array(DossierStandard),
      complete: Type.Integer(),
    }),
  ),
  generalFindings: Type.Array(Finding),
  openConditions: Type.Integer(),
  allowedTransitions: Type.Array(Type.String()),
  canEdit: Type.Boolean(),
  canReview: Type.Boolean(),
});

export const ApplicationQuery = StrictObject({
  ...PageQuery,
  centreId: Type.Optional(Uuid),
  kind: Type.Optional(StringEnum(APPLICATION_KINDS)),
  state: Type.Optional(StringEnum(APPLICATION_STATES)),
});
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const SelfAssessmentInput = StrictObject({
  rating: StringEnum(RATINGS),
  narrative: Type.Optional(Nullable(LongText(20_000))),
});
export type SelfAssessmentInput = Static<typeof SelfAssessmentInput>;

export const StandardParams = ChildParams("standardId");
export const EvidenceParams = ChildParams("evidenceId");
export const FindingParams = ChildParams("findingId");

export const VisitInput = StrictObject({
  startsOn: IsoDate,
  endsOn: IsoDate,
  team: Type.Array(
    StrictObject({ personId: Uuid, role: Type.Optional(StringEnum(["lead", "member"] as const)) }),
    { minItems: 1, maxItems: 30 },
  ),
});
export type VisitInput = Static<typeof VisitInput>;

export const ReviewerInput = StrictObject({ reviewingOrganisationId: Uuid });
export type ReviewerInput = Static<typeof ReviewerInput>;

export const VisitedInput = StrictObject({ reportDueOn: Type.Optional(IsoDate) });

export const FindingInput = StrictObject({
  standardId: Type.Optional(Nullable(Uuid)),
  kind: StringEnum(FINDING_KINDS),
  text: Text(5000),
  dueOn: Type.Optional(Nullable(IsoDate)),
});
export type FindingInput = Static<typeof FindingInput>;

export const CloseFindingInput = StrictObject({ closureNote: Text(5000) });

export const DecisionInput = StrictObject({
  decision: StringEnum(DECISIONS),
  decidedOn: Type.Optional(IsoDate),
  validityYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  note: Type.Optional(LongText(5000)),
});
export type DecisionInput = Static<typeof DecisionInput>;

export const ExpiringQuery = StrictObject({
  ...PageQuery,
  withinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, default: 180 })),
});
export const ReminderResult = Type.Object({ notified: Type.Integer(), applications: Type.Integer() });
