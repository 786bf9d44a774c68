import type { ListParamsOf, ResponseOf } from "../../shared/api/contract";

export { OBJECTIVE_ACTION_STATUSES, TIMELINE_KINDS } from "../../shared/api";

/*
 * Plans, programmes and goals as the server declares them (generated from the API document); the timeline's kinds
 * are the one value list written here.
 */
export type Area = ResponseOf<"getAreas">[number];

export type PlanSummary = ResponseOf<"getPlans">["items"][number];
export type PlanDetail = ResponseOf<"getPlansById">;
export type Period = PlanDetail["periods"][number];
export type Statement = Period["statements"][number];
export type PeriodJoin = PlanDetail["joins"][number];
export type JoinKind = PeriodJoin["readings"][number]["kind"];
export type ObjectiveSummary = PlanDetail["objectives"][number];
export type PeriodDetail = ResponseOf<"getPlanPeriodsById">;
export type PeriodReport = ResponseOf<"getPlanPeriodsByIdReport">;
export type ObjectiveDetail = ResponseOf<"getPlanObjectivesById">;
export type Action = ObjectiveDetail["actions"][number];
export type ActionStatus = Action["status"];
export type Evidence = Action["evidence"][number];

export type ProgrammeSummary = ResponseOf<"getAnnualProgrammes">["items"][number];
export type ProgrammeDetail = ResponseOf<"getAnnualProgrammesById">;
export type ProgrammeReport = ResponseOf<"getAnnualProgrammesByIdReport">;
export type ProgrammeItem = ProgrammeReport["items"][number];
export type YearFigure = ResponseOf<"getAnnualProgrammesComparison">[number];

export type Goal = ResponseOf<"getPartnershipGoals">["items"][number];
export type GoalDetail = ResponseOf<"getPartnershipGoalsById">;
export type GoalStatus = Goal["status"];
export type Rating = NonNullable<Goal["latestRating"]>;
export type GoalQuery = ListParamsOf<"getPartnershipGoals">;
export type GoalCounts = ResponseOf<"getPartnershipGoalsCounts">;

export type TimelineKind = TimelineEntry["kind"];

export type TimelineEntry = ResponseOf<"getPartnershipTimeline">["entries"][number];

export type FrameworkDocument = ResponseOf<"getFrameworksById">;
export type ProgrammeVersion = ResponseOf<"getAnnualProgrammesByIdVersions">[number];
