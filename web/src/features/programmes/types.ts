import type { Ref, ReleasabilityLevel } from "../../shared/api";
import type { DatePrecision } from "../../shared/i18n/format";

export interface Released {
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releasability: ReleasabilityLevel;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
}

export interface Area {
  code: string;
  nameEn: string;
  nameAz: string;
  nameRu: string;
}

export interface Statement {
  id: string;
  startsOn: string;
  startPrecision: DatePrecision;
  endsOn: string | null;
  endPrecision: DatePrecision;
  source: string;
  sample: boolean;
  note: string | null;
}

export interface Period {
  id: string;
  planId: string;
  number: number;
  label: string;
  title: string | null;
  note: string | null;
  statements: Statement[];
  widest: { startsOn: string; endsOn: string | null } | null;
  discrepancy: boolean;
}

export type JoinKind = "gap" | "overlap" | "contiguous" | "unknown";

export interface PeriodJoin {
  earlierPeriodId: string;
  laterPeriodId: string;
  earlierLabel: string;
  laterLabel: string;
  kind: JoinKind | "depends_on_source";
  readings: {
    earlierSource: string;
    laterSource: string;
    kind: JoinKind;
    from: string | null;
    to: string | null;
    days: number;
  }[];
}

export interface ObjectiveSummary {
  id: string;
  planId: string;
  periodId: string | null;
  code: string;
  area: Area;
  title: string;
  description: string | null;
  sample: boolean;
  actionCount: number;
  doneCount: number;
  lateCount: number;
}

export interface PlanSummary extends Released {
  id: string;
  code: string;
  title: string;
  kind: string;
  nationId: string | null;
  nation: Ref | null;
  frameworkDocumentId: string | null;
  successorId: string | null;
  predecessorId: string | null;
  description: string | null;
  sample: boolean;
  periodCount: number;
}

export interface PlanDetail extends PlanSummary {
  periods: Period[];
  discrepancies: { periodId: string; label: string }[];
  joins: PeriodJoin[];
  objectives: ObjectiveSummary[];
}

export interface PeriodDetail extends Period {
  plan: { id: string; code: string; title: string };
  joins: PeriodJoin[];
  objectives: ObjectiveSummary[];
}

export type ActionStatus = "planned" | "in_progress" | "done" | "deferred" | "cancelled";

export interface Evidence {
  id: string;
  kind: "activity" | "goal" | "document" | "url";
  activity: { id: string; code: string; titleEn: string } | null;
  goal: { id: string; code: string; title: string } | null;
  document: { id: string; title: string } | null;
  url: string | null;
  note: string | null;
}

export interface Action {
  id: string;
  title: string;
  responsibleOrganisation: Ref | null;
  responsibleNote: string | null;
  dueOn: string | null;
  status: ActionStatus;
  progress: number;
  completedOn: string | null;
  late: boolean;
  sample: boolean;
  evidence: Evidence[];
  /** The states the server lets this action move to next (its one transition table). */
  allowedTransitions: ActionStatus[];
}

export interface ObjectiveDetail extends ObjectiveSummary {
  plan: { id: string; code: string; title: string };
  period: { id: string; label: string; number: number } | null;
  actions: Action[];
  activities: {
    itemId: string;
    programmeId: string;
    programmeTitle: string;
    activityId: string | null;
    code: string | null;
    title: string;
    areaCode: string;
    planned: number;
    attended: number;
    implemented: boolean;
  }[];
  goals: { id: string; code: string; title: string; status: GoalStatus }[];
}

export interface PeriodReport {
  plan: { id: string; code: string; title: string };
  period: Period;
  asOf: string;
  areas: {
    areaCode: string;
    areaName: string;
    objectives: number;
    actions: number;
    done: number;
    inProgress: number;
    late: number;
    averageProgress: number;
    completionRate: number | null;
  }[];
  totals: {
    objectives: number;
    actions: number;
    done: number;
    inProgress: number;
    late: number;
    averageProgress: number;
    completionRate: number | null;
  };
  lateActions: {
    id: string;
    objectiveCode: string;
    title: string;
    dueOn: string;
    status: string;
    progress: number;
  }[];
}

