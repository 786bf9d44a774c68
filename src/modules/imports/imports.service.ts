import "./imports.policy.js";
import { createHash } from "node:crypto";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError, type FieldError } from "../../platform/errors.js";
import { checkUpload, type FileUpload, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import type { Importer, MappedRow, RowProblem } from "../../platform/importer.js";
import { resolveMapping } from "../../platform/importer.js";
import { readTable, type Table, XLSX_CONTENT_TYPE } from "../../platform/tabular.js";
import { restoreNeutralisedCell } from "../../platform/tabular-export.js";
import { activitiesImporter, nominationsImporter } from "../catalogue/index.js";
import { peopleImporter } from "../directory/index.js";
import { contributionsImporter } from "../operations/index.js";
import { goalsImporter, programmeItemsImporter } from "../programmes/index.js";
import * as queries from "./imports.queries.js";
import type { ImportKind } from "./imports.schemas.js";

export { IMPORT_KINDS, type ImportKind } from "./imports.schemas.js";

// biome-ignore lint/suspicious/noExplicitAny: each importer has its own plan type; the flow never looks inside
const IMPORTERS: Record<ImportKind, Importer<any>> = {
  people: peopleImporter,
  activities: activitiesImporter,
  nominations: nominationsImporter,
  contributions: contributionsImporter,
  goals: goalsImporter,
  "programme-items": programmeItemsImporter,
};

/** A step of a commit and how many of its rows are done. */
export type ImportProgress = (phase: "check" | "write", done: number, total: number) => void;

const MAX_ROWS = 20_000;
const PREVIEW_ROWS = 500;
const MAX_FIELD_ERRORS = 50;

export interface ImportSource {
  upload: FileUpload;
  table: Table;
}

/** Reads an upload as a table: .csv (UTF-8, UTF-8 with BOM, Windows-1251) or .xlsx; a 400 naming `file` if not. */
export async function readImportFile(ctx: Ctx, raw: FileUpload): Promise<ImportSource> {
  const extension = raw.filename.split(".").pop()?.toLowerCase() ?? "";
  if (extension !== "csv" && extension !== "xlsx") {
    throw new AppError("VALIDATION_FAILED", "Import a .csv or .xlsx file", [
      { field: "file", message: "must be a .csv or .xlsx file" },
    ]);
  }
  // The browser's declared type varies (Excel on Windows sends CSV as application/vnd.ms-excel): the name and
  // the content decide, and the file is stored under its real type.
  const upload = { ...raw, contentType: extension === "xlsx" ? XLSX_CONTENT_TYPE : "text/csv" };
  checkUpload(upload, ctx.config.uploadLimitBytes);
  const table = await readTable(upload, { maxRows: MAX_ROWS });
  if (table.rows.length === 0) {
    throw new AppError("VALIDATION_FAILED", "The file has no header row", [
      { field: "file", message: "has no header row" },
    ]);
  }
  return { upload, table };
}

function parseMappingText(text: string | undefined, importer: Importer<unknown>, headers: string[]) {
  if (text === undefined) return null;
  const fail = (field: string, message: string) => {
    throw new AppError("VALIDATION_FAILED", `${field}: ${message}`, [{ field, message }]);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    fail("query.mapping", "is not JSON");
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
    fail("query.mapping", "must be an object of field → header name");
  const keys = new Set(importer.fields.map((field) => field.key));
  const present = new Set(headers.map((header) => header.trim()));
  const mapping: Record<string, string> = {};
  for (const [key, header] of Object.entries(parsed as Record<string, unknown>)) {
    if (!keys.has(key)) fail(`query.mapping.${key}`, "is not a field of this import");
    if (header === null || header === "") continue;
    if (typeof header !== "string") fail(`query.mapping.${key}`, "must be a header name");
    if (!present.has((header as string).trim())) fail(`query.mapping.${key}`, "is not a header of the file");
    mapping[key] = (header as string).trim();
  }
  return mapping;
}

async function rememberedMapping(ctx: Ctx, kind: ImportKind) {
  if (!ctx.viewer.userId) return null;
  return queries.rememberedMapping(ctx.db, ctx.viewer.userId, kind);
}

/** Maps the table's columns to the kind's fields and turns the data rows into `MappedRow`s. */
async function prepare(ctx: Ctx, kind: ImportKind, source: ImportSource, mappingText: string | undefined) {
  const importer = IMPORTERS[kind];
  const headers = source.table.rows[0]!.map((header) => header.trim());
  const explicit = parseMappingText(mappingText, importer, headers);
  const columns = resolveMapping(importer.fields, headers, explicit, await rememberedMapping(ctx, kind));
  const mapping = Object.fromEntries(Object.entries(columns).map(([key, index]) => [key, headers[index]!]));
  const missing = importer.fields.filter((f) => f.required && !(f.key in columns)).map((f) => f.key);
  const mapped = new Set(Object.keys(columns));
  const rows: MappedRow[] = [];
  source.table.rows.slice(1).forEach((cells, offset) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    const values: Record<string, string> = {};
    for (const [key, index] of Object.entries(columns))
      values[key] = restoreNeutralisedCell(cells[index] ?? "").trim();
    rows.push({ row: offset + 2, values, mapped });
  });
  return { importer, headers, mapping, missing, rows };
}

const withHeader = (mapping: Record<string, string>) => (problem: RowProblem) => ({
  ...problem,
  header: problem.column ? (mapping[problem.column] ?? null) : null,
});

const sortProblems = (problems: RowProblem[]) => [...problems].sort((a, b) => a.row - b.row);

export async function preview(ctx: Ctx, kind: ImportKind, source: ImportSource, mappingText?: string) {
  authorize(ctx.viewer, "import.run");
  const { importer, headers, mapping, missing, rows } = await prepare(ctx, kind, source, mappingText);
  const base = {
    kind,
    filename: source.upload.filename,
    format: source.table.format,
    encoding: source.table.encoding,
    delimiter: source.table.delimiter,
    headers,
    fields: importer.fields.map((f) => ({ key: f.key, required: !!f.required, headers: f.headers })),
    mapping,
    missing,
    rowCount: rows.length,
  };
  if (missing.length) {
    return {
      ...base,
      counts: { create: 0, update: 0, unchanged: 0, invalid: rows.length },
      errors: missing.map((key) => ({
        row: 1,
        column: key,
        header: null,
        message: "no column is mapped to this required field",
      })),
      warnings: [],
      rows: rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, action: null, values: r.values })),
    };
  }
  const result = await importer.plan(ctx, ctx.db, rows);
  const actions = new Map(result.plans.map((plan) => [plan.row, plan.action]));
  const invalid = new Set(result.errors.map((error) => error.row));
  return {
    ...base,
    counts: {
      create: result.plans.filter((p) => p.action === "create").length,
      update: result.plans.filter((p) => p.action === "update").length,
      unchanged: result.plans.filter((p) => p.action === "unchanged").length,
      invalid: invalid.size,
    },
    errors: sortProblems(result.errors).map(withHeader(mapping)),
    warnings: sortProblems(result.warnings).map(withHeader(mapping)),
    rows: rows
      .slice(0, PREVIEW_ROWS)
      .map((r) => ({ row: r.row, action: actions.get(r.row) ?? null, values: r.values })),
  };
}

