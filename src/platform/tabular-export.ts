import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

/** A value a spreadsheet would run as a formula starts with one of these; such a cell gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export type ExportValue = string | number | boolean | null | undefined | Date | readonly string[];

/** The text of an exported cell, neutralised against formula injection (OWASP "CSV injection"). */
export function neutraliseCell(value: ExportValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = value.join(", ");
  else text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The text an exported cell held before `neutraliseCell`: an import reads a file Accord exported as the records
 * it came from (a note "=SUM(...)" comes back as that note, not with the apostrophe the export added).
 */
export const restoreNeutralisedCell = (text: string) =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

const csvField = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** CSV in UTF-8 with a BOM (so Excel reads Cyrillic and Azerbaijani letters), comma separated, CRLF lines. */
export function toCsv(headers: readonly string[], rows: readonly (readonly ExportValue[])[]): Buffer {
  const lines = [headers, ...rows].map((row) =>
    row.map((value) => csvField(neutraliseCell(value as ExportValue))).join(","),
  );
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

type Rows = readonly (readonly ExportValue[])[];

/** The same CSV as `toCsv`, written page by page as the pages come, so that no export is held whole in memory. */
export function csvStream(headers: readonly string[], pages: AsyncIterable<Rows>): Readable {
  const line = (row: readonly ExportValue[]) =>
    `${row.map((value) => csvField(neutraliseCell(value))).join(",")}\r\n`;
  return Readable.from(
    (async function* () {
      yield Buffer.from(`\uFEFF${line(headers)}`, "utf8");
      for await (const rows of pages) if (rows.length) yield Buffer.from(rows.map(line).join(""), "utf8");
    })(),
  );
}

/**
 * The same workbook as `toXlsx`, written by ExcelJS's streaming writer: each row is committed as it comes, so the
 * memory held is one page of rows and the zip's buffers, whatever the length of the list. Column widths are set
 * from the headers before the first row, as `toXlsx` does.
 */
export function xlsxStream(
  sheetName: string,
  headers: readonly string[],
  pages: AsyncIterable<Rows>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = "Accord";
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  sheet.columns = headers.map((header) => ({ width: Math.min(60, Math.max(10, header.length + 2)) }));
  const write = async () => {
    const first = sheet.addRow(headers.map((header) => neutraliseCell(header)));
    first.font = { bold: true };
    first.commit();
    for await (const rows of pages)
      for (const row of rows) sheet.addRow(row.map((value) => neutraliseCell(value))).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** An XLSX workbook of one sheet; every cell is written as text, so nothing in it is ever a formula. */
export async function toXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly ExportValue[])[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Accord";
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Sheet1");
  sheet.addRow(headers.map((header) => neutraliseCell(header)));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((value) => neutraliseCell(value)));
  sheet.columns.forEach((column, index) => {
    column.width = Math.min(60, Math.max(10, (headers[index]?.length ?? 10) + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}

export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
