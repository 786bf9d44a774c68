import { describe, expect, it } from "vitest";
import type { AssessmentScheme } from "../../db/schema/training.js";
import { addYears, certificateStatus, computeOutcome } from "./assessment.js";

const scheme: AssessmentScheme = {
  passMark: 70,
  minAttendancePercent: 80,
  components: [
    { code: "TEST", title: "Test", kind: "test", maxScore: 100, weight: 40, minScore: 50 },
    { code: "EX", title: "Exercise", kind: "exercise", maxScore: 50, weight: 60 },
  ],
};
const full = { sessionsHeld: 5, sessionsAttended: 5 };

describe("pass or fail from the assessment scheme", () => {
  it("passes on a weighted total at the pass mark", () => {
    // 60/100 * 40 + 40/50 * 60 = 24 + 48 = 72
    expect(computeOutcome(scheme, { scores: { TEST: 60, EX: 40 }, ...full })).toEqual({
      outcome: "pass",
      totalPercent: 72,
      attendancePercent: 100,
      reasons: [],
    });
    // 70/100 * 40 + 35/50 * 60 = 28 + 42 = 70 exactly
    expect(computeOutcome(scheme, { scores: { TEST: 70, EX: 35 }, ...full }).outcome).toBe("pass");
  });

  it("fails below the pass mark and says by how much", () => {
    const result = computeOutcome(scheme, { scores: { TEST: 60, EX: 30 }, ...full });
    expect(result.outcome).toBe("fail");
    expect(result.totalPercent).toBe(60);
    expect(result.reasons).toEqual(["total 60% is below the pass mark of 70%"]);
  });

  it("fails a component below its minimum even when the total passes", () => {
    const result = computeOutcome(scheme, { scores: { TEST: 40, EX: 50 }, ...full });
    expect(result.totalPercent).toBe(76);
    expect(result.outcome).toBe("fail");
    expect(result.reasons).toEqual(["TEST score 40 is below the minimum of 50"]);
  });

  it("fails on attendance below the required share", () => {
    const result = computeOutcome(scheme, {
      scores: { TEST: 90, EX: 50 },
      sessionsHeld: 5,
      sessionsAttended: 3,
    });
    expect(result.outcome).toBe("fail");
    expect(result.attendancePercent).toBe(60);
  });

  it("is incomplete, not failed, while a score is missing", () => {
    const result = computeOutcome(scheme, { scores: { TEST: 90 }, ...full });
    expect(result).toMatchObject({
      outcome: "incomplete",
      totalPercent: null,
      reasons: ["no result for EX"],
    });
  });
});

describe("validity dates", () => {
  it("ends the day before the anniversary", () => {
    expect(addYears("2026-10-09", 3)).toBe("2029-10-08");
    expect(addYears("2021-03-15", 6)).toBe("2027-03-14");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2026-01-01", 2)).toBe("2027-12-31");
  });

  it("says revoked before expired, and valid through the last day", () => {
    expect(certificateStatus({ revokedAt: new Date(), validUntil: "2020-01-01" }, "2026-01-01")).toBe(
      "revoked",
    );
    expect(certificateStatus({ revokedAt: null, validUntil: "2025-12-31" }, "2026-01-01")).toBe("expired");
    expect(certificateStatus({ revokedAt: null, validUntil: "2026-01-01" }, "2026-01-01")).toBe("valid");
    expect(certificateStatus({ revokedAt: null, validUntil: null }, "2026-01-01")).toBe("valid");
  });
});