/**
 * Imports the file in one transaction: every row or none (mode all), or only the valid rows (mode valid). Rows
 * that change nothing are not written, so importing the same file twice changes nothing the second time; an
 * import that changes something stores the original file and writes exactly one audit entry.
 */
export async function commit(
  ctx: Ctx,
  kind: ImportKind,
  source: ImportSource,
  options: { mode?: "all" | "valid"; mapping?: string },
  /** Told as the rows are checked, then written (the commit route streams it to the web page). */
  progress?: ImportProgress,
) {
  authorize(ctx.viewer, "import.run");
  const mode = options.mode ?? "all";
  const { importer, mapping, missing, rows } = await prepare(ctx, kind, source, options.mapping);
  if (missing.length) {
    throw new AppError(
      "VALIDATION_FAILED",
      `No column is mapped to the required field(s): ${missing.join(", ")}`,
      missing.map((key) => ({
        field: `mapping.${key}`,
        message: "no column is mapped to this required field",
      })),
    );
  }
  const remembered = await rememberedMapping(ctx, kind);
  const mappingChanged = JSON.stringify(remembered) !== JSON.stringify(mapping);
  return ctx.db.transaction().execute(async (trx) => {
    const result = await importer.plan(ctx, trx, rows, (done, total) => progress?.("check", done, total));
    const errors = sortProblems(result.errors).map(withHeader(mapping));
    if (errors.length && mode === "all") {
      const invalidRows = new Set(errors.map((e) => e.row)).size;
      throw new AppError(
        "UNPROCESSABLE",
        `${invalidRows} row(s) of the file have errors; nothing was imported (first: row ${errors[0]!.row}, ${errors[0]!.header ?? errors[0]!.column ?? "row"}: ${errors[0]!.message})`,
        errors.slice(0, MAX_FIELD_ERRORS).map(
          (e): FieldError => ({
            field: `file.rows.${e.row}${e.column ? `.${e.column}` : ""}`,
            message: e.message,
          }),
        ),
      );
    }
    const written = await importer.apply(ctx, trx, result.plans, (done, total) =>
      progress?.("write", done, total),
    );
    const unchanged = result.plans.filter((plan) => plan.action === "unchanged").length;
    const changed = written.created.length + written.updated.length;
    if (mappingChanged && ctx.viewer.userId) {
      await queries.rememberMapping(trx, ctx.viewer.userId, kind, mapping);
    }
    let fileId: string | null = null;
    if (changed > 0 || mappingChanged) {
      if (changed > 0) fileId = (await storeFile(trx, ctx, source.upload, { audited: false })).id;
      await writeAudit(trx, ctx, {
        // Audit actions are words joined by dots: programme-items is audited as import.programme_items.
        action: `import.${kind.replaceAll("-", "_")}`,
        recordType: "stored_file",
        recordId: fileId,
        after: {
          kind,
          mode,
          filename: source.upload.filename,
          sha256: createHash("sha256").update(source.upload.data).digest("hex"),
          fileId,
          mapping,
        },
        detail: {
          created: written.created,
          updated: written.updated,
          unchanged,
          invalidRows: new Set(errors.map((e) => e.row)).size,
        },
      });
    }
    return {
      kind,
      mode,
      created: written.created.length,
      updated: written.updated.length,
      unchanged,
      skipped: rows.length - result.plans.length,
      fileId,
      errors,
      warnings: sortProblems(result.warnings).map(withHeader(mapping)),
    };
  });
}

export function kinds(ctx: Ctx) {
  authorize(ctx.viewer, "import.run");
  return Object.values(IMPORTERS).map((importer) => ({
    kind: importer.kind,
    fields: importer.fields.map((f) => ({ key: f.key, required: !!f.required, headers: f.headers })),
  }));
}

/** The HTTP entry: receives the multipart upload (field `file`) after the general access check. */
export async function receive(ctx: Ctx, source: UploadSource): Promise<ImportSource> {
  authorize(ctx.viewer, "import.run");
  return readImportFile(ctx, await source(ctx.config.uploadLimitBytes));
}
