import {
  type AccessEntry,
  ADMINISTRATORS,
  access,
  type MatrixContext,
  ownersFor,
  PUBLIC,
  SIGNED_IN,
} from "../matrix.js";

type Scope = "in" | "out";

/**
 * Readers of a restricted record owned by the scope's nation and organisation: administrators and global
 * auditors read everything; coordinators of the nation, people of the nation (the participant) and holders of the
 * organisation read their own.
 */
const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
  participant: "scope",
});
/** Owners edit (isOwnerEditor): the nation's coordinators and every role that manages the owning organisation. */
const OWNER_EDITORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});
/** New exercises: administrators, coordinators and organisers, each only for an owner they represent. */
const EXERCISE_CREATORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
});
/** Contingents and fund contributions belong to the contributing nation: only its coordinators record them. */
const NATION_CREATORS = access({ administrator: "allow", national_coordinator: "scope" });
/** An operation is changed by administrators and by those who manage its lead organisation. */
const OPERATION_EDITORS = access({
  administrator: "allow",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});

const ownerOf = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

/** A restricted exercise led and owned by the scope's organisation and owned by the scope's nation. */
async function exercise(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  return (
    await ctx.db
      .insertInto("exercise")
      .values({
        code: `MATRIX-EX-${ctx.unique()}`,
        name: "Matrix exercise",
        kind: "table_top",
        leadOrganisationId: owner.organisationId,
        startsOn: "2027-01-01",
        endsOn: "2027-12-31",
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability: "restricted",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function lesson(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  return (
    await ctx.db
      .insertInto("lesson")
      .values({
        exerciseId: await exercise(ctx, scope),
        title: "Matrix lesson",
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** An operation led by the scope's organisation. */
async function operation(ctx: MatrixContext, scope: Scope) {
  return (
    await ctx.db
      .insertInto("operation")
      .values({
        code: `MATRIX-OP-${ctx.unique()}`,
        name: "Matrix operation",
        leadOrganisationId: ownerOf(ctx, scope).organisationId,
        startsOn: "2020-01-01",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A restricted contingent of the scope's nation (owned by that nation and the scope's organisation). */
async function contingent(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  return (
    await ctx.db
      .insertInto("contingent")
      .values({
        operationId: await operation(ctx, scope),
        nationId: owner.nationId,
        name: "Matrix contingent",
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability: "restricted",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function rotation(ctx: MatrixContext, contingentId: string) {
  return (
    await ctx.db
      .insertInto("contingentRotation")
      .values({ contingentId, startsOn: "2021-01-01", endsOn: "2021-06-30" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A fresh trust fund, so that contributions never collide on (fund, nation, year, currency). */
async function trustFund(ctx: MatrixContext) {
  return (
    await ctx.db
      .insertInto("trustFund")
      .values({ code: `MATRIX-TF-${ctx.unique()}`, name: "Matrix trust fund" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function contribution(ctx: MatrixContext, scope: Scope) {
  const owner = ownerOf(ctx, scope);
  return (
    await ctx.db
      .insertInto("fundContribution")
      .values({
        trustFundId: await trustFund(ctx),
        nationId: owner.nationId,
        year: 2024,
        currency: "EUR",
        pledged: "1000.00",
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
        releasability: "restricted",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** An entry for a write below an exercise: the exercise's owners may, nobody else. */
function exerciseChild(
  method: AccessEntry["method"],
  url: string,
  build: (ctx: MatrixContext, scope: Scope, exerciseId: string) => Promise<{ path: string; body?: unknown }>,
): AccessEntry {
  return {
    method,
    url,
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const id = await exercise(ctx, scope);
      const { path, body } = await build(ctx, scope, id);
      return { url: `/api/exercises/${id}${path}`, body };
    },
  };
}

export const accessEntries: AccessEntry[] = [
  // ---------------------------------------------------------------- exercises
  { method: "GET", url: "/api/exercises", access: PUBLIC },
  {
    method: "GET",
    url: "/api/exercises/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/exercises/${await exercise(ctx, scope)}` }),
  },
  {
    method: "GET",
    url: "/api/exercises/:id/participation",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/exercises/${await exercise(ctx, scope)}/participation` }),
  },
  {
    method: "GET",
    url: "/api/exercises/:id/report.pdf",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/exercises/${await exercise(ctx, scope)}/report.pdf?lang=az`,
    }),
  },
  {
    method: "POST",
    url: "/api/exercises",
    access: EXERCISE_CREATORS,
    request: (ctx, scope) => {
      const owner = ownerOf(ctx, scope);
      return {
        url: "/api/exercises",
        body: {
          code: `MATRIX-NEW-${ctx.unique()}`,
          name: "Matrix new exercise",
          kind: "command_post",
          leadOrganisationId: owner.organisationId,
          startsOn: "2027-05-01",
          endsOn: "2027-05-10",
          ...ownersFor(ctx, scope),
          releasability: "restricted",
        },
      };
    },
  },
  {
    method: "PATCH",
    url: "/api/exercises/:id",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/exercises/${await exercise(ctx, scope)}`,
      body: { name: "Matrix renamed exercise" },
    }),
  },
  exerciseChild("POST", "/api/exercises/:id/stages", async (ctx, scope) => ({
    path: "/stages",
    body: {
      stageNo: 1,
      hostNationId: ownerOf(ctx, scope).nationId,
      startsOn: "2027-03-01",
      endsOn: "2027-03-05",
    },
  })),
  exerciseChild("DELETE", "/api/exercises/:id/stages/:stageId", async (ctx, scope, exerciseId) => {
    const stage = await ctx.db
      .insertInto("exerciseStage")
      .values({
        exerciseId,
        stageNo: 1,
        hostNationId: ownerOf(ctx, scope).nationId,
        startsOn: "2027-03-01",
        endsOn: "2027-03-05",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { path: `/stages/${stage.id}` };
  }),
  exerciseChild("POST", "/api/exercises/:id/participants", async (ctx, scope) => ({
    path: "/participants",
    body: {
      nationId: ownerOf(ctx, scope).nationId,
      role: "member",
      contributions: [{ kind: "personnel", category: "staff officers", quantity: 2 }],
    },
  })),
  exerciseChild("PATCH", "/api/exercises/:id/participants/:participantId", async (ctx, scope, exerciseId) => {
    const row = await ctx.db
      .insertInto("exerciseParticipant")
      .values({ exerciseId, nationId: ownerOf(ctx, scope).nationId, role: "member" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { path: `/participants/${row.id}`, body: { role: "observer" } };
  }),
  exerciseChild(
    "DELETE",
    "/api/exercises/:id/participants/:participantId",
    async (ctx, scope, exerciseId) => {
      const row = await ctx.db
        .insertInto("exerciseParticipant")
        .values({ exerciseId, nationId: ownerOf(ctx, scope).nationId, role: "member" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { path: `/participants/${row.id}` };
    },
  ),
  exerciseChild("POST", "/api/exercises/:id/conferences", async () => ({
    path: "/conferences",
    body: { kind: "initial", startsOn: "2027-02-01", endsOn: "2027-02-02" },
  })),
  exerciseChild(
    "PUT",
    "/api/exercises/:id/conferences/:conferenceId/attendance",
    async (ctx, scope, exerciseId) => {
      const row = await ctx.db
        .insertInto("planningConference")
        .values({ exerciseId, kind: "main", startsOn: "2027-02-01", endsOn: "2027-02-02" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return {
        path: `/conferences/${row.id}/attendance`,
        body: { entries: [{ nationId: ownerOf(ctx, scope).nationId, attendees: 3 }] },
      };
    },
  ),
  exerciseChild("POST", "/api/exercises/:id/milestones", async () => ({
    path: "/milestones",
    body: { title: "Matrix milestone", dueOn: "2027-04-01" },
  })),
  exerciseChild("PATCH", "/api/exercises/:id/milestones/:milestoneId", async (ctx, scope, exerciseId) => {
    const owner = ownerOf(ctx, scope);
    const row = await ctx.db
      .insertInto("exerciseMilestone")
      .values({
        exerciseId,
        title: "Matrix milestone",
        dueOn: "2027-04-01",
        ownerNationId: owner.nationId,
        ownerOrganisationId: owner.organisationId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return { path: `/milestones/${row.id}`, body: { doneOn: "2027-03-30" } };
  }),
  exerciseChild("POST", "/api/exercises/:id/objectives", async () => ({
    path: "/objectives",
    body: { text: "Matrix objective" },
  })),

  // ---------------------------------------------------------------- lessons
  { method: "GET", url: "/api/lessons", access: PUBLIC },
  {
    method: "GET",
    url: "/api/lessons/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/lessons/${await lesson(ctx, scope)}` }),
  },
  exerciseChild("POST", "/api/exercises/:id/lessons", async () => ({
    path: "/lessons",
    body: { title: "Matrix lesson", observation: "Observed in the matrix" },
  })),
  {
    method: "POST",
    url: "/api/lessons/:id/transition",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/lessons/${await lesson(ctx, scope)}/transition`,
      body: { to: "analysed" },
    }),
  },

  // ---------------------------------------------------------------- operations and contingents
  { method: "GET", url: "/api/operations", access: PUBLIC },
  {
    method: "GET",
    url: "/api/operations/:id",
    access: PUBLIC,
    request: async (ctx, scope) => ({ url: `/api/operations/${await operation(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/operations",
    access: ADMINISTRATORS,
    request: (ctx, scope) => ({
      url: "/api/operations",
      body: {
        code: `MATRIX-NEWOP-${ctx.unique()}`,
        name: "Matrix new operation",
        leadOrganisationId: ownerOf(ctx, scope).organisationId,
        startsOn: "2026-01-01",
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/operations/:id",
    access: OPERATION_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/operations/${await operation(ctx, scope)}`,
      body: { name: "Matrix renamed operation" },
    }),
  },
  { method: "GET", url: "/api/contingents", access: SIGNED_IN },
  { method: "GET", url: "/api/contingents/strength", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/contingents/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/contingents/${await contingent(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/contingents",
    access: NATION_CREATORS,
    request: async (ctx, scope) => ({
      url: "/api/contingents",
      body: {
        operationId: await operation(ctx, scope),
        nationId: ownerOf(ctx, scope).nationId,
        name: "Matrix new contingent",
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/contingents/:id",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/contingents/${await contingent(ctx, scope)}`,
      body: { note: "Matrix note" },
    }),
  },
  {
    method: "POST",
    url: "/api/contingents/:id/rotations",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/contingents/${await contingent(ctx, scope)}/rotations`,
      body: {
        startsOn: "2022-01-01",
        endsOn: "2022-06-30",
        strength: [{ category: "soldiers", count: 20 }],
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/contingents/:id/rotations/:rotationId",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const id = await contingent(ctx, scope);
      return {
        url: `/api/contingents/${id}/rotations/${await rotation(ctx, id)}`,
        body: { label: "Matrix rotation" },
      };
    },
  },
  {
    method: "DELETE",
    url: "/api/contingents/:id/rotations/:rotationId",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => {
      const id = await contingent(ctx, scope);
      return { url: `/api/contingents/${id}/rotations/${await rotation(ctx, id)}` };
    },
  },

  // ---------------------------------------------------------------- trust funds
  { method: "GET", url: "/api/trust-funds", access: SIGNED_IN },
  { method: "GET", url: "/api/fund-contributions", access: SIGNED_IN },
  { method: "GET", url: "/api/fund-contributions/totals", access: SIGNED_IN },
  {
    method: "POST",
    url: "/api/fund-contributions",
    access: NATION_CREATORS,
    request: async (ctx, scope) => ({
      url: "/api/fund-contributions",
      body: {
        trustFundId: await trustFund(ctx),
        nationId: ownerOf(ctx, scope).nationId,
        year: 2025,
        currency: "EUR",
        pledged: "500.00",
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/fund-contributions/:id",
    access: OWNER_EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/fund-contributions/${await contribution(ctx, scope)}`,
      body: { paid: "100.00" },
    }),
  },
];
