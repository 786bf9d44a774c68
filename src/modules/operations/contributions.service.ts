import "./operations.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { type ReleasableRecord, resolveRelease, withRelease } from "../../platform/access/releasability.js";
import { auditedInsert, auditedUpdate, patchColumns } from "../../platform/audited-write.js";
import { orNotFound, validation } from "../../platform/errors.js";
import { type Ctx, inTransaction } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./contributions.queries.js";

import type {
  FundContributionInput,
  FundContributionPatch,
  FundContributionQuery,
} from "./operations.schemas.js";

export async function listTrustFunds(ctx: Ctx) {
  authorize(ctx.viewer, "contribution.read");
  return { items: await queries.listTrustFunds(ctx.db) };
}

export async function listFundContributions(ctx: Ctx, query: FundContributionQuery) {
  authorize(ctx.viewer, "contribution.read");
  const page = await queries.listFundContributions(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map((row) => withCanEdit(ctx, row)) });
}

export async function fundTotals(ctx: Ctx, query: FundContributionQuery) {
  authorize(ctx.viewer, "contribution.read");
  return { totals: await queries.fundTotals(ctx.db, ctx.viewer, query) };
}

async function getFundContribution(ctx: Ctx, id: string) {
  const row = orNotFound(await queries.findFundContribution(ctx.db, ctx.viewer, id), "The contribution");
  return withCanEdit(ctx, row);
}

/** The release output of a contribution and whether the caller may change it (its nation's coordinators). */
function withCanEdit<T extends ReleasableRecord>(ctx: Ctx, row: T) {
  return { ...withRelease(row), canEdit: can(ctx.viewer, "contribution.update", row) };
}

const contributionConstraints = {
  fund_contribution_unique: [
    "body.year",
    "the nation already has a contribution to this fund for this year and currency",
  ],
} as const;

function checkPaid(pledged: string | number, paid: string | number | undefined) {
  if (paid !== undefined && Number(paid) > Number(pledged)) {
    throw validation("body.paid", "must not exceed the pledged amount");
  }
}

export async function createFundContribution(ctx: Ctx, input: FundContributionInput) {
  authorize(ctx.viewer, "contribution.create");
  checkPaid(input.pledged, input.paid);
  const { releasability, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  const release = resolveRelease(
    ctx.viewer,
    { ownerNationId: input.nationId, releasability, releaseNationIds, releaseOrganisationIds },
    { releasability: "restricted" },
  );
  const row = await inTransaction(ctx, (trx) =>
    auditedInsert(
      trx,
      ctx,
      "fundContribution",
      { ...fields, ...release },
      { action: "contribution.create", rules: contributionConstraints },
    ),
  );
  authorize(ctx.viewer, "contribution.read");
  return getFundContribution(ctx, row.id);
}

export async function updateFundContribution(ctx: Ctx, id: string, patch: FundContributionPatch) {
  authorize(ctx.viewer, "contribution.read");
  const current = orNotFound(await queries.findFundContribution(ctx.db, ctx.viewer, id), "The contribution");
  authorize(ctx.viewer, "contribution.update", current);
  await inTransaction(ctx, (trx) =>
    auditedUpdate(
      trx,
      ctx,
      "fundContribution",
      { id, missing: "The contribution" },
      (before) => {
        checkPaid(patch.pledged ?? before.pledged, patch.paid ?? before.paid);
        return patchColumns(patch);
      },
      { action: "contribution.update", rules: contributionConstraints },
    ),
  );
  return getFundContribution(ctx, id);
}
