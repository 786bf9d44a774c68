import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import {
  decodeText,
  detectDelimiter,
  parseCsv,
  parseDateCell,
  readTable,
  zipUncompressedSize,
} from "./tabular.js";
import { neutraliseCell, toCsv, toXlsx } from "./tabular-export.js";

const fixture = (name: string) => {
  const path = new URL(`../../test/fixtures/tabular/${name}`, import.meta.url);
  return { filename: name, data: readFileSync(path) };
};

const fileErrorOf = async (run: () => Promise<unknown>) => {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return { status: (error as AppError).status, fields: (error as AppError).fields };
};

describe("readTable: CSV encodings and delimiters", () => {
  it("reads UTF-8 without a BOM, comma separated, with quoted commas and quotes", async () => {
    const table = await readTable(fixture("people-utf8.csv"));
    expect(table).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: "," });
    expect(table.rows).toEqual([
      ["given name", "family name", "nation", "email", "organisation", "position"],
      ["Anna", "Smith", "AZE", "anna.smith@example.org", "", "Analyst"],
      ["Jean, Jr.", 'O"Neil', "GEO", "", "", ""],
    ]);
  });

  it("reads UTF-8 with a BOM, semicolon separated, Azerbaijani letters intact and the BOM gone", async () => {
    const table = await readTable(fixture("people-utf8-bom.csv"));
    expect(table).toMatchObject({ format: "csv", encoding: "utf-8", delimiter: ";" });
    expect(table.rows[0]).toEqual(["Ad", "Soyad", "Ölkə", "E-poçt", "Vəzifə"]);
    expect(table.rows[1]).toEqual(["Əli", "Məmmədov", "AZE", "ali@example.az", "Şöbə müdiri"]);
    expect(table.rows).toHaveLength(3);
  });

  it("reads Windows-1251 (what Russian Excel writes), Ё and Щ included", async () => {
    const file = fixture("people-cp1251.csv");
    // The fixture really is single-byte: И is 0xC8 in Windows-1251.
    expect(file.data[0]).toBe(0xc8);
    const table = await readTable(file);
    expect(table).toMatchObject({ format: "csv", encoding: "windows-1251", delimiter: ";" });
    expect(table.rows[0]).toEqual(["Имя", "Фамилия", "Страна", "Эл. почта", "Должность"]);
    expect(table.rows[2]).toEqual(["Ёлка", "Щукина", "AZE", "", "Переводчик"]);
  });

  it("reads a tab-separated file", async () => {
    const table = await readTable(fixture("people-tab.tsv"));
    expect(table.delimiter).toBe("\t");
    expect(table.rows).toEqual([
      ["given name", "family name", "nation"],
      ["Tom", "Tab", "AZE"],
    ]);
  });

  it("decodes UTF-16 with a BOM", () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a;b\n1;2", "utf16le")]);
    expect(decodeText(data)).toEqual({ text: "a;b\n1;2", encoding: "utf-16le" });
  });

  it("detects the delimiter outside quotes only", () => {
    expect(detectDelimiter('"a;b;c",d\n"x;y;z",w\n')).toBe(",");
    expect(detectDelimiter("a;b,c;d\n1;2,3;4")).toBe(";");
    expect(parseCsv("a|b\n1|2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("refuses an unclosed quote, binary content, another kind of file and an empty file, naming the file", async () => {
    const cases: { filename: string; data: Buffer }[] = [
      { filename: "a.csv", data: Buffer.from('a,b\n"x,y\n') },
      { filename: "a.csv", data: Buffer.from([0x41, 0x00, 0x42]) },
      { filename: "a.pdf", data: Buffer.from("%PDF-1.4") },
      { filename: "a.csv", data: Buffer.alloc(0) },
      { filename: "a.xlsx", data: Buffer.from("not a zip") },
      { filename: "a.csv", data: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) },
    ];
    for (const upload of cases) {
      const { status, fields } = await fileErrorOf(() => readTable(upload));
      expect(status).toBe(400);
      expect(fields[0]?.field).toBe("file");
    }
  });

  it("refuses a CSV with more rows than the limit rather than truncating it", async () => {
    const data = Buffer.from(`a\n${"x\n".repeat(11)}`);
    const { fields } = await fileErrorOf(() => readTable({ filename: "a.csv", data }, { maxRows: 10 }));
    expect(fields[0]?.message).toContain("more than 10 rows");
  });
});

