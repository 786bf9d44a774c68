import type { AssessmentScheme } from "../../db/schema/training.js";

export type Outcome = "pass" | "fail" | "incomplete";

export interface ParticipantRecord {
  /** Scores by component code; a missing code means no result yet. */
  scores: Record<string, number>;
  /** Sessions attended and sessions held (attendance recorded); held 0 means no attendance requirement applies. */
  sessionsAttended: number;
  sessionsHeld: number;
}

export interface OutcomeResult {
  outcome: Outcome;
  totalPercent: number | null;
  attendancePercent: number | null;
  reasons: string[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Pass or fail from the course's assessment scheme: the weighted total must reach the pass mark, no component may
 * fall below its minimum, and attendance must reach the required share of sessions. Missing scores make the
 * outcome incomplete rather than a fail, so nobody fails for a result not yet entered.
 */
export function computeOutcome(scheme: AssessmentScheme, record: ParticipantRecord): OutcomeResult {
  const reasons: string[] = [];
  const attendancePercent =
    record.sessionsHeld > 0 ? round2((record.sessionsAttended / record.sessionsHeld) * 100) : null;
  const missing = scheme.components.filter((component) => record.scores[component.code] === undefined);
  const totalWeight = scheme.components.reduce((sum, component) => sum + component.weight, 0);
  let totalPercent: number | null = null;
  if (missing.length === 0 && totalWeight > 0) {
    totalPercent = round2(
      scheme.components.reduce(
        (sum, component) =>
          sum +
          (Math.min(record.scores[component.code]!, component.maxScore) / component.maxScore) *
            component.weight,
        0,
      ) *
        (100 / totalWeight),
    );
  }
  if (missing.length > 0) {
    return {
      outcome: "incomplete",
      totalPercent: null,
      attendancePercent,
      reasons: missing.map((component) => `no result for ${component.code}`),
    };
  }
  if (totalPercent !== null && totalPercent < scheme.passMark) {
    reasons.push(`total ${totalPercent}% is below the pass mark of ${scheme.passMark}%`);
  }
  for (const component of scheme.components) {
    const score = record.scores[component.code]!;
    if (component.minScore !== undefined && score < component.minScore) {
      reasons.push(`${component.code} score ${score} is below the minimum of ${component.minScore}`);
    }
  }
  if (
    scheme.minAttendancePercent !== undefined &&
    attendancePercent !== null &&
    attendancePercent < scheme.minAttendancePercent
  ) {
    reasons.push(`attendance ${attendancePercent}% is below the required ${scheme.minAttendancePercent}%`);
  }
  return { outcome: reasons.length ? "fail" : "pass", totalPercent, attendancePercent, reasons };
}

/** The day before the same date N years later: a certificate issued on 2026-10-09 for 3 years runs to 2029-10-08. */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February + N years lands on 1 March; step back to the last day of February.
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export type CertificateStatus = "valid" | "expired" | "revoked";

export function certificateStatus(
  certificate: { revokedAt: Date | string | null; validUntil: string | null },
  today: string,
): CertificateStatus {
  if (certificate.revokedAt) return "revoked";
  if (certificate.validUntil && certificate.validUntil < today) return "expired";
  return "valid";
}
