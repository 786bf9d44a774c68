import { describe, expect, it } from "vitest";
import { parseCsv, rowsToAreas } from "./checklist-import.js";
import { computeOutcome, summarise } from "./scoring.js";

const area = (
  code: string,
  yes: number,
  no: number,
  extra: Partial<{ ne: number; un: number; crit: number }> = {},
) => ({
  areaId: code,
  code,
  title: code,
  yes,
  no,
  notEvaluated: extra.ne ?? 0,
  unanswered: extra.un ?? 0,
  criticalNo: extra.crit ?? 0,
  percent: yes + no ? Math.round((1000 * yes) / (yes + no)) / 10 : null,
});

describe("outcome rule", () => {
  it("is combat ready at exactly the 80 % threshold in every area", () => {
    const summary = summarise([area("A", 4, 1), area("B", 8, 2)], false);
    expect(summary.overall.percent).toBe(80);
    expect(computeOutcome(summary, false)).toBe("combat_ready");
  });
  it("is not combat ready when one area is below the threshold", () => {
    expect(computeOutcome(summarise([area("A", 10, 0), area("B", 3, 1)], false), false)).toBe(
      "not_combat_ready",
    );
  });
  it("ignores an area with only not-evaluated criteria", () => {
    const summary = summarise([area("A", 5, 0), area("B", 0, 0, { ne: 3 })], false);
    expect(summary.areas[1]!.passed).toBeNull();
    expect(computeOutcome(summary, false)).toBe("combat_ready");
  });
  it("has no outcome while criteria are unanswered, or when nothing was evaluated", () => {
    expect(computeOutcome(summarise([area("A", 5, 0, { un: 1 })], false), false)).toBeNull();
    expect(computeOutcome(summarise([area("A", 0, 0, { ne: 4 })], false), false)).toBe("not_combat_ready");
  });
  it("withholds grades for a headquarters", () => {
    const summary = summarise([area("A", 5, 0)], true);
    expect(summary.overall.percent).toBeNull();
    expect(computeOutcome(summary, true)).toBeNull();
  });
});

describe("checklist import", () => {
  it("parses quoted CSV fields and semicolon-separated files", () => {
    expect(parseCsv('a,b\n"x, ""y""",z\r\n')).toEqual([
      ["a", "b"],
      ['x, "y"', "z"],
    ]);
    expect(parseCsv("a;b\n1;2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("groups criteria by area in file order and refuses duplicate codes with the row", () => {
    const areas = rowsToAreas([
      ["Area", "Criterion code", "Criterion text"],
      ["One", "1", "First"],
      ["Two", "2", "Second"],
      ["One", "3", "Third"],
    ]);
    expect(areas.map((a) => [a.code, a.title, a.criteria.map((c) => c.code)])).toEqual([
      ["A01", "One", ["1", "3"]],
      ["A02", "Two", ["2"]],
    ]);
    expect(() =>
      rowsToAreas([
        ["area", "criterion code", "criterion text"],
        ["One", "1", "x"],
        ["One", "1", "y"],
      ]),
    ).toThrow(/row 3, column "criterion code": the code 1 appears twice/);
  });
});
