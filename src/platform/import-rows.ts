import { sql } from "kysely";
import type { Db } from "../db/database.js";
import { violationOf } from "./constraint-errors.js";
import { AppError } from "./errors.js";
import type { Ctx } from "./http/request-context.js";
import type { Importer, ImportField, MappedRow, RowPlan, RowProblem } from "./importer.js";

/**
 * Helpers for importers whose rows are written through a capability's own service functions (the same rules,
 * access checks, seat function and audit entries as the one-record API), all in the import's one transaction.
 */

class DryRunOver extends Error {}

/**
 * Runs `work` and undoes everything it wrote: under a savepoint of the caller's transaction, or in a transaction
 * of its own that is rolled back. An importer's plan runs every row this way, in file order, so that a row sees
 * what the rows before it would write (an activity created, a seat taken) and nothing is written.
 */
export async function dryRun<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await sql`savepoint accord_import_dry_run`.execute(db);
    try {
      return await work(db);
    } finally {
      await sql`rollback to savepoint accord_import_dry_run`.execute(db);
      await sql`release savepoint accord_import_dry_run`.execute(db);
    }
  }
  let result: { value: T } | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = { value: await work(trx) };
      throw new DryRunOver();
    });
  } catch (error) {
    if (!(error instanceof DryRunOver)) throw error;
  }
  return result!.value;
}

/**
 * Runs one row's writes under a savepoint of the transaction `trx`. When a service refuses the row (an
 * `AppError`: a rule, an access check, a state) or the database does (an integrity violation), the row's writes
 * are undone and its problems returned, each naming the column of the field the service named (`columnOf` maps
 * `body.organiserId` to `organiser`); the transaction goes on with the next row. Any other error is thrown.
 */
export async function writeRow(
  trx: Db,
  row: number,
  columnOf: (field: string) => string | null,
  write: () => Promise<unknown>,
  /** The column an access refusal without a field is about (the person of a nomination, the organiser). */
  refusedColumn: string | null = null,
): Promise<RowProblem[]> {
  await sql`savepoint accord_import_row`.execute(trx);
  try {
    await write();
    await sql`release savepoint accord_import_row`.execute(trx);
    return [];
  } catch (error) {
    await sql`rollback to savepoint accord_import_row`.execute(trx);
    await sql`release savepoint accord_import_row`.execute(trx);
    return problemsOf(error, row, columnOf, refusedColumn);
  }
}

/**
 * A row's problems from a service's refusal (an `AppError`: a rule, an access check, a state) or the database's (an
 * integrity violation), each naming the column of the field the service named (`columnOf` maps `body.organiserId`
 * to `organiser`). Any other error is thrown.
 */
export function problemsOf(
  error: unknown,
  row: number,
  columnOf: (field: string) => string | null,
  refusedColumn: string | null = null,
): RowProblem[] {
  if (error instanceof AppError) {
    if (!error.fields.length || error.code === "FORBIDDEN") {
      const field = error.fields[0]?.field;
      const column = field ? columnOf(field) : error.code === "FORBIDDEN" ? refusedColumn : null;
      return [{ row, column, message: error.message }];
    }
    return error.fields.map((field) => ({ row, column: columnOf(field.field), message: field.message }));
  }
  const violation = violationOf(error);
  if (violation)
    return [
      {
        row,
        column: null,
        message: `the database refused the row (${violation.constraint ?? violation.kind})`,
      },
    ];
  throw error;
}

/** The fields of a row whose value differs from the stored record's (null and absent count as equal): its patch. */
export function changedFields<T extends object>(stored: object, fields: T): Partial<T> {
  const current = stored as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(fields).filter(([field, value]) => (current[field] ?? null) !== (value ?? null)),
  ) as Partial<T>;
}

/** Throws the problems an apply met (a row the plan accepted but the write refused) as one 422 naming the rows. */
export function refuseProblems(problems: RowProblem[]) {
  if (!problems.length) return;
  const first = problems[0]!;
  throw new AppError(
    "UNPROCESSABLE",
    `Row ${first.row}: ${first.message}; nothing was imported`,
    problems.slice(0, 50).map((p) => ({
      field: `file.rows.${p.row}${p.column ? `.${p.column}` : ""}`,
      message: p.message,
    })),
  );
}

