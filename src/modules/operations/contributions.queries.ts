import { sql } from "kysely";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { FundContributionQuery } from "./operations.schemas.js";
import { codeNameRef, nationRef, organisationRef, type Q, releaseColumns } from "./shared.queries.js";

// ------------------------------------------------------------------ trust funds
export function listTrustFunds(db: Q) {
  return db
    .selectFrom("trustFund as f")
    .select(["f.id", "f.code", "f.name"])
    .select((eb) => [
      codeNameRef(eb, "operation", "f.operation_id").as("operation"),
      organisationRef(eb, "f.managing_organisation_id").as("managingOrganisation"),
    ])
    .orderBy("f.code")
    .execute();
}

const contributionBase = (db: Q, viewer: Viewer, query: FundContributionQuery) => {
  let base = db.selectFrom("fundContribution").where(visibleTo(viewer, "fund_contribution"));
  if (query.trustFundId) base = base.where("fundContribution.trustFundId", "=", query.trustFundId);
  if (query.nationId) base = base.where("fundContribution.nationId", "=", query.nationId);
  if (query.year) base = base.where("fundContribution.year", "=", query.year);
  return base;
};

const contributionSelect = (db: Q) =>
  db
    .selectFrom("fundContribution")
    .select([
      "fundContribution.id",
      "fundContribution.trustFundId",
      "fundContribution.nationId",
      "fundContribution.year",
      "fundContribution.currency",
      "fundContribution.note",
      "fundContribution.sample",
      ...releaseColumns("fundContribution"),
    ])
    .select((eb) => [
      sql<string>`fund_contribution.pledged::text`.as("pledged"),
      sql<string>`fund_contribution.paid::text`.as("paid"),
      sql<string>`(fund_contribution.pledged - fund_contribution.paid)::text`.as("outstanding"),
      codeNameRef(eb, "trustFund", "fund_contribution.trust_fund_id").$notNull().as("trustFund"),
      nationRef(eb, "fund_contribution.nation_id").$notNull().as("nation"),
    ]);

export async function listFundContributions(db: Q, viewer: Viewer, query: FundContributionQuery) {
  const base = contributionBase(db, viewer, query);
  const ids = base.select("fundContribution.id");
  return pageOf(
    query,
    contributionSelect(db)
      .where("fundContribution.id", "in", ids)
      .orderBy("fundContribution.year", "desc")
      .orderBy("fundContribution.id"),
    base,
  );
}

export function fundTotals(db: Q, viewer: Viewer, query: FundContributionQuery) {
  return contributionBase(db, viewer, query)
    .select([
      "fundContribution.year",
      "fundContribution.currency",
      sql<string>`sum(fund_contribution.pledged)::text`.as("pledged"),
      sql<string>`sum(fund_contribution.paid)::text`.as("paid"),
    ])
    .groupBy(["fundContribution.year", "fundContribution.currency"])
    .orderBy("fundContribution.year")
    .orderBy("fundContribution.currency")
    .execute();
}

export function findFundContribution(db: Q, viewer: Viewer, id: string) {
  return contributionSelect(db)
    .where("fundContribution.id", "=", id)
    .where(visibleTo(viewer, "fund_contribution"))
    .executeTakeFirst();
}
