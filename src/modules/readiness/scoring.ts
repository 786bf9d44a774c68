import { AREA_PASS_PERCENT } from "./readiness.schemas.js";

/** How a set of criteria was answered. */
interface Counts {
  yes: number;
  no: number;
  notEvaluated: number;
  unanswered: number;
  criticalNo: number;
  /** yes / (yes + no) in percent, one decimal, as computed in SQL; null when no criterion was evaluated. */
  percent: number | null;
}

export interface AreaCounts extends Counts {
  areaId: string;
  code: string;
  title: string;
}

export interface Summary {
  passPercent: number;
  areas: (AreaCounts & { passed: boolean | null })[];
  overall: Counts;
  complete: boolean;
}

const percentOf = (yes: number, no: number) =>
  yes + no === 0 ? null : Math.round((1000 * yes) / (yes + no)) / 10;

/**
 * Area and overall results. "Not evaluated" answers count neither for nor against. An area passes at
 * AREA_PASS_PERCENT of "yes" among its evaluated criteria; an area with no evaluated criterion has no result.
 * A headquarters gets no grade: its percentages and pass marks are withheld.
 */
export function summarise(rows: AreaCounts[], isHeadquarters: boolean): Summary {
  const total = { yes: 0, no: 0, notEvaluated: 0, unanswered: 0, criticalNo: 0 };
  for (const row of rows) {
    total.yes += row.yes;
    total.no += row.no;
    total.notEvaluated += row.notEvaluated;
    total.unanswered += row.unanswered;
    total.criticalNo += row.criticalNo;
  }
  return {
    passPercent: AREA_PASS_PERCENT,
    areas: rows.map((row) => ({
      ...row,
      percent: isHeadquarters ? null : row.percent,
      passed: isHeadquarters || row.percent === null ? null : row.percent >= AREA_PASS_PERCENT,
    })),
    overall: { ...total, percent: isHeadquarters ? null : percentOf(total.yes, total.no) },
    complete: rows.length > 0 && total.unanswered === 0,
  };
}

/**
 * The outcome rule for a unit: "combat ready" when every agreed criterion is answered, at least one was
 * evaluated, every area with evaluated criteria reaches AREA_PASS_PERCENT, and no critical criterion is answered
 * "no". Otherwise "not combat ready". Null while answers are missing, and always null for a headquarters (the team
 * states whether it meets the standards instead).
 */
export function computeOutcome(summary: Summary, isHeadquarters: boolean) {
  if (isHeadquarters || !summary.complete) return null;
  const evaluated = summary.overall.yes + summary.overall.no > 0;
  const allAreasPass = summary.areas.every((area) => area.passed !== false);
  return evaluated && allAreasPass && summary.overall.criticalNo === 0 ? "combat_ready" : "not_combat_ready";
}