/**
 * Writes the plans that change something (create/update), each through `write` under its own savepoint
 * (`writeRow`); returns the refused rows' problems and the ids written. The common loop of importers whose rows
 * are one service call each (contributions, partnership goals, programme items).
 */
export async function writeRows<P>(
  trx: Db,
  plans: RowPlan<P>[],
  columnOf: (field: string) => string | null,
  write: (plan: P, action: "create" | "update") => Promise<string>,
  refusedColumn: string | null = null,
) {
  const problems: RowProblem[] = [];
  const created: string[] = [];
  const updated: string[] = [];
  for (const { row, action, plan } of plans) {
    if (action === "unchanged") continue;
    problems.push(
      ...(await writeRow(
        trx,
        row,
        columnOf,
        async () => (action === "create" ? created : updated).push(await write(plan, action)),
        refusedColumn,
      )),
    );
  }
  return { problems, created, updated };
}

/**
 * The end of such an importer's plan: every candidate that writes is tried in file order and undone
 * (`dryRun`); the rows the service refuses become errors and leave the plan.
 */
export async function tryRows<P>(
  db: Db,
  candidates: RowPlan<P>[],
  errors: RowProblem[],
  run: (trx: Db, plans: RowPlan<P>[]) => Promise<{ problems: RowProblem[] }>,
) {
  const tried = await dryRun(db, (trx) => run(trx, candidates));
  errors.push(...tried.problems);
  const refused = new Set(tried.problems.map((problem) => problem.row));
  return candidates.filter((plan) => !refused.has(plan.row));
}

/**
 * Reading one row: `text(key)` is the mapped cell (trimmed; "" when absent), `problem(column, message)` notes a
 * problem of the row in `problems`.
 */
export function rowCells(row: number, values: Record<string, string>) {
  const problems: RowProblem[] = [];
  const problem = (column: string | null, message: string) => problems.push({ row, column, message });
  const text = (key: string) => values[key] ?? "";
  /** The id of the cell's code (looked up in capitals), or undefined with the problem noted: empty or unknown. */
  const known = (key: string, ids: Map<string, string>, what: string) => {
    const id = ids.get(text(key).toUpperCase());
    if (!text(key)) problem(key, "is empty");
    else if (!id) problem(key, `the ${what} code ${text(key)} is not known`);
    return id;
  };
  return { problems, problem, text, known };
}

/** The distinct codes of a column, in capitals, for looking up the records the rows name in one query. */
export const columnCodes = (rows: MappedRow[], key: string) => [
  ...new Set(rows.map((r) => (r.values[key] ?? "").toUpperCase()).filter(Boolean)),
];

/** The distinct ids of the known codes of a column. */
export const knownIds = (rows: MappedRow[], key: string, ids: Map<string, string>) => [
  ...new Set(columnCodes(rows, key).flatMap((code) => ids.get(code) ?? [])),
];

/**
 * The natural keys of the rows read so far. `repeated(row, key)` is false for the first row with a key (it is
 * remembered); for a later one it is true and a warning says the row is skipped as "the same <what> as row N".
 */
export function firstOfKeys(warnings: RowProblem[], what: string) {
  const seen = new Map<string, number>();
  return (row: number, key: string) => {
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, row);
      return false;
    }
    warnings.push({ row, column: null, message: `the same ${what} as row ${earlier}; this row is skipped` });
    return true;
  };
}

/** The plan of a row whose record does not exist yet. */
export function createPlan<P>(row: number, key: string, plan: P): RowPlan<P> {
  return { row, key, action: "create", plan };
}

/** The plan of a row whose record exists: an update when its patch changes something, else unchanged. */
export const updatePlan = <P>(row: number, key: string, patch: object, plan: P): RowPlan<P> => ({
  row,
  key,
  action: Object.keys(patch).length > 0 ? "update" : "unchanged",
  plan,
});

