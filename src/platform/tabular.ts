import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "./errors.js";

/**
 * The one reader of uploaded tables (CSV and XLSX), used by every import. It turns a file into rows of trimmed-free
 * strings (the caller trims), detecting the CSV's encoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, otherwise
 * Windows-1251, the encoding Russian-language Excel writes) and its delimiter (comma, semicolon, tab or bar).
 * Every failure is a 400 naming the field `file`.
 */

export type TableFormat = "csv" | "xlsx";

export interface Table {
  format: TableFormat;
  /** The CSV's detected encoding; null for XLSX. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1251" | null;
  /** The CSV's detected delimiter; null for XLSX. */
  delimiter: string | null;
  rows: string[][];
}

export interface TableLimits {
  /** Data rows after the header; the reader refuses a larger file rather than truncating it. */
  maxRows?: number;
  maxColumns?: number;
  /** Sum of the uncompressed sizes of an XLSX's parts: a zip bomb is refused before it is inflated. */
  maxUncompressedBytes?: number;
}

const DEFAULT_LIMITS: Required<TableLimits> = {
  maxRows: 50_000,
  maxColumns: 200,
  maxUncompressedBytes: 200 * 1024 * 1024,
};

const fileError = (message: string) =>
  new AppError("VALIDATION_FAILED", `The file ${message}`, [{ field: "file", message }]);

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The table format of a file, from its name and its first bytes (an XLSX is a zip; a CSV never holds NUL). */
export function tableFormatOf(upload: { filename: string; data: Buffer }): TableFormat {
  const extension = upload.filename.split(".").pop()?.toLowerCase() ?? "";
  const isZip =
    upload.data[0] === 0x50 && upload.data[1] === 0x4b && upload.data[2] === 0x03 && upload.data[3] === 0x04;
  if (extension === "xlsx") {
    if (!isZip) throw fileError("is named .xlsx but is not an XLSX workbook");
    return "xlsx";
  }
  if (extension === "csv" || extension === "txt" || extension === "tsv") {
    if (isZip) throw fileError("is named .csv but is a zip archive (an XLSX? name it .xlsx)");
    return "csv";
  }
  throw fileError("must be a .csv or .xlsx file");
}

/** Decodes CSV bytes: a BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is Windows-1251. */
export function decodeText(data: Buffer): { text: string; encoding: NonNullable<Table["encoding"]> } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(data.subarray(3)), encoding: "utf-8" };
  if (data[0] === 0xff && data[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(data.subarray(2)), encoding: "utf-16le" };
  if (data[0] === 0xfe && data[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(data.subarray(2)), encoding: "utf-16be" };
  if (data.includes(0)) throw fileError("is not a text file (it holds NUL bytes)");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(data), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1251").decode(data), encoding: "windows-1251" };
  }
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/** Counts each candidate delimiter outside quotes in the first lines; the one found most consistently wins. */
export function detectDelimiter(text: string): string {
  const lines: string[] = [];
  let line = "";
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < 10; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === "\n" || char === "\r")) {
      if (line.trim()) lines.push(line);
      line = "";
    } else if (!quoted) line += char;
  }
  if (line.trim() && lines.length < 10) lines.push(line);
  let best: string = ",";
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    // Lines agreeing with the header's count weigh most; the count itself breaks ties.
    const score = counts.filter((count) => count === first).length * 1000 + first;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, CRLF or LF); the delimiter is detected unless given. */
