import { Type } from "typebox";
import { routeTable } from "../../platform/http/route-table.js";
import { created, ok, Page } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import * as service from "./contributions.service.js";
import {
  FundContribution,
  FundContributionInput,
  FundContributionPatch,
  FundContributionQuery,
  FundTotals,
  TrustFund,
} from "./operations.schemas.js";

/** Trust funds and the nations' contributions to them. */
export const contributionRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- trust funds
  const funds = routeTable(app, ["operations: trust funds and contributions"]);
  funds.get("/api/trust-funds", { response: ok(Type.Object({ items: Type.Array(TrustFund) })) }, (ctx) =>
    service.listTrustFunds(ctx),
  );
  const contribution = funds.records("/api/fund-contributions");
  contribution.list(
    "Financial contributions to trust funds the caller may see",
    { query: FundContributionQuery, response: ok(Page(FundContribution)) },
    service.listFundContributions,
  );
  funds.get(
    "/api/fund-contributions/totals",
    "Pledged and paid by year and currency, over the contributions the caller may see",
    { query: FundContributionQuery, response: ok(FundTotals) },
    (ctx, { query }) => service.fundTotals(ctx, query),
  );
  contribution.create(
    { body: FundContributionInput, response: created(FundContribution) },
    service.createFundContribution,
  );
  contribution.update(
    { body: FundContributionPatch, response: ok(FundContribution) },
    service.updateFundContribution,
  );
};
