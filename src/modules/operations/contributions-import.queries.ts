import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import type { Q } from "./shared.queries.js";

/** Reads of the contributions import (the writes go through contributions.service.ts). */

const byCode = (rows: { id: string; code: string }[]) =>
  new Map(rows.map((row) => [row.code.toUpperCase(), row.id]));

/** Trust-fund and nation codes a file may name, upper case. */
export async function contributionImportCodes(db: Q) {
  const [funds, nations] = await Promise.all([
    db.selectFrom("trustFund").select(["id", "code"]).execute(),
    db.selectFrom("nation").select(["id", "code"]).where("archivedAt", "is", null).execute(),
  ]);
  return { fund: byCode(funds), nation: byCode(nations) };
}

/**
 * The contributions of these funds and nations, whether or not the viewer sees them (the natural key is unique),
 * keyed "fundId nationId year currency".
 */
export async function contributionsByKey(db: Q, viewer: Viewer, fundIds: string[], nationIds: string[]) {
  if (!fundIds.length || !nationIds.length) return new Map();
  const rows = await db
    .selectFrom("fundContribution")
    .select(["id", "trustFundId", "nationId", "year", "currency", "pledged", "paid", "note"])
    .select((eb) => eb.and([visibleTo(viewer, "fund_contribution")(eb)]).as("visible"))
    .where("trustFundId", "in", fundIds)
    .where("nationId", "in", nationIds)
    .execute();
  return new Map(
    rows.map((row) => [
      `${row.trustFundId} ${row.nationId} ${row.year} ${row.currency}`,
      { ...row, pledged: String(row.pledged), paid: String(row.paid) },
    ]),
  );
}
