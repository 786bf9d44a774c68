import { describe, expect, it } from "vitest";
import { discrepancies, joinOf, joins, widestSpan } from "./period-analysis.js";

const statement = (id: string, startsOn: string, endsOn: string | null, source = "A") => ({
  id,
  startsOn,
  endsOn,
  source,
});

describe("period analysis", () => {
  it("tells a gap, an overlap, contiguity and an open end apart", () => {
    expect(
      joinOf(statement("a", "2008-01-01", "2010-12-31"), statement("b", "2011-01-01", "2013-12-31")).kind,
    ).toBe("contiguous");
    expect(
      joinOf(statement("a", "2008-01-01", "2010-12-31"), statement("b", "2012-01-01", "2013-12-31")),
    ).toMatchObject({
      kind: "gap",
      from: "2011-01-01",
      to: "2011-12-31",
      days: 365,
    });
    expect(
      joinOf(statement("a", "2008-01-01", "2010-12-31"), statement("b", "2010-07-01", "2013-12-31")),
    ).toMatchObject({
      kind: "overlap",
      from: "2010-07-01",
      to: "2010-12-31",
      days: 184,
    });
    expect(joinOf(statement("a", "2000-01-01", null), statement("b", "2014-01-01", "2016-12-31")).kind).toBe(
      "unknown",
    );
  });

  it("reports a discrepancy only when the statements of one period disagree", () => {
    const periods = [
      {
        id: "p1",
        number: 1,
        label: "I",
        statements: [
          statement("a", "2005-01-01", "2007-12-31"),
          statement("b", "2005-01-01", "2007-12-31", "B"),
        ],
      },
      {
        id: "p2",
        number: 2,
        label: "II",
        statements: [
          statement("c", "2011-01-01", "2013-12-31"),
          statement("d", "2012-01-01", "2013-12-31", "B"),
        ],
      },
    ];
    expect(discrepancies(periods).map((d) => d.label)).toEqual(["II"]);
    expect(joins(periods)[0]).toMatchObject({ kind: "gap", readings: expect.any(Array) });
    expect(joins(periods)[0]!.readings).toHaveLength(4);
    expect(widestSpan(periods[1]!.statements)).toEqual({ startsOn: "2011-01-01", endsOn: "2013-12-31" });
  });

  it("skips undated periods when joining neighbours", () => {
    const periods = [
      { id: "p1", number: 1, label: "I", statements: [statement("a", "2000-01-01", null)] },
      { id: "p2", number: 2, label: "II", statements: [] },
      { id: "p6", number: 6, label: "VI", statements: [statement("b", "2014-01-01", "2016-12-31")] },
    ];
    expect(joins(periods).map((j) => `${j.earlierLabel}-${j.laterLabel}:${j.kind}`)).toEqual([
      "I-VI:unknown",
    ]);
  });
});
