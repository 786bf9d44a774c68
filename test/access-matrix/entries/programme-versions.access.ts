import { type AccessEntry, access, type MatrixContext } from "../matrix.js";
import { nextYear } from "./programmes.access.js";

type Scope = "in" | "out";

/** Readers of a restricted programme of the scope's nation and organisation (as in programmes.access.ts). */
const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});

/** A restricted programme of the scope with one submitted version. */
async function submittedProgramme(ctx: MatrixContext, scope: Scope) {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const year = nextYear[scope]++;
  const programme = await ctx.db
    .insertInto("annualProgramme")
    .values({
      nationId: owner.nationId,
      firstYear: year,
      lastYear: year,
      title: "Matrix submitted programme",
      status: "submitted",
      ownerNationId: owner.nationId,
      ownerOrganisationId: owner.organisationId,
      releasability: "restricted",
      releaseNations: [],
      releaseOrganisations: [],
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto("annualProgrammeVersion")
    .values({
      programmeId: programme.id,
      version: 1,
      snapshot: JSON.stringify({
        title: "Matrix submitted programme",
        firstYear: year,
        lastYear: year,
        planId: null,
        note: null,
        items: [],
      }),
      submittedBy: null,
    })
    .execute();
  return programme.id;
}

export const accessEntries: AccessEntry[] = [
  {
    method: "GET",
    url: "/api/annual-programmes/:id/versions",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await submittedProgramme(ctx, scope)}/versions`,
    }),
  },
  {
    method: "GET",
    url: "/api/annual-programmes/:id/versions/:version",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await submittedProgramme(ctx, scope)}/versions/1`,
    }),
  },
];
