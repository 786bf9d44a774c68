import type { ListParamsOf, ResponseOf } from "../../shared/api/contract";

/**
 * Exercises, operations and contributions as the server declares them (generated from the API document), with the
 * value lists that forms and filters offer (generated from the server's own constants).
 */
export {
  CONFERENCE_KINDS,
  EXERCISE_KINDS,
  EXERCISE_STATUSES,
  LESSON_STATUSES,
  PARTICIPANT_ROLES,
  STRENGTH_CATEGORIES,
} from "../../shared/api";

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
