import { StrictObject } from "../../platform/http/schemas.js";
import "./packages.policy.js";
import { createHash } from "node:crypto";
import { Type } from "typebox";
import { Value } from "typebox/value";
import { migrationNames } from "../../db/migrations/index.js";
import { authorize } from "../../platform/access/policy.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { AppError } from "../../platform/errors.js";
import type { UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { ArchiveInvalidError, readArchive, writeArchive } from "./package.archive.js";
import {
  ARRAY_LINKS,
  BOOKKEEPING,
  CASE_INSENSITIVE,
  PACKAGE_TABLES,
  type PackageTable,
  tableSpec,
} from "./package.tables.js";
import * as q from "./packages.queries.js";

export const PACKAGE_FORMAT = "accord-package";
export const PACKAGE_VERSION = 1;
export const MANIFEST = "manifest.json";

const Member = StrictObject({
  name: Type.String({ pattern: "^[a-z_]{1,60}\\.jsonl$" }),
  table: Type.String({ pattern: "^[a-z_]{1,60}$" }),
  columns: Type.Array(Type.String({ pattern: "^[a-z_0-9]{1,63}$" }), { minItems: 1, maxItems: 200 }),
  rows: Type.Integer({ minimum: 0 }),
  sha256: Type.String({ pattern: "^[0-9a-f]{64}$" }),
});
const Manifest = StrictObject({
  format: Type.Literal(PACKAGE_FORMAT),
  version: Type.Literal(PACKAGE_VERSION),
  createdAt: Type.String(),
  nation: Type.Object({ id: Type.String(), code: Type.String({ pattern: "^[A-Z]{3}$" }) }),
  migration: Type.String(),
  members: Type.Array(Member, { maxItems: 200 }),
});
export type PackageManifest = Type.Static<typeof Manifest>;

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

const refused = (message: string) =>
  new AppError("UNPROCESSABLE", `The package is refused: ${message}`, [{ field: "file", message }]);

/** Stands for the nation: signed in, its own nation and its organisations in scope, nothing more. */
function nationViewer(nationId: string, code: string, organisationIds: string[]): Viewer {
  return {
    userId: `package:${code}`,
    username: `package:${code}`,
    personId: null,
    personNationId: nationId,
    grants: [],
    nationIds: [nationId],
    organisationIds,
    managedOrganisationIds: [],
    mustChangePassword: false,
  };
}

/** Link columns of a table, single and array, that point at another package table. */
const linksOf = (table: PackageTable) => Object.entries(table.links ?? {});

/**
 * Writes the package of everything releasable to a nation: one JSON-lines member per table (the scope of
 * PACKAGE_TABLES) and a manifest with each member's row count and SHA-256, all read in one snapshot.
 */
export async function exportPackage(
  ctx: Ctx,
  nationCode: string,
): Promise<{ archive: Buffer; manifest: PackageManifest }> {
  authorize(ctx.viewer, "package.export");
  const nation = await q.nationByCode(ctx.db, nationCode.toUpperCase());
  if (!nation)
    throw new AppError("NOT_FOUND", `There is no nation ${nationCode}`, [
      { field: "params.nation", message: "unknown nation code" },
    ]);
  const createdAt = new Date();
  return ctx.db
    .transaction()
    .setIsolationLevel("repeatable read")
    .setAccessMode("read only")
    .execute(async (trx) => {
      await q.stableSettings(trx);
      const viewer = nationViewer(nation.id, nation.code, await q.organisationsOfNation(trx, nation.id));
      const exported = new Map<string, Set<string>>();
      const members: PackageManifest["members"] = [];
      const files: { name: string; data: Buffer }[] = [];
      for (const table of PACKAGE_TABLES) {
        const all = await q.tableColumns(trx, table.name);
        const dropped = all.filter((c) => c.generated || table.omit?.includes(c.name)).map((c) => c.name);
        const within = (table.required ?? []).map((column) => ({
          column,
          ids: [...(exported.get(table.links![column]!) ?? [])],
        }));
        const texts = await q.packageRows(trx, table.name, dropped, table.key, {
          ...(table.releasable ? { visibleFor: viewer } : {}),
          ...(table.nationColumn ? { nation: { column: table.nationColumn, id: nation.id } } : {}),
          within,
        });
        const rows = texts.map((text) => JSON.parse(text) as Record<string, unknown>);
        exported.set(table.name, new Set(rows.map((row) => row.id).filter((id) => typeof id === "string")));
        const lines = rows.map((row) => {
          clearOutsideLinks(table, row, exported);
          return JSON.stringify(row);
        });
        const data = Buffer.from(lines.map((line) => `${line}\n`).join(""), "utf8");
        const name = `${table.name}.jsonl`;
        files.push({ name, data });
        const columns = all.filter((c) => !dropped.includes(c.name)).map((c) => c.name);
        members.push({ name, table: table.name, columns, rows: lines.length, sha256: sha256(data) });
      }
      const applied = await q.appliedMigrations(trx);
      const manifest: PackageManifest = {
        format: PACKAGE_FORMAT,
        version: PACKAGE_VERSION,
        createdAt: createdAt.toISOString(),
        nation: { id: nation.id, code: nation.code },
        migration: applied.at(-1) ?? "",
        members,
      };
      const manifestData = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8");
      const archive = writeArchive([{ name: MANIFEST, data: manifestData }, ...files], createdAt);
      return { archive, manifest };
    });
}

/**
 * Clears a row's optional links to records outside the package and keeps only the ids inside it in its array
 * links (the tables it links to, itself included, are complete by then). */
function clearOutsideLinks(
  table: PackageTable,
  row: Record<string, unknown>,
  exported: Map<string, Set<string>>,
): void {
  for (const [column, target] of linksOf(table)) {
    const inside = exported.get(target);
    const value = row[column];
    if (!inside || value === null || value === undefined) continue;
    if (ARRAY_LINKS.has(column)) {
      const kept = (value as string[]).filter((id) => inside.has(id));
      row[column] = kept;
    } else if (!inside.has(value as string)) row[column] = null;
  }
}

export interface ImportResult {
  nation: string;
  tables: { table: string; rows: number; created: number; updated: number; unchanged: number }[];
  created: number;
  updated: number;
  unchanged: number;
}

/** Checks a package completely (archive, manifest, every member's checksum, count and columns) before any write. */
async function verifiedPackage(ctx: Ctx, archive: Buffer) {
  let members: Map<string, Buffer>;
  try {
    members = readArchive(archive);
  } catch (error) {
    if (error instanceof ArchiveInvalidError) throw refused(error.message);
    throw error;
  }
  const manifestData = members.get(MANIFEST);
  if (!manifestData) throw refused("it has no manifest.json");
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestData.toString("utf8"));
  } catch {
    throw refused("manifest.json is not JSON");
  }
  if (!Value.Check(Manifest, manifest)) {
    const first = [...Value.Errors(Manifest, manifest)][0];
    throw refused(`manifest.json is malformed (${first?.instancePath || "/"} ${first?.message ?? ""})`);
  }
  if (!migrationNames.includes(manifest.migration))
    throw refused(
      `it was written at migration ${manifest.migration}, which this Accord does not have; upgrade first`,
    );
  const listed = new Set([MANIFEST, ...manifest.members.map((m) => m.name)]);
  for (const name of members.keys())
    if (!listed.has(name)) throw refused(`member ${name} is not in the manifest`);
  const tables: { spec: PackageTable; columns: string[]; rows: Record<string, unknown>[] }[] = [];
  for (const member of manifest.members) {
    const spec = tableSpec(member.table);
    if (!spec || member.name !== `${member.table}.jsonl`)
      throw refused(`member ${member.name} is not a table a package may hold`);
    const data = members.get(member.name);
    if (!data) throw refused(`member ${member.name} is missing`);
    if (sha256(data) !== member.sha256)
      throw refused(`the checksum of ${member.name} does not match the manifest`);
    const lines = data.toString("utf8").split("\n").filter(Boolean);
    if (lines.length !== member.rows)
      throw refused(`${member.name} has ${lines.length} rows, the manifest says ${member.rows}`);
    const known = new Set(
      (await q.tableColumns(ctx.db, spec.name)).filter((c) => !c.generated).map((c) => c.name),
    );
    const unknown = member.columns.find((column) => !known.has(column) || spec.omit?.includes(column));
    if (unknown) throw refused(`${member.name} has a column ${unknown} that this Accord does not take`);
    if (!spec.key.every((column) => member.columns.includes(column)))
      throw refused(`${member.name} lacks its key columns`);
    const rows = lines.map((line, i) => {
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw refused(`${member.name} line ${i + 1} is not JSON`);
      }
      if (!row || typeof row !== "object" || Array.isArray(row))
        throw refused(`${member.name} line ${i + 1} is not a record`);
      return row as Record<string, unknown>;
    });
    tables.push({ spec, columns: member.columns, rows });
  }
  const order = PACKAGE_TABLES.map((t) => t.name);
  tables.sort((a, b) => order.indexOf(a.spec.name) - order.indexOf(b.spec.name));
  return { manifest, tables };
}

