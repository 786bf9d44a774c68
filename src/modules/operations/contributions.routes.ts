import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { created, IdParams, ok, Page } from "../../platform/http/schemas.js";
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
  const funds = ["operations: trust funds and contributions"];
  app.get(
    "/api/trust-funds",
    { schema: { tags: funds, response: ok(Type.Object({ items: Type.Array(TrustFund) })) } },
    async (request) => service.listTrustFunds(ctxOf(request)),
  );
  app.get(
    "/api/fund-contributions",
    {
      schema: {
        tags: funds,
        summary: "Financial contributions to trust funds the caller may see",
        querystring: FundContributionQuery,
        response: ok(Page(FundContribution)),
      },
    },
    async (request) => service.listFundContributions(ctxOf(request), request.query),
  );
  app.get(
    "/api/fund-contributions/totals",
    {
      schema: {
        tags: funds,
        summary: "Pledged and paid by year and currency, over the contributions the caller may see",
        querystring: FundContributionQuery,
        response: ok(FundTotals),
      },
    },
    async (request) => service.fundTotals(ctxOf(request), request.query),
  );
  app.post(
    "/api/fund-contributions",
    { schema: { tags: funds, body: FundContributionInput, response: created(FundContribution) } },
    async (request, reply) =>
      reply.status(201).send(await service.createFundContribution(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/fund-contributions/:id",
    {
      schema: { tags: funds, params: IdParams, body: FundContributionPatch, response: ok(FundContribution) },
    },
    async (request) => service.updateFundContribution(ctxOf(request), request.params.id, request.body),
  );
};
