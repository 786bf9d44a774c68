import { type AccessEntry, access, type MatrixContext } from "../matrix.js";
import { nextYear } from "./programmes.access.js";

type Scope = "in" | "out";

/** Owner editors (isOwnerEditor), as for a single item: the owning nation's coordinators and organisation's staff. */
const EDITORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});

async function programme(ctx: MatrixContext, scope: Scope) {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const year = nextYear[scope]++;
  return (
    await ctx.db
      .insertInto("annualProgramme")
      .values({
        nationId: owner.nationId,
        firstYear: year,
        lastYear: year,
        title: "Matrix bulk programme",
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

/** A public, published activity with an area of cooperation, new for each request. */
async function activity(ctx: MatrixContext) {
  const { id } = await ctx.db
    .insertInto("activity")
    .values({
      code: `MATRIX-BULK-${ctx.unique()}`,
      titleEn: "Matrix bulk activity",
      kind: "seminar",
      menuYear: 2027,
      organiserId: ctx.outOfScope.organisationId,
      status: "published",
      ownerOrganisationId: ctx.outOfScope.organisationId,
      releasability: "public",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto("activityArea").values({ activityId: id, areaCode: "cyber_defence" }).execute();
  return id;
}

export const accessEntries: AccessEntry[] = [
  {
    method: "POST",
    url: "/api/annual-programmes/:id/items/bulk",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await programme(ctx, scope)}/items/bulk`,
      body: { activityIds: [await activity(ctx), await activity(ctx)] },
    }),
  },
];
