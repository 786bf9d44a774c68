import { type AccessEntry, access, type MatrixContext, ownersFor, SIGNED_IN } from "../matrix.js";

type Scope = "in" | "out";

/**
 * Readers of a restricted record owned by the scope's nation and organisation: the nation's coordinators and
 * people, the organisation's staff, global readers. Every programmes route needs a session.
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
/** Owner editors (isOwnerEditor): the owning nation's coordinators and the owning organisation's staff. */
const EDITORS = access({
  administrator: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  evaluator: "scope",
});
/** Records owned by a nation only (programmes, goals, milestones): created by its coordinators. */
const NATION_EDITORS = access({ administrator: "allow", national_coordinator: "scope" });

const owner = (ctx: MatrixContext, scope: Scope) => (scope === "in" ? ctx.inScope : ctx.outOfScope);

/** The release columns of a restricted record of the scope (released to nobody else). */
const restricted = (ctx: MatrixContext, scope: Scope) => ({
  ownerNationId: owner(ctx, scope).nationId,
  ownerOrganisationId: owner(ctx, scope).organisationId,
  releasability: "restricted" as const,
  releaseNations: [],
  releaseOrganisations: [],
});

async function framework(ctx: MatrixContext, scope: Scope) {
  return (
    await ctx.db
      .insertInto("frameworkDocument")
      .values({
        nationId: owner(ctx, scope).nationId,
        title: `Matrix framework ${ctx.unique()}`,
        kind: "framework_document",
        ...restricted(ctx, scope),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function frameworkFile(ctx: MatrixContext, scope: Scope) {
  const documentId = await framework(ctx, scope);
  const content = Buffer.from("Matrix evidence\n");
  const file = await ctx.db
    .insertInto("storedFile")
    .values({
      filename: "matrix.txt",
      contentType: "text/plain",
      sizeBytes: content.length,
      sha256: "0".repeat(64),
      content,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto("frameworkDocumentFile").values({ documentId, fileId: file.id }).execute();
  return { documentId, fileId: file.id };
}

async function plan(ctx: MatrixContext, scope: Scope) {
  return (
    await ctx.db
      .insertInto("plan")
      .values({
        code: `MATRIX-PLAN-${ctx.unique()}`,
        title: "Matrix plan",
        kind: "individually_tailored_partnership_programme",
        nationId: owner(ctx, scope).nationId,
        ...restricted(ctx, scope),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function period(ctx: MatrixContext, scope: Scope) {
  const planId = await plan(ctx, scope);
  const row = await ctx.db
    .insertInto("planPeriod")
    .values({ planId, number: 1, label: "2027-2028" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { planId, periodId: row.id };
}

async function statement(ctx: MatrixContext, scope: Scope) {
  const p = await period(ctx, scope);
  const row = await ctx.db
    .insertInto("periodStatement")
    .values({ periodId: p.periodId, startsOn: "2027-01-01", endsOn: "2028-12-31", source: "Matrix source" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { ...p, statementId: row.id };
}

async function objective(ctx: MatrixContext, scope: Scope) {
  const p = await period(ctx, scope);
  const row = await ctx.db
    .insertInto("planObjective")
    .values({
      planId: p.planId,
      periodId: p.periodId,
      code: "O1",
      areaCode: "cyber_defence",
      title: "Matrix objective",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function action(ctx: MatrixContext, scope: Scope) {
  const objectiveId = await objective(ctx, scope);
  return (
    await ctx.db
      .insertInto("planAction")
      .values({ objectiveId, title: "Matrix action", dueOn: "2027-06-30" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A nation's annual programmes never share a year: each of this module's matrix programmes takes the next. */
export const nextYear: Record<Scope, number> = { in: 2040, out: 2040 };

async function programme(ctx: MatrixContext, scope: Scope) {
  const year = nextYear[scope]++;
  return (
    await ctx.db
      .insertInto("annualProgramme")
      .values({
        nationId: owner(ctx, scope).nationId,
        firstYear: year,
        lastYear: year,
        title: "Matrix programme",
        ...restricted(ctx, scope),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function item(ctx: MatrixContext, scope: Scope) {
  const programmeId = await programme(ctx, scope);
  return (
    await ctx.db
      .insertInto("programmeItem")
      .values({ programmeId, title: "Matrix item", areaCode: "cyber_defence" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function goal(ctx: MatrixContext, scope: Scope) {
  return (
    await ctx.db
      .insertInto("partnershipGoal")
      .values({
        nationId: owner(ctx, scope).nationId,
        code: `MATRIX-G-${ctx.unique()}`,
        title: "Matrix goal",
        areaCode: "cyber_defence",
        agreedYear: 2024,
        status: "agreed",
        ...restricted(ctx, scope),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function milestone(ctx: MatrixContext, scope: Scope) {
  return (
    await ctx.db
      .insertInto("partnershipMilestone")
      .values({
        nationId: owner(ctx, scope).nationId,
        occurredOn: "2027-05-01",
        titleEn: `Matrix milestone ${ctx.unique()}`,
        source: "Matrix source",
        ...restricted(ctx, scope),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

/** A public, published activity anyone may link to. */
async function publicActivity(ctx: MatrixContext) {
  return (
    await ctx.db
      .insertInto("activity")
      .values({
        code: `MATRIX-PUB-${ctx.unique()}`,
        titleEn: "Matrix public activity",
        kind: "seminar",
        menuYear: 2027,
        organiserId: ctx.outOfScope.organisationId,
        status: "published",
        ownerOrganisationId: ctx.outOfScope.organisationId,
        releasability: "public",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

const multipartText = (text: string) => {
  const boundary = "----matrixboundary";
  return {
    body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="note.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n--${boundary}--\r\n`,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
};

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/plan-kinds", access: SIGNED_IN },
  // ------------------------------------------------------------ framework documents
  { method: "GET", url: "/api/frameworks", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/frameworks/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/frameworks/${await framework(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/frameworks",
    // Owned by the scope's nation and organisation: their coordinators and staff may create it.
    access: EDITORS,
    request: (ctx, scope) => ({
      url: "/api/frameworks",
      body: {
        nationId: owner(ctx, scope).nationId,
        title: `New framework ${ctx.unique()}`,
        kind: "framework_document",
        ...ownersFor(ctx, scope),
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/frameworks/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/frameworks/${await framework(ctx, scope)}`,
      body: { note: "Matrix note" },
    }),
  },
  {
    method: "POST",
    url: "/api/frameworks/:id/files",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/frameworks/${await framework(ctx, scope)}/files`,
      ...multipartText("Matrix attachment"),
    }),
  },
  {
    method: "GET",
    url: "/api/frameworks/:id/files/:fileId",
    access: READERS,
    request: async (ctx, scope) => {
      const f = await frameworkFile(ctx, scope);
      return { url: `/api/frameworks/${f.documentId}/files/${f.fileId}` };
    },
  },
  // ------------------------------------------------------------ plans, periods, objectives, actions
  { method: "GET", url: "/api/plans", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/plans/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/plans/${await plan(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/plans",
    access: EDITORS,
    request: (ctx, scope) => ({
      url: "/api/plans",
      body: {
        code: `MATRIX-NEWPLAN-${ctx.unique()}`,
        title: "New matrix plan",
        kind: "individually_tailored_partnership_programme",
        nationId: owner(ctx, scope).nationId,
        ...ownersFor(ctx, scope),
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/plans/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plans/${await plan(ctx, scope)}`,
      body: { title: "Renamed matrix plan" },
    }),
  },
  {
    method: "POST",
    url: "/api/plans/:id/periods",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plans/${await plan(ctx, scope)}/periods`,
      body: { number: 1, label: "2027-2028" },
    }),
  },
  {
    method: "POST",
    url: "/api/plans/:id/objectives",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plans/${await plan(ctx, scope)}/objectives`,
      body: { code: "O1", areaCode: "cyber_defence", title: "Matrix objective" },
    }),
  },
  {
    method: "GET",
    url: "/api/plan-periods/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/plan-periods/${(await period(ctx, scope)).periodId}` }),
  },
  {
    method: "POST",
    url: "/api/plan-periods/:id/statements",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plan-periods/${(await period(ctx, scope)).periodId}/statements`,
      body: { startsOn: "2027-01-01", endsOn: "2028-12-31", source: "Matrix source" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/plan-periods/:id/statements/:statementId",
    access: EDITORS,
    request: async (ctx, scope) => {
      const s = await statement(ctx, scope);
      return { url: `/api/plan-periods/${s.periodId}/statements/${s.statementId}` };
    },
  },
  {
    method: "GET",
    url: "/api/plan-periods/:id/report",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/plan-periods/${(await period(ctx, scope)).periodId}/report`,
    }),
  },
  {
    method: "GET",
    url: "/api/plan-periods/:id/report/export",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/plan-periods/${(await period(ctx, scope)).periodId}/report/export?format=csv`,
    }),
  },
  {
    method: "GET",
    url: "/api/plan-objectives/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/plan-objectives/${await objective(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/plan-objectives/:id/actions",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plan-objectives/${await objective(ctx, scope)}/actions`,
      body: { title: "New matrix action" },
    }),
  },
  {
    method: "PATCH",
    url: "/api/plan-actions/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plan-actions/${await action(ctx, scope)}`,
      body: { progress: 50, status: "in_progress" },
    }),
  },
  {
    method: "POST",
    url: "/api/plan-actions/:id/evidence",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/plan-actions/${await action(ctx, scope)}/evidence`,
      body: { url: "https://example.org/matrix-evidence" },
    }),
  },
  // ------------------------------------------------------------ annual programmes
  { method: "GET", url: "/api/annual-programmes", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/annual-programmes/comparison",
    // Open to the signed-in; the figures are filtered by releasability and the nation's nominations are
    // counted only for the nation and global readers (inside the service).
    access: SIGNED_IN,
    request: (ctx, scope) => ({
      url: `/api/annual-programmes/comparison?nationId=${owner(ctx, scope).nationId}&fromYear=2020&toYear=2027`,
    }),
  },
  {
    method: "GET",
    url: "/api/annual-programmes/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/annual-programmes/${await programme(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/annual-programmes",
    access: NATION_EDITORS,
    request: (ctx, scope) => {
      const year = nextYear[scope]++;
      return {
        url: "/api/annual-programmes",
        body: { nationId: owner(ctx, scope).nationId, firstYear: year, title: "New matrix programme" },
      };
    },
  },
  {
    method: "PATCH",
    url: "/api/annual-programmes/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await programme(ctx, scope)}`,
      body: { note: "Matrix note" },
    }),
  },
  {
    method: "POST",
    url: "/api/annual-programmes/:id/items",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await programme(ctx, scope)}/items`,
      body: { title: "Matrix own item", areaCode: "cyber_defence" },
    }),
  },
  {
    method: "PATCH",
    url: "/api/programme-items/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/programme-items/${await item(ctx, scope)}`,
      body: { note: "Matrix note" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/programme-items/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({ url: `/api/programme-items/${await item(ctx, scope)}` }),
  },
  {
    method: "GET",
    url: "/api/annual-programmes/:id/report",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await programme(ctx, scope)}/report`,
    }),
  },
  {
    method: "GET",
    url: "/api/annual-programmes/:id/report/export",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/annual-programmes/${await programme(ctx, scope)}/report/export?format=csv`,
    }),
  },
  // ------------------------------------------------------------ partnership goals
  { method: "GET", url: "/api/partnership-goals", access: SIGNED_IN },
  { method: "GET", url: "/api/partnership-goals/counts", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/partnership-goals/:id",
    access: READERS,
    request: async (ctx, scope) => ({ url: `/api/partnership-goals/${await goal(ctx, scope)}` }),
  },
  {
    method: "POST",
    url: "/api/partnership-goals",
    access: NATION_EDITORS,
    request: (ctx, scope) => ({
      url: "/api/partnership-goals",
      body: {
        nationId: owner(ctx, scope).nationId,
        code: `MATRIX-NG-${ctx.unique()}`,
        title: "New matrix goal",
        areaCode: "cyber_defence",
      },
    }),
  },
  {
    method: "PATCH",
    url: "/api/partnership-goals/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/partnership-goals/${await goal(ctx, scope)}`,
      body: { description: "Matrix description" },
    }),
  },
  {
    method: "POST",
    url: "/api/partnership-goals/:id/assessments",
    // goal.assess: alliance staff only (administrators, organisers of the alliance organisation), never the owner.
    access: access({ administrator: "allow" }),
    request: async (ctx, scope) => ({
      url: `/api/partnership-goals/${await goal(ctx, scope)}/assessments`,
      body: { cycleYear: 2025, rating: "largely_met" },
    }),
  },
  {
    method: "POST",
    url: "/api/partnership-goals/:id/activities",
    access: EDITORS,
    request: async (ctx, scope) => ({
      url: `/api/partnership-goals/${await goal(ctx, scope)}/activities`,
      body: { activityId: await publicActivity(ctx) },
    }),
  },
  // ------------------------------------------------------------ milestones and timeline
  {
    method: "GET",
    url: "/api/partnership-milestones",
    access: SIGNED_IN,
    request: (ctx, scope) => ({ url: `/api/partnership-milestones?nationId=${owner(ctx, scope).nationId}` }),
  },
  {
    method: "POST",
    url: "/api/partnership-milestones",
    access: NATION_EDITORS,
    request: (ctx, scope) => ({
      url: "/api/partnership-milestones",
      body: {
        nationId: owner(ctx, scope).nationId,
        occurredOn: "2027-05-01",
        titleEn: `New matrix milestone ${ctx.unique()}`,
        source: "Matrix source",
      },
    }),
  },
  {
    method: "DELETE",
    url: "/api/partnership-milestones/:id",
    access: EDITORS,
    request: async (ctx, scope) => ({ url: `/api/partnership-milestones/${await milestone(ctx, scope)}` }),
  },
  {
    method: "GET",
    url: "/api/partnership-timeline",
    access: SIGNED_IN,
    request: (ctx, scope) => ({ url: `/api/partnership-timeline?nationId=${owner(ctx, scope).nationId}` }),
  },
];
