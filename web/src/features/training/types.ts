import type { ReleasabilityLevel } from "../../shared/api";

export type Language = "en" | "az" | "ru";
export interface Titles {
  en: string;
  az: string | null;
  ru: string | null;
}
export interface PersonRef {
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationCode: string;
}
export interface AssessmentComponent {
  code: string;
  title: string;
  kind: "test" | "exercise" | "participation";
  maxScore: number;
  weight: number;
  minScore?: number;
}
export interface AssessmentScheme {
  passMark: number;
  minAttendancePercent?: number;
  components: AssessmentComponent[];
}
export interface RunSummary {
  eventId: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
  city: string | null;
  status: string;
  participants: number;
  signedOffAt: string | null;
  certificates: number;
}
export interface Course {
  id: string;
  activityId: string;
  activityCode: string;
  title: Titles;
  qualification: { code: string; name: Titles; validityYears: number } | null;
  objectives: string[];
  modules: { title: string; hours: number }[];
  totalHours: number;
  entryRequirements: { priorActivityCodes?: string[]; languageLevel?: string };
  assessment: AssessmentScheme;
  certificateValidityYears: number | null;
  director: PersonRef | null;
  instructors: PersonRef[];
  sample: boolean;
  canManage: boolean;
}
export interface CourseDetail extends Course {
  runs: RunSummary[];
}
export type Outcome = "pass" | "fail" | "incomplete";
export type CertificateStatus = "valid" | "expired" | "revoked";
export interface Participant {
  nominationId: string;
  person: PersonRef;
  attendance: Record<string, boolean>;
  scores: Record<string, number>;
  computed: {
    outcome: Outcome;
    totalPercent: number | null;
    attendancePercent: number | null;
    reasons: string[];
  };
  certificate: { id: string; number: string; status: CertificateStatus } | null;
}
export interface RunDetail {
  eventId: string;
  course: { id: string; activityCode: string; title: Titles; assessment: AssessmentScheme };
  title: string | null;
  startsOn: string;
  endsOn: string;
  city: string | null;
  status: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
  sessions: { id: string; title: string; startsAt: string; endsAt: string }[];
  participants: Participant[];
  summary: { enrolled: number; pass: number; fail: number; incomplete: number; certificates: number };
  canManage: boolean;
}
export interface Certificate {
  id: string;
  number: string;
  holderName: string;
  personId: string;
  nationCode: string;
  courseId: string;
  courseTitle: Titles;
  eventId: string;
  courseStartsOn: string;
  courseEndsOn: string;
  qualificationCode: string | null;
  language: Language;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: CertificateStatus;
  revokedAt: string | null;
  revokedReason: string | null;
  replacesId: string | null;
  verificationUrl: string;
  sample: boolean;
}
export interface PublicCertificate {
  number: string;
  holderName: string;
  courseTitle: Titles;
  courseStartsOn: string;
  courseEndsOn: string;
  qualification: Titles | null;
  issuer: Titles;
  signatory: string | null;
  issuedOn: string;
  validFrom: string;
  validUntil: string | null;
  status: CertificateStatus;
}
export interface Qualification {
  code: string;
  name: Titles;
  validityYears: number;
  holders: number;
}
export interface RegistryEntry {
  personId: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationCode: string;
  certificateId: string;
  certificateNumber: string;
  validFrom: string;
  validUntil: string | null;
  daysLeft: number | null;
  expiringSoon: boolean;
}
export const APPLICATION_STATES = [
  "draft",
  "self_assessment",
  "submitted",
  "visit_planned",
  "visited",
  "decided",
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];
export type Missing = "self_assessment" | "evidence" | "open_finding" | "open_condition";
export interface ApplicationSummary {
  id: string;
  centre: { id: string; code: string; name: Titles };
  kind: "accreditation" | "partnership_training_centre_recognition";
  state: ApplicationState;
  decision: string | null;
  decidedOn: string | null;
  validUntil: string | null;
  visitStartsOn: string | null;
  visitEndsOn: string | null;
  progress: { standards: number; selfAssessed: number; withEvidence: number; complete: number };
  sample: boolean;
  releasability: ReleasabilityLevel;
}
export interface Finding {
  id: string;
  standardId: string | null;
  kind: "finding" | "recommendation" | "condition";
  text: string;
  dueOn: string | null;
  status: "open" | "closed";
  closedAt: string | null;
  closureNote: string | null;
}
export interface DossierStandard {
  id: string;
  code: string;
  title: Titles;
  selfAssessment: {
    rating: "met" | "partially_met" | "not_met";
    narrative: string | null;
    updatedAt: string;
  } | null;
  evidence: { id: string; fileId: string; filename: string; sizeBytes: number }[];
  findings: Finding[];
  missing: Missing[];
}
export interface Dossier extends ApplicationSummary {
  standardSet: { id: string; code: string; title: Titles };
  selfAssessmentDueOn: string | null;
  reportDueOn: string | null;
  decisionNote: string | null;
  note: string | null;
  team: { person: PersonRef; role: "lead" | "member" }[];
  areas: { id: string; code: string; title: Titles; standards: DossierStandard[]; complete: number }[];
  generalFindings: Finding[];
  openConditions: number;
  allowedTransitions: string[];
  canEdit: boolean;
  canReview: boolean;
}
