import type { Kysely, Transaction } from "kysely";
import type { DB } from "../db/schema/index.js";
import type { Ctx } from "./http/request-context.js";

/**
 * The contract between the imports module (upload, mapping, preview, commit, audit) and the capability that owns
 * the records of one kind (it validates rows, checks access per row and writes them). Pure types and header
 * matching: no module depends on another through this file.
 */

export interface ImportField {
  key: string;
  required?: boolean;
  /** Header names recognised without a mapping, per language (compared after `normaliseHeader`). */
  headers: { en: string[]; az: string[]; ru: string[] };
}

/** A field's header names per language, as `ImportField.headers` takes them. */
export const headers = (en: string[], az: string[], ru: string[]) => ({ en, az, ru });

/** The header names of a nation column (its nation code), as the importers of nations' records take them. */
export const NATION_HEADERS = headers(
  ["nation", "nation code", "country"],
  ["ölkə", "ölkə kodu"],
  ["страна", "код страны"],
);

/** One data row: its spreadsheet row number (the header is row 1) and the mapped cells, trimmed. */
export interface MappedRow {
  row: number;
  values: Record<string, string>;
  /** Fields that have a column in the file: an empty cell of a mapped column clears the value. */
  mapped: ReadonlySet<string>;
}

export interface RowProblem {
  row: number;
  /** The field key (column) the problem is about; null for the row as a whole. */
  column: string | null;
  message: string;
}

export interface RowPlan<P> {
  row: number;
  action: "create" | "update" | "unchanged";
  /** The natural key, as shown to the user ("anna@example.org", "AZE / Smith / Anna"). */
  key: string;
  plan: P;
}

export interface PlanResult<P> {
  plans: RowPlan<P>[];
  errors: RowProblem[];
  warnings: RowProblem[];
}

/** Told how many of the rows a step has done, as it goes (the commit route streams it to the web page). */
export type Progress = (done: number, total: number) => void;

export interface Importer<P> {
  kind: string;
  fields: ImportField[];
  /** Validates every row against the database, access per row included; writes nothing. */
  plan(
    ctx: Ctx,
    db: Kysely<DB> | Transaction<DB>,
    rows: MappedRow[],
    progress?: Progress,
  ): Promise<PlanResult<P>>;
  /** Writes the planned rows (create/update only) inside the caller's transaction; returns the record ids. */
  apply(
    ctx: Ctx,
    trx: Transaction<DB>,
    plans: RowPlan<P>[],
    progress?: Progress,
  ): Promise<{ created: string[]; updated: string[] }>;
}

/**
 * Lower case, with spaces, underscores, hyphens, dots and slashes folded to one space. The Azerbaijani capital İ
 * lowers to "i" (not "i" with a combining dot, as in English), so the export's "İl" is the header "il".
 */
export const normaliseHeader = (header: string) =>
  header
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/\u0307/g, "")
    .replace(/[\s_.\-/]+/g, " ")
    .trim();

/**
 * Decides which column of the file feeds which field: an explicit mapping first (field → header), then the
 * user's remembered mapping, then the recognised header names in English, Azerbaijani and Russian.
 * Returns field → column index.
 */
export function resolveMapping(
  fields: ImportField[],
  headers: string[],
  explicit: Record<string, string> | null,
  remembered: Record<string, string> | null,
): Record<string, number> {
  const normalised = headers.map(normaliseHeader);
  const indexOf = (header: string) => normalised.indexOf(normaliseHeader(header));
  const result: Record<string, number> = {};
  const taken = new Set<number>();
  const assign = (key: string, index: number) => {
    if (index < 0 || taken.has(index) || key in result) return;
    result[key] = index;
    taken.add(index);
  };
  if (explicit) {
    for (const [key, header] of Object.entries(explicit)) if (header) assign(key, indexOf(header));
    return result;
  }
  if (remembered) for (const [key, header] of Object.entries(remembered)) assign(key, indexOf(header));
  for (const field of fields) {
    const names = [...field.headers.en, ...field.headers.az, ...field.headers.ru, field.key];
    for (const name of names) assign(field.key, indexOf(name));
  }
  return result;
}
