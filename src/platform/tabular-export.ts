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