describe("readTable: XLSX", () => {
  it("reads a workbook: text, numbers, dates as ISO, formulas as their result, trailing blank rows dropped", async () => {
    const table = await readTable(fixture("people.xlsx"));
    expect(table).toMatchObject({ format: "xlsx", encoding: null, delimiter: null });
    expect(table.rows).toEqual([
      ["given name", "family name", "nation", "started on", "note"],
      ["Aynur", "Quliyeva", "AZE", "2026-03-01", "7"],
      ["Сергей", "Иванов", "GEO", "2025-12-31", "total 3"],
    ]);
  });

  it("reads a workbook whose parts come in another order: its worksheet after the shared strings, before workbook.xml", async () => {
    // ExcelJS writes a workbook's parts in no fixed order; its streaming reader once refused such a file (1 in 10).
    const original = await JSZip.loadAsync(fixture("people.xlsx").data);
    const names = Object.keys(original.files).filter((name) => !original.files[name]!.dir);
    const late = "xl/workbook.xml";
    const early = names.filter((name) => name !== late && !name.startsWith("xl/worksheets/sheet"));
    const reordered = new JSZip();
    for (const name of [...early, ...names.filter((n) => n.startsWith("xl/worksheets/sheet")), late])
      reordered.file(name, await original.files[name]!.async("uint8array"));
    const data = await reordered.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const table = await readTable({ filename: "reordered.xlsx", data });
    expect(table.rows).toEqual((await readTable(fixture("people.xlsx"))).rows);
    expect(table.rows).toHaveLength(3);
  });

  it("refuses a zip bomb before inflating it", async () => {
    const { data } = fixture("people.xlsx");
    expect(zipUncompressedSize(data)).toBeGreaterThan(1000);
    const { fields } = await fileErrorOf(() =>
      readTable({ filename: "bomb.xlsx", data }, { maxUncompressedBytes: 1000 }),
    );
    expect(fields[0]).toMatchObject({ field: "file", message: expect.stringContaining("inflates") });
  });
});

describe("parseDateCell", () => {
  it("accepts ISO, dotted and slashed dates and refuses impossible ones", () => {
    expect(parseDateCell("2026-03-01")).toBe("2026-03-01");
    expect(parseDateCell("01.03.2026")).toBe("2026-03-01");
    expect(parseDateCell("1/3/2026")).toBe("2026-03-01");
    expect(parseDateCell("31.02.2026")).toBeNull();
    expect(parseDateCell("2026-13-01")).toBeNull();
    expect(parseDateCell("March 1")).toBeNull();
  });
});

describe("exports: formula neutralisation", () => {
  it("puts an apostrophe before = + - @ tab and CR, and leaves other text alone", () => {
    for (const hostile of ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"])
      expect(neutraliseCell(hostile)).toBe(`'${hostile}`);
    expect(neutraliseCell("Anna")).toBe("Anna");
    expect(neutraliseCell(["en", "ru"])).toBe("en, ru");
    expect(neutraliseCell(null)).toBe("");
  });

  it("CSV and XLSX output carry the neutralised text, and the CSV reads back", async () => {
    const csv = toCsv(["name", "note"], [['=HYPERLINK("http://x")', 'a,"b"']]);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = await readTable({ filename: "x.csv", data: csv });
    expect(back.rows).toEqual([
      ["name", "note"],
      ['\'=HYPERLINK("http://x")', 'a,"b"'],
    ]);
    const xlsx = await toXlsx("People", ["name"], [["=1+1"], ["@SUM(A1:A2)"]]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A2").value).toBe("'=1+1");
    expect(sheet.getCell("A3").value).toBe("'@SUM(A1:A2)");
    expect(sheet.getCell("A2").formula).toBeUndefined();
  });
});
