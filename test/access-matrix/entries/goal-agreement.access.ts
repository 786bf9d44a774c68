import { type AccessEntry, access, type MatrixContext } from "../matrix.js";

type Scope = "in" | "out";

/** A proposed goal of the scope's nation, restricted to it; `partnerAgreed` with the partner's agreement given. */
async function proposedGoal(ctx: MatrixContext, scope: Scope, partnerAgreed = false) {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  return (
    await ctx.db
      .insertInto("partnershipGoal")
      .values({
        nationId: owner.nationId,
        code: `MATRIX-GA-${ctx.unique()}`,
        title: "Matrix goal to agree",
        areaCode: "cyber_defence",
        agreedYear: 2024,
        status: "proposed",
        partnerAgreedAt: partnerAgreed ? new Date() : null,
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability: "restricted",
        releaseNations: [],
        releaseOrganisations: [],
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * Agreement of a partnership goal by both sides (issue 22). The entries take the partner's side: the coordinators
 * of the goal's nation, never administrators (goal.agree.partner). The alliance side (alliance staff,
 * goal.agree.alliance) is held in src/modules/programmes/goal-agreement.test.ts.
 */
export const accessEntries: AccessEntry[] = [
  {
    method: "POST",
    url: "/api/partnership-goals/:id/agreements/:side",
    access: access({ national_coordinator: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/partnership-goals/${await proposedGoal(ctx, scope)}/agreements/partner`,
    }),
  },
  {
    method: "DELETE",
    url: "/api/partnership-goals/:id/agreements/:side",
    access: access({ national_coordinator: "scope" }),
    request: async (ctx, scope) => ({
      url: `/api/partnership-goals/${await proposedGoal(ctx, scope, true)}/agreements/partner`,
    }),
  },
];