/**
 * Single links a row may lack: the export clears those pointing outside the package, so a null one never clears
 * a link the target already has (a package does not remove links; see docs/packages.md).
 */
const optionalLinks = (table: PackageTable) =>
  new Set(
    linksOf(table)
      .map(([column]) => column)
      .filter((column) => !ARRAY_LINKS.has(column) && !table.required?.includes(column)),
  );

/** Rewrites a row's links through the id map (package id → this instance's id). */
function mapLinks(table: PackageTable, row: Record<string, unknown>, ids: Map<string, string>) {
  for (const [column] of linksOf(table)) {
    const value = row[column];
    if (Array.isArray(value)) row[column] = value.map((id) => ids.get(id as string) ?? id);
    else if (typeof value === "string") row[column] = ids.get(value) ?? value;
  }
}

/**
 * Loads a package in one transaction with one audit entry. Records found on this instance by their natural key
 * (codes, e-mail) take this instance's id and every link to them is mapped; the others keep their UUIDs. Rows are
 * upserted, so loading the same package again changes nothing. A package that does not verify is refused whole.
 */
export async function importPackage(ctx: Ctx, archive: Buffer): Promise<ImportResult> {
  authorize(ctx.viewer, "package.import");
  const { manifest, tables } = await verifiedPackage(ctx, archive);
  let loading = "";
  return ctx.db
    .transaction()
    .execute(async (trx) => {
      await q.stableSettings(trx);
      const ids = new Map<string, string>();
      const result: ImportResult = {
        nation: manifest.nation.code,
        tables: [],
        created: 0,
        updated: 0,
        unchanged: 0,
      };
      for (const { spec, columns, rows } of tables) {
        loading = spec.name;
        for (const row of rows) mapLinks(spec, row, ids);
        if (spec.natural && rows.length) {
          for (const { pid, tid } of await q.naturalMatches(
            trx,
            spec.name,
            spec.natural,
            CASE_INSENSITIVE,
            rows,
          ))
            ids.set(pid, tid);
          for (const row of rows) {
            if (typeof row.id === "string") row.id = ids.get(row.id) ?? row.id;
            mapLinks(spec, row, ids);
          }
        }
        const compared = columns.filter((c) => !spec.key.includes(c) && !BOOKKEEPING.has(c));
        const written = rows.length
          ? await q.upsertRows(trx, spec.name, columns, spec.key, compared, optionalLinks(spec), rows)
          : { inserted: 0, updated: 0 };
        const unchanged = rows.length - written.inserted - written.updated;
        result.tables.push({
          table: spec.name,
          rows: rows.length,
          created: written.inserted,
          updated: written.updated,
          unchanged,
        });
        result.created += written.inserted;
        result.updated += written.updated;
        result.unchanged += unchanged;
      }
      await writeAudit(trx, ctx, {
        action: "package.import",
        recordType: "package",
        recordId: null,
        detail: {
          nation: manifest.nation.code,
          createdAt: manifest.createdAt,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          tables: Object.fromEntries(
            result.tables.map((t) => [t.table, { created: t.created, updated: t.updated }]),
          ),
        },
      });
      return result;
    })
    .catch((error: { code?: string; message?: string }) => {
      // A data or integrity error of PostgreSQL (class 22 or 23): the package does not fit this instance.
      if (typeof error.code === "string" && /^2[23]/.test(error.code))
        throw refused(`${loading} could not be loaded, nothing was written (${error.message})`);
      throw error;
    });
}

/** The API's import: the upload is read only after the access check, within the upload limit (larger packages: the CLI). */
export async function importUploaded(ctx: Ctx, source: UploadSource): Promise<ImportResult> {
  authorize(ctx.viewer, "package.import");
  const upload = await source(ctx.config.uploadLimitBytes);
  return importPackage(ctx, upload.data);
}
