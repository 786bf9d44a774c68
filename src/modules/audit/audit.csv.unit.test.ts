import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./audit.csv.js";

describe("audit CSV cells", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvCell('say "hi", twice')).toBe('"say ""hi"", twice"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvLine(["a", 1, null, undefined])).toBe("a,1,,\r\n");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const formula of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
      expect(csvCell(formula).startsWith("'") || csvCell(formula).startsWith("\"'")).toBe(true);
    expect(csvCell("plain")).toBe("plain");
  });

  it("writes objects as JSON and dates as ISO text", () => {
    expect(csvCell({ after: { code: "AZE" } })).toBe('"{""after"":{""code"":""AZE""}}"');
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
});