/** The column of the field a service names (`body.nationId`, `body.items.0.x`) through a field → column table. */
export const columnsOf = (columns: Record<string, string>) => (field: string) =>
  columns[field.replace(/^body\./, "").split(".")[0]!] ?? null;

/**
 * The `write` of an importer whose plans create a record (`{ create }`) or patch a stored one (`{ id, patch }`)
 * through the service's own create and update functions; either answers the record, whose id is the row's.
 */
export const createOrUpdate =
  <C, U>(
    create: (ctx: Ctx, input: C) => Promise<{ id: string }>,
    update: (ctx: Ctx, id: string, patch: U) => Promise<{ id: string }>,
  ) =>
  async (ctx: Ctx, plan: { create: C } | { id: string; patch: U }) =>
    "create" in plan ? (await create(ctx, plan.create)).id : (await update(ctx, plan.id, plan.patch)).id;

/** One row as an importer reads it: its number, the fields the file maps, its cells and problems (`rowCells`). */
export type RowReading = ReturnType<typeof rowCells> & { row: number; mapped: ReadonlySet<string> };

/**
 * A row whose cells pass their checks: its natural key (a later row with the same key is skipped with a warning)
 * and its plan, made for the first row with the key only. A plan that notes a problem instead (the record exists
 * but the viewer cannot see it) answers nothing.
 */
export interface ReadRow<P> {
  key: string;
  plan: () => RowPlan<P> | undefined;
}

/**
 * An importer whose rows are one service call each (contributions, partnership goals, programme items).
 * `lookups` reads what the rows name, for all rows at once; `readRow` checks one row, noting its problems, and
 * answers its key and plan (nothing when a value it needs is missing). Every plan that writes is then tried
 * through `write` in file order and undone (`tryRows`), and the refused rows become errors and leave the plan.
 * `apply` writes the plans through `write` (`writeRows`); a row refused then refuses the whole import.
 */
export function serviceRowsImporter<P, L>(spec: {
  kind: string;
  fields: ImportField[];
  /** The field a service names → the column it comes from. */
  columns: Record<string, string>;
  /** The column an access refusal without a field is about. */
  refusedColumn: string | null;
  /** What a row stands for, as the warning of a repeated row names it ("the same goal as row 3"). */
  record: string;
  write: (ctx: Ctx, plan: P, action: "create" | "update") => Promise<string>;
  lookups: (ctx: Ctx, db: Db, rows: MappedRow[]) => Promise<L>;
  readRow: (reading: RowReading, lookups: L) => ReadRow<P> | undefined;
}): Importer<P> {
  const columnOf = columnsOf(spec.columns);
  const run = (ctx: Ctx, plans: RowPlan<P>[]) =>
    writeRows(ctx.db, plans, columnOf, (plan, action) => spec.write(ctx, plan, action), spec.refusedColumn);
  return {
    kind: spec.kind,
    fields: spec.fields,
    async plan(ctx, db, rows) {
      const errors: RowProblem[] = [];
      const warnings: RowProblem[] = [];
      const lookups = await spec.lookups(ctx, db, rows);
      const repeated = firstOfKeys(warnings, spec.record);
      const candidates: RowPlan<P>[] = [];
      for (const { row, values, mapped } of rows) {
        const reading = { ...rowCells(row, values), row, mapped };
        const read = spec.readRow(reading, lookups);
        if (reading.problems.length || !read) errors.push(...reading.problems);
        else if (!repeated(row, read.key)) {
          const plan = read.plan();
          if (plan) candidates.push(plan);
          else errors.push(...reading.problems);
        }
      }
      const plans = await tryRows(db, candidates, errors, (trx, plans) => run({ ...ctx, db: trx }, plans));
      return { plans, errors, warnings };
    },
    async apply(ctx, trx, plans) {
      const written = await run({ ...ctx, db: trx }, plans);
      refuseProblems(written.problems);
      return { created: written.created, updated: written.updated };
    },
  };
}
