import { AppError, type FieldError } from "../../platform/errors.js";
import { readTable } from "../../platform/tabular.js";

export { parseCsv } from "../../platform/tabular.js";

export interface ImportedArea {
  code: string;
  title: string;
  criteria: { code: string; text: string; guidance: string | null; critical: boolean }[];
}

const COLUMNS = {
  area: ["area"],
  areaCode: ["area code"],
  code: ["criterion code", "code"],
  text: ["criterion text", "criterion", "text"],
  guidance: ["guidance"],
  critical: ["critical"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["area", "code", "text"];
const MAX_CRITERIA = 2000;

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

/**
 * Turns rows (the first is the header) into areas and criteria. Every error names its row (1-based, as a
 * spreadsheet shows it) and column; all errors are reported at once.
 */
export function rowsToAreas(rows: string[][]): ImportedArea[] {
  const fail = (errors: FieldError[]) => {
    throw new AppError(
      "VALIDATION_FAILED",
      `The checklist file has ${errors.length} error(s); first: ${errors[0]!.message}`,
      errors.slice(0, 50),
    );
  };
  const header = rows[0]?.map(normalise) ?? [];
  const index = {} as Record<Column, number>;
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    index[column] = header.findIndex((h) => names.includes(h));
  }
  const missing = REQUIRED.filter((column) => index[column] < 0);
  if (missing.length) {
    fail(
      missing.map((column) => ({
        field: "file",
        message: `row 1: the column "${COLUMNS[column][0]}" is missing (columns: area, criterion code, criterion text, guidance)`,
      })),
    );
  }
  const errors: FieldError[] = [];
  const areas = new Map<string, ImportedArea>();
  const codes = new Set<string>();
  let count = 0;
  rows.slice(1).forEach((cells, offset) => {
    const rowNumber = offset + 2;
    const cell = (column: Column) => (index[column] >= 0 ? (cells[index[column]] ?? "").trim() : "");
    if (cells.every((value) => value.trim() === "")) return;
    const area = cell("area");
    const code = cell("code");
    const text = cell("text");
    const problem = (column: Column, message: string) =>
      errors.push({ field: "file", message: `row ${rowNumber}, column "${COLUMNS[column][0]}": ${message}` });
    if (!area) problem("area", "is empty");
    else if (area.length > 300) problem("area", "is longer than 300 characters");
    if (!code) problem("code", "is empty");
    else if (code.length > 40) problem("code", "is longer than 40 characters");
    else if (codes.has(code.toLowerCase())) problem("code", `the code ${code} appears twice`);
    if (!text) problem("text", "is empty");
    else if (text.length > 2000) problem("text", "is longer than 2000 characters");
    const guidance = cell("guidance");
    if (guidance.length > 4000) problem("guidance", "is longer than 4000 characters");
    const criticalText = cell("critical").toLowerCase();
    if (criticalText && !["yes", "no", "true", "false", "1", "0", "y", "n"].includes(criticalText)) {
      problem("critical", "must be yes or no");
    }
    if (!area || !code || !text) return;
    codes.add(code.toLowerCase());
    count++;
    let entry = areas.get(area);
    if (!entry) {
      const areaCode = cell("areaCode") || `A${String(areas.size + 1).padStart(2, "0")}`;
      entry = { code: areaCode.slice(0, 40), title: area, criteria: [] };
      areas.set(area, entry);
    }
    entry.criteria.push({
      code,
      text,
      guidance: guidance || null,
      critical: ["yes", "true", "1", "y"].includes(criticalText),
    });
  });
  if (count > MAX_CRITERIA) errors.push({ field: "file", message: `more than ${MAX_CRITERIA} criteria` });
  if (!errors.length && count === 0)
    errors.push({ field: "file", message: "row 2: the file has no criteria" });
  if (errors.length) fail(errors);
  return [...areas.values()];
}

export async function parseChecklistFile(upload: {
  filename: string;
  contentType: string;
  data: Buffer;
}): Promise<ImportedArea[]> {
  const extension = upload.filename.split(".").pop()?.toLowerCase();
  if (extension !== "xlsx" && extension !== "csv" && extension !== "txt") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Import a checklist from a .csv or .xlsx file", [
      { field: "file", message: "must be .csv or .xlsx" },
    ]);
  }
  const table = await readTable(upload, { maxRows: 10_000 });
  return rowsToAreas(table.rows);
}
