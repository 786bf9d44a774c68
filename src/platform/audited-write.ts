import type { Insertable, Kysely, Selectable, Transaction, UpdateObject } from "kysely";
import type { DB } from "../db/schema/index.js";
import { type AuditContext, writeAudit } from "./audit.js";
import { type ConstraintRules, constraintError } from "./constraint-errors.js";
import { notFound } from "./errors.js";

/**
 * The one way a service changes a record and leaves its audit entry: lock the row (`FOR UPDATE`), write it,
 * write any rows that belong to the same change, then the audit entry with before/after as the transaction's
 * last statement (the audit chain's lock is held to commit). Constraint violations named in `rules` become
 * field-level errors (`constraint-errors.ts`). Each helper runs inside the caller's transaction.
 */

/** Tables whose rows have an `id`: the records an audited write addresses. */
export type RecordTable = { [T in keyof DB & string]: "id" extends keyof DB[T] ? T : never }[keyof DB &
  string];
export type RowOf<T extends RecordTable> = Selectable<DB[T]>;

type Trx = Transaction<DB>;
// The helpers work on any record table; their signatures keep the callers typed.
// biome-ignore lint/suspicious/noExplicitAny: one table-generic query builder
const untyped = (db: Kysely<DB>) => db as unknown as Kysely<any>;

/** Inserts one row of a record table and returns it whole (no audit: the `audited*` helpers below add it). */
export function insertRow<T extends RecordTable>(
  db: Kysely<DB>,
  table: T,
  values: Insertable<DB[T]>,
): Promise<RowOf<T>> {
  return untyped(db)
    .insertInto(table as string)
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RowOf<T>>;
}

/** Updates the record of that id and returns it whole (throws when there is none; no audit). */
export function updateRow<T extends RecordTable>(
  db: Kysely<DB>,
  table: T,
  id: string,
  set: UpdateObject<DB, T>,
): Promise<RowOf<T>> {
  return untyped(db)
    .updateTable(table as string)
    .set(set as Record<string, unknown>)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow() as Promise<RowOf<T>>;
}

/** The audit's record type: the table's SQL name (`exerciseStage` → `exercise_stage`). */
const snake = (table: string) => table.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export interface Audited<T extends RecordTable> {
  /** The audit action, e.g. `exercise.update`. */
  action: string;
  /** Defaults to the table's SQL name. */
  recordType?: string;
  /** Constraint names (or a function of the violation) mapped to the request field they guard. */
  rules?: ConstraintRules;
  /**
   * Further writes of the same change (child rows), in its transaction `trx`, run before the audit entry so that it
   * stays the last statement.
   */
  also?: (row: RowOf<T>, trx: Trx) => Promise<unknown>;
  /** What the audit records as the new state when it is more than the row (its child rows, say). */
  audited?: (row: RowOf<T>) => Record<string, unknown>;
  /** What the audit records as the old state when it is more than the row; called after `also` has run. */
  auditedBefore?: (row: RowOf<T>) => Record<string, unknown>;
  detail?: Record<string, unknown>;
}

interface Located<T extends RecordTable> {
  id: string;
  /** Further columns the row must match, e.g. `{ exerciseId }` for a stage of that exercise. */
  scope?: Partial<RowOf<T>>;
  /** The record as named in a 404, e.g. "The stage". */
  missing: string;
}

const rethrow = (rules: ConstraintRules | undefined) => (error: unknown) =>
  rules ? constraintError(error, rules) : Promise.reject(error);

/** Locks the row for update (404 with `missing` when it does not exist or lies outside `scope`). */
export async function lockRow<T extends RecordTable>(
  trx: Trx,
  table: T,
  where: Located<T>,
): Promise<RowOf<T>> {
  let query = untyped(trx)
    .selectFrom(table as string)
    .selectAll()
    .where("id", "=", where.id);
  for (const [column, value] of Object.entries(where.scope ?? {})) query = query.where(column, "=", value);
  const row = await query.forUpdate().executeTakeFirst();
  if (!row) throw notFound(where.missing);
  return row as RowOf<T>;
}

/** Inserts one row and audits it as created. */
export async function auditedInsert<T extends RecordTable>(
  trx: Trx,
  ctx: AuditContext,
  table: T,
  values: Insertable<DB[T]>,
  spec: Audited<T>,
): Promise<RowOf<T>> {
  const row = await insertRow(trx, table, values).catch(rethrow(spec.rules));
  await spec.also?.(row, trx);
  await writeAudit(trx, ctx, {
    action: spec.action,
    recordType: spec.recordType ?? snake(table),
    recordId: (row as { id: string }).id,
    after: spec.audited ? spec.audited(row) : row,
    ...(spec.detail ? { detail: spec.detail } : {}),
  });
  return row;
}

