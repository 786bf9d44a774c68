import {
  type AccessEntry,
  ADMINISTRATORS,
  access,
  type MatrixContext,
  PUBLIC,
  SIGNED_IN,
} from "../matrix.js";

/** A restricted person owned by the nation and organisation of the scope: visible only to those who hold it. */
async function restrictedPerson(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const person = await ctx.db
    .insertInto("person")
    .values({
      givenName: "Matrix",
      familyName: `Person ${ctx.unique()}`,
      nationId: owner.nationId,
      ownerNationId: owner.nationId,
      ownerOrganisationId: owner.organisationId,
      releasability: "restricted",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const affiliation = await ctx.db
    .insertInto("personAffiliation")
    .values({ personId: person.id, organisationId: owner.organisationId })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: person.id, affiliationId: affiliation.id };
}

/** A three-letter code no nation uses yet. */
async function unusedNationCode(ctx: MatrixContext, first: string) {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const taken = new Set(
    (await ctx.db.selectFrom("nation").select("code").where("code", "like", `${first}%`).execute()).map(
      (n) => n.code,
    ),
  );
  for (const a of letters)
    for (const b of letters) if (!taken.has(`${first}${a}${b}`)) return `${first}${a}${b}`;
  throw new Error(`No nation code starting with ${first} is left`);
}

async function freshNation(ctx: MatrixContext) {
  const code = await unusedNationCode(ctx, "Q");
  const nation = await ctx.db
    .insertInto("nation")
    .values({ code, nameEn: `Matrix ${code}`, nameAz: code, nameRu: code, nonIsoCode: true })
    .returning("id")
    .executeTakeFirstOrThrow();
  const membership = await ctx.db
    .insertInto("nationMembership")
    .values({ nationId: nation.id, kind: "eapc", startedOn: "2000-01-01" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: nation.id, code, membershipId: membership.id };
}

/** A new organisation under the scope's organisation, so that it is inside (or outside) the caller's subtree. */
async function childOrganisation(ctx: MatrixContext, scope: "in" | "out") {
  const parent = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const code = `MATRIX-${ctx.unique()}`;
  return ctx.db
    .insertInto("organisation")
    .values({ code, nameEn: `Matrix ${code}`, kind: "unit", parentId: parent.organisationId })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** Owners edit their people: coordinators of the nation, organisers, directors and evaluators of the organisation. */
const PERSON_OWNERS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});

export const accessEntries: AccessEntry[] = [
  // ------------------------------------------------------------ nations: reference data
  { method: "GET", url: "/api/nations", access: PUBLIC },
  {
    method: "GET",
    url: "/api/nations/:id",
    access: PUBLIC,
    request: (ctx, scope) => ({
      url: `/api/nations/${scope === "in" ? ctx.inScope.nationId : ctx.outOfScope.nationId}`,
    }),
  },
  {
    method: "POST",
    url: "/api/nations",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      const code = await unusedNationCode(ctx, "X");
      // X.. codes are user-assigned, outside ISO 3166-1: the nation says so explicitly.
      return {
        url: "/api/nations",
        body: { code, nameEn: `Matrix ${code}`, nameAz: code, nameRu: code, nonIsoCode: true },
      };
    },
  },
  {
    method: "PATCH",
    url: "/api/nations/:id",
    access: ADMINISTRATORS,
    request: async (ctx) => ({
      url: `/api/nations/${(await freshNation(ctx)).id}`,
      body: { nameEn: "Renamed" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/nations/:id",
    access: ADMINISTRATORS,
    request: async (ctx) => ({ url: `/api/nations/${(await freshNation(ctx)).id}` }),
  },
  {
    method: "POST",
    url: "/api/nations/:id/memberships",
    access: ADMINISTRATORS,
    request: async (ctx) => ({
      url: `/api/nations/${(await freshNation(ctx)).id}/memberships`,
      body: { kind: "nacc", startedOn: "1992-03-01", startPrecision: "month" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/nations/:id/memberships/:membershipId",
    access: ADMINISTRATORS,
    request: async (ctx) => {
      const nation = await freshNation(ctx);
      return { url: `/api/nations/${nation.id}/memberships/${nation.membershipId}` };
    },
  },
  // ------------------------------------------------------------ organisations
  { method: "GET", url: "/api/organisations", access: PUBLIC },
  {
    method: "GET",
    url: "/api/organisations/:id",
    access: PUBLIC,
    request: (ctx, scope) => ({
      url: `/api/organisations/${scope === "in" ? ctx.inScope.organisationId : ctx.outOfScope.organisationId}`,
    }),
  },
  {
    method: "POST",
    url: "/api/organisations",
    access: ADMINISTRATORS,
    request: (ctx) => ({
      url: "/api/organisations",
      body: { code: `MATRIX-NEW-${ctx.unique()}`, nameEn: "Matrix organisation", kind: "unit" },
    }),
  },
  {
    method: "PATCH",
    url: "/api/organisations/:id",
    // Organisers, directors and evaluators keep the organisations they run (their subtree).
    access: access({
      administrator: "allow",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
    }),
    request: async (ctx, scope) => ({
      url: `/api/organisations/${(await childOrganisation(ctx, scope)).id}`,
      body: { city: "Baku" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/organisations/:id",
    access: ADMINISTRATORS,
    request: async (ctx, scope) => ({
      url: `/api/organisations/${(await childOrganisation(ctx, scope)).id}`,
    }),
  },
  // ------------------------------------------------------------ people: releasable records
  { method: "GET", url: "/api/people", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/people/:id",
    // The participant is a person of the scope's nation, and a nation's people read its restricted records.
    access: access({
      administrator: "allow",
      auditor: "allow",
      national_coordinator: "scope",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
      participant: "scope",
    }),
    request: async (ctx, scope) => ({ url: `/api/people/${(await restrictedPerson(ctx, scope)).id}` }),
  },
  {
    method: "POST",
    url: "/api/people",
    access: PERSON_OWNERS,
    request: (ctx, scope) => {
      const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
      return {
        url: "/api/people",
        body: {
          givenName: "New",
          familyName: `Person ${ctx.unique()}`,
          nationId: owner.nationId,
          organisationId: owner.organisationId,
          releasability: "restricted",
        },
      };
    },
  },
  {
    method: "PATCH",
    url: "/api/people/:id",
    access: PERSON_OWNERS,
    request: async (ctx, scope) => ({
      url: `/api/people/${(await restrictedPerson(ctx, scope)).id}`,
      body: { rankTitle: "Maj." },
    }),
  },
  {
    method: "DELETE",
    url: "/api/people/:id",
    access: PERSON_OWNERS,
    request: async (ctx, scope) => ({ url: `/api/people/${(await restrictedPerson(ctx, scope)).id}` }),
  },
  {
    method: "POST",
    url: "/api/people/:id/affiliations",
    access: PERSON_OWNERS,
    request: async (ctx, scope) => ({
      url: `/api/people/${(await restrictedPerson(ctx, scope)).id}/affiliations`,
      body: { organisationId: scope === "in" ? ctx.inScope.organisationId : ctx.outOfScope.organisationId },
    }),
  },
  {
    method: "DELETE",
    url: "/api/people/:id/affiliations/:affiliationId",
    access: PERSON_OWNERS,
    request: async (ctx, scope) => {
      const person = await restrictedPerson(ctx, scope);
      return { url: `/api/people/${person.id}/affiliations/${person.affiliationId}` };
    },
  },
];