export interface ProgrammeSummary extends Released {
  id: string;
  nationId: string;
  nation: Ref;
  firstYear: number;
  lastYear: number;
  title: string;
  status: "draft" | "submitted" | "agreed" | "closed";
  sample: boolean;
  itemCount: number;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  /** The states the server lets this programme move to next (its one transition table). */
  allowedTransitions: ProgrammeSummary["status"][];
  planId: string | null;
  note: string | null;
  items: (ProgrammeItem & {
    plannedEndsOn: string | null;
    ownParticipants: number | null;
    note: string | null;
    objectiveIds: string[];
  })[];
}

export interface ProgrammeItem {
  id: string;
  activityId: string | null;
  activity: { id: string; code: string; titleEn: string } | null;
  title: string;
  areaCode: string;
  plannedStartsOn: string | null;
  plannedParticipants: number;
  ownOutcome: "done" | "not_done" | "cancelled" | null;
  attended: number;
  completed: number;
  implemented: boolean;
  sample: boolean;
}

export interface ProgrammeReport {
  programme: {
    id: string;
    title: string;
    planId: string | null;
    nation: Ref;
    firstYear: number;
    lastYear: number;
  };
  spanFrom: string;
  spanTo: string;
  areas: {
    areaCode: string;
    areaName: string;
    plannedItems: number;
    implementedItems: number;
    plannedParticipants: number;
    attended: number;
    completed: number;
    implementationRate: number | null;
  }[];
  totals: {
    plannedItems: number;
    implementedItems: number;
    plannedParticipants: number;
    attended: number;
    completed: number;
    implementationRate: number | null;
    unplannedEventsAttended: number;
  };
  items: ProgrammeItem[];
}

export interface YearFigure {
  year: number;
  plannedItems: number | null;
  implementedItems: number | null;
  eventsAttended: number;
  recorded: {
    eventCount: number;
    qualifier: "exact" | "more_than" | "about";
    source: string;
    sample: boolean;
  }[];
}

export type GoalStatus = "proposed" | "agreed" | "in_progress" | "achieved" | "deferred" | "cancelled";
export type Rating = "fully_met" | "largely_met" | "partially_met" | "not_met";

export interface Goal extends Released {
  id: string;
  nationId: string;
  nation: Ref;
  code: string;
  title: string;
  areaCode: string;
  description: string | null;
  targetOn: string | null;
  agreedYear: number | null;
  assessmentYear: number | null;
  status: GoalStatus;
  sample: boolean;
  late: boolean;
  latestRating: Rating | null;
}

export interface GoalDetail extends Goal {
  /** The states the server lets this goal move to next (its one transition table). */
  allowedTransitions: GoalStatus[];
  history: {
    id: string;
    fromStatus: GoalStatus | null;
    toStatus: GoalStatus;
    note: string | null;
    changedAt: string;
  }[];
  assessments: {
    id: string;
    cycleYear: number;
    rating: Rating;
    comments: string | null;
    assessedOn: string | null;
    sample: boolean;
  }[];
  actions: { id: string; title: string; status: ActionStatus; objectiveId: string }[];
  activities: { id: string; code: string; titleEn: string }[];
}

export interface GoalQuery {
  nationId?: string;
  status?: GoalStatus;
  late?: boolean;
  limit?: number;
  offset?: number;
}

export interface GoalCounts {
  total: number;
  late: number;
  byStatus: Record<string, number>;
  byArea: Record<string, number>;
}

export const TIMELINE_KINDS = [
  "milestone",
  "framework",
  "plan_period",
  "programme",
  "goal",
  "deployment",
  "exercise",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  kind: TimelineKind;
  id: string;
  startsOn: string;
  precision: DatePrecision;
  endsOn: string | null;
  title: string;
  titleAz: string | null;
  titleRu: string | null;
  detail: string | null;
  link: string | null;
  source: string | null;
  sample: boolean;
  discrepancy: boolean;
}

export interface FrameworkDocument extends Released {
  id: string;
  nation: Ref | null;
  title: string;
  kind: string;
  parties: string[];
  signedOn: string | null;
  signedPrecision: DatePrecision;
  signatories: string[];
  validFrom: string | null;
  validUntil: string | null;
  replacesId: string | null;
  replacedById: string | null;
  source: string | null;
  note: string | null;
  sample: boolean;
  files: { id: string; filename: string; contentType: string; sizeBytes: number; createdAt: string }[];
}
