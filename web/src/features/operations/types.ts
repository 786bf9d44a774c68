import type { ListParamsOf, ResponseOf } from "../../shared/api/contract";

/**
 * Exercises, operations and contributions as the server declares them (generated from the API document); only the
 * value lists that forms and filters offer are written here, held to the server's enums by the type check.
 */
export const EXERCISE_KINDS = [
  "live",
  "command_post",
  "table_top",
] as const satisfies readonly ExerciseKind[];
export const EXERCISE_STATUSES = [
  "concept",
  "planning",
  "conduct",
  "completed",
  "cancelled",
] as const satisfies readonly ExerciseStatus[];
export const PARTICIPANT_ROLES = [
  "member",
  "partner",
  "observer",
] as const satisfies readonly ParticipantRole[];
export const CONFERENCE_KINDS = ["initial", "main", "final"] as const satisfies readonly ConferenceKind[];
export const LESSON_STATUSES = [
  "identified",
  "analysed",
  "learned",
  "closed",
  "rejected",
] as const satisfies readonly LessonStatus[];
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
] as const satisfies readonly StrengthCategory[];

export type Exercise = ResponseOf<"getExercises">["items"][number];
export type ExerciseDetail = ResponseOf<"getExercisesById">;
export type ExerciseKind = Exercise["kind"];
export type ExerciseStatus = Exercise["status"];
export type ParticipationCounts = Exercise["participation"];
export type Stage = ExerciseDetail["stages"][number];
export type Participant = ExerciseDetail["participants"][number];
export type ParticipantRole = Participant["role"];
export type Contribution = Participant["contributions"][number];
export type Conference = ExerciseDetail["conferences"][number];
export type ConferenceKind = Conference["kind"];
export type Milestone = ExerciseDetail["milestones"][number];
export type Lesson = ResponseOf<"getLessonsById">;
export type LessonStatus = Lesson["status"];
export type ExerciseListQuery = ListParamsOf<"getExercises">;

export type Operation = ResponseOf<"getOperations">["items"][number];
export type ContingentDetail = ResponseOf<"getContingentsById">;
export type Contingent = ResponseOf<"getContingents">["items"][number];
export type Rotation = ContingentDetail["rotations"][number];
export type Strength = Rotation["strength"][number];
export type StrengthCategory = Strength["category"];
export type StrengthPoint = ResponseOf<"getContingentsStrength">["points"][number];

export type TrustFund = ResponseOf<"getTrustFunds">["items"][number];
export type FundContribution = ResponseOf<"getFundContributions">["items"][number];
export type FundTotal = ResponseOf<"getFundContributionsTotals">["totals"][number];
