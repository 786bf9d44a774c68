import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv, toXlsx } from "./report-export.js";

const table = {
  name: "Items",
  columns: ["Title", "Planned"],
  rows: [
    ['=HYPERLINK("http://x","y")', -5],
    ["@SUM(A1)", 3],
    ["Course, basic", 0],
  ],
};

describe("report exports", () => {
  it("neutralise text a spreadsheet would run as a formula in CSV, and leave numbers as numbers", () => {
    const lines = toCsv(table).split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",-5`);
    expect(lines[2]).toBe("'@SUM(A1),3");
    expect(lines[3]).toBe(`"Course, basic",0`);
  });

  it("neutralise it in XLSX too", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await toXlsx({ title: "Report", subtitle: "", tables: [table] })) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("Items")!;
    expect(sheet.getCell("A2").value).toBe(`'=HYPERLINK("http://x","y")`);
    expect(sheet.getCell("B2").value).toBe(-5);
    expect(sheet.getCell("A3").value).toBe("'@SUM(A1)");
  });
});
