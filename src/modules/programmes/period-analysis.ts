/**
 * Reading the dates of a plan's periods from sourced statements. Nothing is merged: a period whose statements
 * disagree is reported as a discrepancy, and the gap or overlap between two consecutive periods is computed for
 * every pair of readings (statement of the earlier period × statement of the later one), so "a gap in 2011
 * according to source A, contiguous according to source B" is visible as such.
 */

export interface Statement {
  id: string;
  startsOn: string;
  endsOn: string | null;
  source: string;
}

export interface PeriodWithStatements {
  id: string;
  number: number;
  label: string;
  statements: Statement[];
}

export type JoinKind = "gap" | "overlap" | "contiguous" | "unknown";

export interface JoinReading {
  earlierStatementId: string;
  laterStatementId: string;
  earlierSource: string;
  laterSource: string;
  kind: JoinKind;
  /** The dates of the gap or the overlap (inclusive); null when contiguous or unknown. */
  from: string | null;
  to: string | null;
  days: number;
}

export interface PeriodJoin {
  earlierPeriodId: string;
  laterPeriodId: string;
  earlierLabel: string;
  laterLabel: string;
  /** The kind all readings agree on, or "depends_on_source" when they do not. */
  kind: JoinKind | "depends_on_source";
  readings: JoinReading[];
}

export interface Discrepancy {
  periodId: string;
  label: string;
  statements: Statement[];
}

const DAY = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function joinOf(earlier: Statement, later: Statement): JoinReading {
  const base = {
    earlierStatementId: earlier.id,
    laterStatementId: later.id,
    earlierSource: earlier.source,
    laterSource: later.source,
  };
  if (!earlier.endsOn) return { ...base, kind: "unknown", from: null, to: null, days: 0 };
  const end = toTime(earlier.endsOn);
  const start = toTime(later.startsOn);
  const days = Math.round((start - end) / DAY);
  if (days === 1) return { ...base, kind: "contiguous", from: null, to: null, days: 0 };
  if (days > 1)
    return { ...base, kind: "gap", from: toDate(end + DAY), to: toDate(start - DAY), days: days - 1 };
  // The later period starts on or before the day the earlier one ends.
  const overlapEnd = Math.min(end, later.endsOn ? toTime(later.endsOn) : end);
  return {
    ...base,
    kind: "overlap",
    from: toDate(start),
    to: toDate(overlapEnd),
    days: Math.round((overlapEnd - start) / DAY) + 1,
  };
}

export function discrepancies(periods: PeriodWithStatements[]): Discrepancy[] {
  return periods
    .filter((period) => {
      const readings = new Set(period.statements.map((s) => `${s.startsOn}/${s.endsOn ?? ""}`));
      return readings.size > 1;
    })
    .map((period) => ({ periodId: period.id, label: period.label, statements: period.statements }));
}

/** Joins between consecutive numbered periods that both have at least one statement. */
export function joins(periods: PeriodWithStatements[]): PeriodJoin[] {
  const dated = [...periods].filter((p) => p.statements.length > 0).sort((a, b) => a.number - b.number);
  const result: PeriodJoin[] = [];
  for (let index = 1; index < dated.length; index++) {
    const earlier = dated[index - 1]!;
    const later = dated[index]!;
    const readings = earlier.statements.flatMap((e) => later.statements.map((l) => joinOf(e, l)));
    const kinds = new Set(readings.map((r) => r.kind));
    result.push({
      earlierPeriodId: earlier.id,
      laterPeriodId: later.id,
      earlierLabel: earlier.label,
      laterLabel: later.label,
      kind: kinds.size === 1 ? readings[0]!.kind : "depends_on_source",
      readings,
    });
  }
  return result;
}

/** The widest reading of a period: the earliest stated start and the latest stated end (for display on a timeline). */
export function widestSpan(statements: Statement[]): { startsOn: string; endsOn: string | null } | null {
  if (statements.length === 0) return null;
  const startsOn = statements.map((s) => s.startsOn).sort()[0]!;
  const ends = statements.map((s) => s.endsOn);
  const endsOn = ends.includes(null) ? null : (ends as string[]).sort().at(-1)!;
  return { startsOn, endsOn };
}
