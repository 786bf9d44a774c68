import {
  createOrUpdate,
  createPlan,
  knownIds,
  type ReadRow,
  serviceRowsImporter,
  updatePlan,
} from "../../platform/import-rows.js";
import { headers as h, NATION_HEADERS } from "../../platform/importer.js";
import { createFundContribution, updateFundContribution } from "./contributions.service.js";
import { contributionImportCodes, contributionsByKey } from "./contributions-import.queries.js";
import type { FundContributionInput, FundContributionPatch } from "./operations.schemas.js";

/**
 * Import of nations' contributions to trust funds: one row per fund, nation, year and currency (the natural key,
 * unique in the database). A known key updates the pledged and paid amounts and the note where the file differs,
 * so importing the same file again changes nothing; the fund-contributions export has these headers and imports
 * back. Every write is the module's own `createFundContribution`/`updateFundContribution`: the owner-nation
 * scope check (a coordinator imports only their nation's contributions), paid ≤ pledged, and their audit entries.
 */

export const CONTRIBUTION_FIELDS = [
  {
    key: "trustFund",
    required: true,
    headers: h(["trust fund", "fund", "trust fund code"], ["etimad fondu", "fond"], ["целевой фонд", "фонд"]),
  },
  { key: "nation", required: true, headers: NATION_HEADERS },
  { key: "year", required: true, headers: h(["year"], ["il"], ["год"]) },
  { key: "currency", required: true, headers: h(["currency"], ["valyuta"], ["валюта"]) },
  { key: "pledged", required: true, headers: h(["pledged", "pledged amount"], ["vəd edilib"], ["обещано"]) },
  { key: "paid", headers: h(["paid", "paid amount"], ["ödənilib"], ["оплачено"]) },
  { key: "note", headers: h(["note", "comment"], ["qeyd"], ["примечание"]) },
];

export type ContributionRowPlan =
  | { create: FundContributionInput }
  | { id: string; patch: FundContributionPatch };

const COLUMN_OF = {
  trustFundId: "trustFund",
  nationId: "nation",
  ownerNationId: "nation",
  year: "year",
  currency: "currency",
  pledged: "pledged",
  paid: "paid",
  note: "note",
};

/** "1 234,50", "1234.5", "1234" → "1234.50"-like text the schema takes, or null. */
function money(text: string): string | null {
  let value = text.replace(/[\s\u00a0']/g, "");
  if (/^\d+,\d{1,2}$/.test(value)) value = value.replace(",", ".");
  else value = value.replace(/,/g, "");
  return /^[0-9]{1,12}(\.[0-9]{1,2})?$/.test(value) ? value : null;
}
const cents = (value: string | number) => Math.round(Number(value) * 100);

export const contributionsImporter = serviceRowsImporter({
  kind: "contributions",
  fields: CONTRIBUTION_FIELDS,
  columns: COLUMN_OF,
  refusedColumn: "nation",
  record: "contribution",
  write: createOrUpdate(createFundContribution, updateFundContribution),

  async lookups(ctx, db, rows) {
    const codes = await contributionImportCodes(db);
    const fundIds = knownIds(rows, "trustFund", codes.fund);
    const nationIds = knownIds(rows, "nation", codes.nation);
    return { codes, existing: await contributionsByKey(db, ctx.viewer, fundIds, nationIds) };
  },

  readRow(
    { row, mapped, problem, text, known },
    { codes, existing },
  ): ReadRow<ContributionRowPlan> | undefined {
    const trustFundId = known("trustFund", codes.fund, "trust fund");
    const nationId = known("nation", codes.nation, "nation");
    const year = Number(text("year"));
    if (!/^\d{4}$/.test(text("year")) || year < 1990 || year > 2200)
      problem("year", "must be a year between 1990 and 2200");
    const currency = text("currency").toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) problem("currency", "must be a three-letter ISO 4217 code");
    const pledged = money(text("pledged"));
    if (!pledged) problem("pledged", "must be an amount with at most two decimals");
    const paid = text("paid") ? money(text("paid")) : undefined;
    if (paid === null) problem("paid", "must be an amount with at most two decimals");
    if (pledged && paid && cents(paid) > cents(pledged))
      problem("paid", "must not exceed the pledged amount");
    if (text("note").length > 2000) problem("note", "is longer than 2000 characters");
    if (!trustFundId || !nationId || !pledged) return undefined;
    const key = `${trustFundId} ${nationId} ${year} ${currency}`;
    const plan = () => {
      const note = text("note") || null;
      const stored = existing.get(key);
      if (stored && !stored.visible) {
        problem("nation", "the contribution exists and you cannot see it");
        return undefined;
      }
      const display = `${text("trustFund").toUpperCase()} / ${text("nation").toUpperCase()} / ${year} / ${currency}`;
      if (!stored) {
        const create = {
          trustFundId,
          nationId,
          year,
          currency,
          pledged,
          ...(paid ? { paid } : {}),
          ...(note ? { note } : {}),
        };
        return createPlan<ContributionRowPlan>(row, display, { create });
      }
      const patch: FundContributionPatch = {};
      if (cents(stored.pledged) !== cents(pledged)) patch.pledged = pledged;
      if (paid && cents(stored.paid) !== cents(paid)) patch.paid = paid;
      if (mapped.has("note") && (stored.note ?? null) !== note) patch.note = note;
      return updatePlan<ContributionRowPlan>(row, display, patch, { id: stored.id, patch });
    };
    return { key, plan };
  },
});
