import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { packagesService } from "../modules/packages/index.js";
import type { Ctx } from "../platform/http/request-context.js";

/** `accord export package --nation AZE [--out file]`: the archive is written beside its name, then renamed. */
export async function exportPackageCommand(
  ctx: Ctx,
  nation: string,
  out: string | undefined,
  say: (message: string) => void,
) {
  const { archive, manifest } = await packagesService.exportPackage(ctx, nation);
  const stamp = manifest.createdAt.replace(/[:.]/g, "-");
  const target = out ?? `accord-package-${manifest.nation.code}-${stamp}.tar.gz`;
  writeFileSync(`${target}.partial`, archive);
  renameSync(`${target}.partial`, target);
  const rows = manifest.members.reduce((sum, member) => sum + member.rows, 0);
  say(
    `Package of ${manifest.nation.code} written to ${target}: ${manifest.members.length} tables, ${rows} rows`,
  );
  for (const member of manifest.members) if (member.rows) say(`  ${member.table}: ${member.rows}`);
}

/** `accord import package <file>`: all or nothing; a package that does not verify exits 1 with the reason. */
export async function importPackageCommand(ctx: Ctx, file: string, say: (message: string) => void) {
  const result = await packagesService.importPackage(ctx, readFileSync(file));
  say(
    `Imported the package of ${result.nation}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`,
  );
  for (const table of result.tables)
    if (table.created || table.updated)
      say(`  ${table.table}: ${table.created} created, ${table.updated} updated`);
}