export function parseCsv(text: string, delimiter?: string): string[][] {
  const source = text.replace(/^\uFEFF/, "");
  const separator = delimiter ?? detectDelimiter(source);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (quoted) {
    throw new AppError("VALIDATION_FAILED", `Row ${rows.length + 1}: a quoted field is not closed`, [
      { field: "file", message: `row ${rows.length + 1}: a quoted field is not closed` },
    ]);
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Sums the uncompressed sizes declared in a zip's central directory, without inflating anything. A declared size
 * can lie, so the XLSX reader also bounds what it builds (rows, columns); this refuses the ordinary zip bomb.
 */
export function zipUncompressedSize(data: Buffer): number {
  const minimum = Math.max(0, data.length - 22 - 65_535);
  let end = -1;
  for (let i = data.length - 22; i >= minimum; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw fileError("is not a readable XLSX workbook (no zip directory)");
  const entries = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== 0x02014b50)
      throw fileError("is not a readable XLSX workbook (damaged zip directory)");
    const uncompressed = data.readUInt32LE(offset + 24);
    // 0xFFFFFFFF: the real size is in a ZIP64 field; count it as too large rather than parse ZIP64.
    total += uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER / 2 : uncompressed;
    offset +=
      46 + data.readUInt16LE(offset + 28) + data.readUInt16LE(offset + 30) + data.readUInt16LE(offset + 32);
  }
  return total;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** A cell as the user sees it: dates as YYYY-MM-DD, formulas as their cached result, rich text as plain text. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      return result === undefined || (typeof result === "object" && result && "error" in result)
        ? ""
        : cellText(result as ExcelJS.CellValue);
    }
    if ("text" in value && "hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

export async function readXlsx(data: Buffer, limits: TableLimits = {}): Promise<string[][]> {
  const bounds = { ...DEFAULT_LIMITS, ...limits };
  if (zipUncompressedSize(data) > bounds.maxUncompressedBytes)
    throw fileError(`inflates to more than ${Math.round(bounds.maxUncompressedBytes / 1024 / 1024)} MB`);
  const table = new RowCollector(bounds);
  try {
    await streamFirstSheet(data, table);
  } catch {
    // ExcelJS's streaming reader needs xl/workbook.xml before a worksheet that comes after the shared strings; a
    // zip whose parts come in another order (ExcelJS itself writes them in no fixed order) fails there. Such a file
    // is read whole instead: more memory, the same rows.
    try {
      await loadFirstSheet(data, table.restart());
    } catch {
      throw fileError("is not a readable XLSX workbook");
    }
  }
  if (table.refusal) throw table.refusal;
  return table.rows;
}

/** The first sheet's rows as text, within the limits: a refusal stops the reading. */
class RowCollector {
  rows: string[][] = [];
  refusal: AppError | null = null;
  constructor(private readonly bounds: { maxRows: number; maxColumns: number }) {}

  restart() {
    this.rows = [];
    this.refusal = null;
    return this;
  }

  /** Takes one row; false once the file is refused. */
  add(row: ExcelJS.Row): boolean {
    if (row.number > this.bounds.maxRows + 1) {
      this.refusal = fileError(`has more than ${this.bounds.maxRows} rows`);
      return false;
    }
    const values = row.values as ExcelJS.CellValue[];
    if (values.length - 1 > this.bounds.maxColumns) {
      this.refusal = fileError(`has more than ${this.bounds.maxColumns} columns`);
      return false;
    }
    while (this.rows.length < row.number - 1) this.rows.push([""]);
    const cells: string[] = [];
    for (let c = 1; c < Math.max(values.length, 2); c++) cells.push(cellText(values[c]));
    this.rows.push(cells);
    return true;
  }
}

/**
 * Streamed: the first sheet's rows are read one by one into text, without building the workbook's object model
 * (which took several times the memory of the rows for a large file). Styles are kept to tell dates from numbers.
 */
async function streamFirstSheet(data: Buffer, table: RowCollector) {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) if (!table.add(row)) break;
    break;
  }
}

async function loadFirstSheet(data: Buffer, table: RowCollector) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return;
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (!row.hasValues) continue;
    if (!table.add(row)) break;
  }
}

/** Reads an uploaded CSV or XLSX into rows (the first is normally the header); trailing blank rows dropped. */
export async function readTable(
  upload: { filename: string; data: Buffer },
  limits: TableLimits = {},
): Promise<Table> {
  const { maxRows, maxColumns } = { ...DEFAULT_LIMITS, ...limits };
  if (upload.data.length === 0) throw fileError("is empty");
  const format = tableFormatOf(upload);
  let table: Table;
  if (format === "xlsx") {
    table = { format, encoding: null, delimiter: null, rows: await readXlsx(upload.data, limits) };
  } else {
    const { text, encoding } = decodeText(upload.data);
    const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ""));
    const rows = parseCsv(text, delimiter);
    if (rows.length > maxRows + 1) throw fileError(`has more than ${maxRows} rows`);
    if (rows.some((row) => row.length > maxColumns)) throw fileError(`has more than ${maxColumns} columns`);
    table = { format, encoding, delimiter, rows };
  }
  while (table.rows.length && table.rows.at(-1)!.every((cell) => cell.trim() === "")) table.rows.pop();
  return table;
}

/**
 * A date cell in one of the three forms people type: YYYY-MM-DD, DD.MM.YYYY (az, ru) and DD/MM/YYYY. Returns the
 * ISO date, or null when the text is not a real calendar date.
 */
export function parseDateCell(text: string): string | null {
  const value = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
    if (!match) return null;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return isoDate(date);
}