/**
 * Locks the row, applies `set` (a patch, or a function of the locked row that may also refuse the change) and
 * audits before/after. An empty patch writes nothing and audits the row as it is.
 */
export async function auditedUpdate<T extends RecordTable>(
  trx: Trx,
  ctx: AuditContext,
  table: T,
  where: Located<T>,
  set: UpdateObject<DB, T> | ((before: RowOf<T>) => UpdateObject<DB, T>),
  spec: Audited<T>,
): Promise<{ before: RowOf<T>; after: RowOf<T> }> {
  const before = await lockRow(trx, table, where);
  const patch = typeof set === "function" ? set(before) : set;
  const after =
    Object.keys(patch).length > 0
      ? await updateRow(trx, table, where.id, patch).catch(rethrow(spec.rules))
      : before;
  await spec.also?.(after, trx);
  await writeAudit(trx, ctx, {
    action: spec.action,
    recordType: spec.recordType ?? snake(table),
    recordId: where.id,
    before: spec.auditedBefore ? spec.auditedBefore(before) : before,
    after: spec.audited ? spec.audited(after) : after,
    ...(spec.detail ? { detail: spec.detail } : {}),
  });
  return { before, after };
}

/** Deletes the row (404 with `missing` when it does not exist or lies outside `scope`) and audits what it held. */
export async function auditedDelete<T extends RecordTable>(
  trx: Trx,
  ctx: AuditContext,
  table: T,
  where: Located<T>,
  spec: Pick<Audited<T>, "action" | "recordType" | "detail">,
): Promise<RowOf<T>> {
  let query = untyped(trx)
    .deleteFrom(table as string)
    .where("id", "=", where.id);
  for (const [column, value] of Object.entries(where.scope ?? {})) query = query.where(column, "=", value);
  const row = await query.returningAll().executeTakeFirst();
  if (!row) throw notFound(where.missing);
  await writeAudit(trx, ctx, {
    action: spec.action,
    recordType: spec.recordType ?? snake(table),
    recordId: where.id,
    before: row,
    ...(spec.detail ? { detail: spec.detail } : {}),
  });
  return row as RowOf<T>;
}

/**
 * The release lists of a patch as columns: `releaseNationIds`/`releaseOrganisationIds` of the request become
 * `releaseNations`/`releaseOrganisations`; a list not given is left as it is.
 */
export function releaseListPatch(patch: {
  releaseNationIds?: string[] | undefined;
  releaseOrganisationIds?: string[] | undefined;
}): { releaseNations?: string[]; releaseOrganisations?: string[] } {
  return {
    ...(patch.releaseNationIds ? { releaseNations: patch.releaseNationIds } : {}),
    ...(patch.releaseOrganisationIds ? { releaseOrganisations: patch.releaseOrganisationIds } : {}),
  };
}

/** A patch as the columns it sets: its own fields, and its release lists as `releaseListPatch` names them. */
export function patchColumns<
  P extends { releaseNationIds?: string[] | undefined; releaseOrganisationIds?: string[] | undefined },
>(patch: P) {
  const { releaseNationIds: _nations, releaseOrganisationIds: _organisations, ...fields } = patch;
  return { ...fields, ...releaseListPatch(patch) };
}

/** What the `*Record` helpers need of a service's context: its database handle and who writes. */
type WriteContext = AuditContext & { db: Kysely<DB> };

/*
 * A service write that is one audited row (with the child rows its `also` writes), in a transaction of its own:
 * the same as `ctx.db.transaction().execute((trx) => auditedInsert(trx, ctx, …))`, which many services wrote out
 * each time.
 */
export function insertRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  values: Insertable<DB[T]>,
  spec: Audited<T>,
): Promise<RowOf<T>> {
  return ctx.db.transaction().execute((trx) => auditedInsert(trx, ctx, table, values, spec));
}

export function updateRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  where: Located<T>,
  set: UpdateObject<DB, T> | ((before: RowOf<T>) => UpdateObject<DB, T>),
  spec: Audited<T>,
): Promise<{ before: RowOf<T>; after: RowOf<T> }> {
  return ctx.db.transaction().execute((trx) => auditedUpdate(trx, ctx, table, where, set, spec));
}

export function deleteRecord<T extends RecordTable>(
  ctx: WriteContext,
  table: T,
  where: Located<T>,
  spec: Pick<Audited<T>, "action" | "recordType" | "detail">,
): Promise<RowOf<T>> {
  return ctx.db.transaction().execute((trx) => auditedDelete(trx, ctx, table, where, spec));
}
