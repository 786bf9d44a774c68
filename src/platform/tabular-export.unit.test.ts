import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { readXlsx } from "./tabular.js";
import { csvStream, type ExportValue, toCsv, toXlsx, xlsxStream } from "./tabular-export.js";

const headers = ["Code", "Title", "Seats"];
const rows: ExportValue[][] = Array.from({ length: 1_250 }, (_, i) => [
  `A-${i}`,
  i % 7 ? `Курс ${i}` : "=HYPERLINK(1)",
  i,
]);

/** The rows in pages of `size`, as a list export reads them. */
async function* inPages(size: number) {
  for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
}

describe("streamed exports", () => {
  it("writes the same CSV bytes page by page as in one piece, formulas neutralised", async () => {
    const streamed = await buffer(csvStream(headers, inPages(500)));
    expect(streamed.equals(toCsv(headers, rows))).toBe(true);
    expect(streamed.toString("utf8")).toContain("\r\nA-0,'=HYPERLINK(1),0\r\n");
  });

  it("writes an XLSX that reads back as the same cells as the one built whole", async () => {
    const streamed = await readXlsx(await buffer(xlsxStream("courses", headers, inPages(500))));
    const whole = await readXlsx(await toXlsx("courses", headers, rows));
    expect(streamed).toHaveLength(rows.length + 1);
    expect(streamed).toEqual(whole);
    expect(streamed[1]).toEqual(["A-0", "'=HYPERLINK(1)", "0"]);
  });

  it("writes only the header row for a list with no rows", async () => {
    const empty = async function* () {};
    expect((await buffer(csvStream(headers, empty()))).toString("utf8")).toBe("\uFEFFCode,Title,Seats\r\n");
    expect(await readXlsx(await buffer(xlsxStream("none", headers, empty())))).toEqual([headers]);
  });
});
