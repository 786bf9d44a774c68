import type { Ref, ReleasabilityLevel } from "../../shared/api";

export const EXERCISE_KINDS = ["live", "command_post", "table_top"] as const;
export const EXERCISE_STATUSES = ["concept", "planning", "conduct", "completed", "cancelled"] as const;
export const PARTICIPANT_ROLES = ["member", "partner", "observer"] as const;
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

export type ExerciseKind = (typeof EXERCISE_KINDS)[number];
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type ConferenceKind = (typeof CONFERENCE_KINDS)[number];
export type LessonStatus = (typeof LESSON_STATUSES)[number];
export type StrengthCategory = (typeof STRENGTH_CATEGORIES)[number];

interface Release {
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releasability: ReleasabilityLevel;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
}

export interface ParticipationCounts {
  member: number;
  partner: number;
  observer: number;
  total: number;
}

export interface Exercise extends Release {
  id: string;
  code: string;
  name: string;
  kind: ExerciseKind;
  status: ExerciseStatus;
  scenario: string | null;
  leadOrganisation: Ref;
  activityId: string | null;
  startsOn: string;
  endsOn: string;
  sample: boolean;
  sampleNote: string | null;
  source: string | null;
  hostNations: Ref[];
  participation: ParticipationCounts;
}

export interface Stage {
  id: string;
  stageNo: number;
  hostNation: Ref;
  place: string | null;
  startsOn: string;
  endsOn: string;
}

export interface Contribution {
  id: string;
  kind: "personnel" | "unit" | "equipment";
  category: string;
  quantity: number;
  description: string | null;
}

export interface Participant {
  id: string;
  nation: Ref;
  role: ParticipantRole;
  note: string | null;
  sample: boolean;
  personnel: number;
  contributions: Contribution[];
}

export interface Conference {
  id: string;
  kind: ConferenceKind;
  startsOn: string;
  endsOn: string;
  place: string | null;
  eventId: string | null;
  note: string | null;
  totalAttendees: number;
  attendance: { nation: Ref; attendees: number }[];
}

export interface Milestone {
  id: string;
  title: string;
  ownerNation: Ref | null;
  ownerOrganisation: Ref | null;
  dueOn: string;
  doneOn: string | null;
  overdue: boolean;
}

export interface Lesson {
  id: string;
  exercise: { id: string; code: string; name: string };
  title: string;
  observation: string | null;
  recommendation: string | null;
  status: LessonStatus;
  ownerNation: Ref | null;
  ownerOrganisation: Ref | null;
  followUpActivity: { id: string; code: string; titleEn: string } | null;
  followUpReference: string | null;
  statusNote: string | null;
  sample: boolean;
  updatedAt: string;
  /** The states the server lets this lesson move to next (its one transition table). */
  allowedTransitions: LessonStatus[];
}

export interface ExerciseDetail extends Exercise {
  stages: Stage[];
  participants: Participant[];
  conferences: Conference[];
  milestones: Milestone[];
  objectives: { id: string; position: number; text: string }[];
  lessons: Lesson[];
  canEdit: boolean;
  /** The states the server lets this exercise move to next (its one transition table). */
  allowedTransitions: ExerciseStatus[];
}

export interface ExerciseListQuery {
  q?: string;
  kind?: string;
  status?: string;
  limit?: number;
  offset?: number;
}

export interface Operation {
  id: string;
  code: string;
  name: string;
  leadOrganisation: Ref;
  startsOn: string;
  endsOn: string | null;
  description: string | null;
  source: string | null;
  contingentCount: number;
  canEdit: boolean;
}

export interface Strength {
  category: StrengthCategory;
  count: number;
}

export interface Rotation {
  id: string;
  slot: string;
  label: string | null;
  startsOn: string;
  startPrecision: "day" | "month" | "year";
  endsOn: string | null;
  sample: boolean;
  note: string | null;
  strength: Strength[];
  total: number;
}

export interface Contingent extends Release {
  id: string;
  operation: { id: string; code: string; name: string };
  nation: Ref;
  name: string;
  frameworkUnit: string | null;
  frameworkNation: Ref | null;
  note: string | null;
  sample: boolean;
  firstStartsOn: string | null;
  lastEndsOn: string | null;
  currentStrength: number;
  peakStrength: number;
}

export interface ContingentDetail extends Contingent {
  rotations: Rotation[];
  canEdit: boolean;
}

export interface StrengthPoint {
  date: string;
  total: number;
  byCategory: Strength[];
}

export interface TrustFund {
  id: string;
  code: string;
  name: string;
  operation: { id: string; code: string; name: string } | null;
  managingOrganisation: Ref | null;
}

export interface FundContribution extends Release {
  id: string;
  trustFund: { id: string; code: string; name: string };
  nation: Ref;
  year: number;
  currency: string;
  pledged: string;
  paid: string;
  outstanding: string;
  note: string | null;
  sample: boolean;
  canEdit: boolean;
}

export interface FundTotal {
  year: number;
  currency: string;
  pledged: string;
  paid: string;
}
