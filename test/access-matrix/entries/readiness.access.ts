import { sql } from "kysely";
import * as queries from "../../../src/modules/readiness/readiness.queries.js";
import { certifiedPeople } from "../../../src/modules/training/index.js";
import { type AccessEntry, access, type MatrixContext, SIGNED_IN } from "../matrix.js";

/** Planners: administrators, the unit's national coordinator, the evaluating organisation's organisers. */
const PLANNERS = access({ administrator: "allow", national_coordinator: "scope", organiser: "scope" });
/**
 * Readers of an evaluation owned by the scope's nation and released to the scope's organisation. Evaluators who
 * are not on its team read nothing; the participant is a person of the owning nation.
 */
const READERS = access({
  administrator: "allow",
  auditor: "allow",
  national_coordinator: "scope",
  organiser: "scope",
  course_director: "scope",
  participant: "scope",
});
const CHECKLIST_WRITERS = access({
  administrator: "allow",
  organiser: "allow",
  national_coordinator: "allow",
});
const UNIT_KEEPERS = access({ administrator: "allow", national_coordinator: "scope" });

let day = 0;
/** A one-day evaluation window no other matrix evaluation uses, inside the demo certificates' validity. */
const nextDay = () => {
  const date = new Date(Date.UTC(2027, 6, 1) + day++ * 86_400_000);
  return date.toISOString().slice(0, 10);
};

async function unitOf(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const code = `MATRIX-UNIT-${ctx.unique()}`;
  return (
    await ctx.db
      .insertInto("organisation")
      .values({ code, nameEn: `Matrix unit ${code}`, kind: "unit", nationId: owner.nationId })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}

async function version(ctx: MatrixContext) {
  const template = await ctx.db
    .insertInto("checklistTemplate")
    .values({ code: `MATRIX-CL-${ctx.unique()}`, title: "Matrix checklist" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await ctx.db
    .insertInto("checklistVersion")
    .values({ templateId: template.id, version: 1 })
    .returning("id")
    .executeTakeFirstOrThrow();
  await queries.insertVersionContent(ctx.db, row.id, [
    { code: "A", title: "Area A", criteria: [{ code: "A1", text: "Criterion A1" }] },
  ]);
  const criterion = await ctx.db
    .selectFrom("checklistCriterion")
    .select("id")
    .where("versionId", "=", row.id)
    .executeTakeFirstOrThrow();
  return { templateId: template.id, versionId: row.id, criterionId: criterion.id };
}

/** An evaluation of a unit of the scope's nation, evaluated by (released to) the scope's organisation. */
async function evaluation(ctx: MatrixContext, scope: "in" | "out", answered = false) {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const unitId = await unitOf(ctx, scope);
  const checklist = await version(ctx);
  const date = nextDay();
  const row = await ctx.db
    .insertInto("evaluation")
    .values({
      unitId,
      checklistVersionId: checklist.versionId,
      kind: "alliance_evaluation_l1",
      title: "Matrix evaluation",
      startsOn: date,
      endsOn: date,
      evaluatingOrganisationId: owner.organisationId,
      ownerNationId: owner.nationId,
      releasability: "restricted",
      releaseOrganisations: [owner.organisationId],
    })
    .returning(["id", "startsOn", "endsOn"])
    .executeTakeFirstOrThrow();
  await sql`insert into evaluation_answer (evaluation_id, criterion_id, answer)
    values (${row.id}, ${checklist.criterionId}, ${answered ? "yes" : null})`.execute(ctx.db);
  return { ...row, unitId, ...checklist };
}

/** A certified graduate of neither scope nation (the team rules let them join any matrix evaluation). */
async function evaluatorFor(ctx: MatrixContext) {
  const people = await certifiedPeople(ctx.db, "CREVAL-EVALUATOR", "2027-07-01");
  const person = people.find(
    (p) =>
      p.nationId !== ctx.inScope.nationId &&
      p.nationId !== ctx.outOfScope.nationId &&
      (p.validUntil === null || p.validUntil >= "2028-12-31"),
  );
  if (!person) throw new Error("No certified evaluator in the demo data");
  return person.personId;
}

export const accessEntries: AccessEntry[] = [
  { method: "GET", url: "/api/readiness/units", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/readiness/units/:id",
    access: SIGNED_IN,
    request: async (ctx, scope) => ({ url: `/api/readiness/units/${await unitOf(ctx, scope)}` }),
  },
  {
    method: "PUT",
    url: "/api/readiness/units/:id/profile",
    access: UNIT_KEEPERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/units/${await unitOf(ctx, scope)}/profile`,
      body: { unitType: "Infantry", size: "company" },
    }),
  },
  {
    method: "POST",
    url: "/api/readiness/units/:id/declarations",
    access: UNIT_KEEPERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/units/${await unitOf(ctx, scope)}/declarations`,
      body: { poolName: "Matrix pool", declaredFrom: "2027-01-01" },
    }),
  },
  { method: "GET", url: "/api/readiness/checklists", access: SIGNED_IN },
  {
    method: "GET",
    url: "/api/readiness/checklists/:id",
    access: SIGNED_IN,
    request: async (ctx) => ({ url: `/api/readiness/checklists/${(await version(ctx)).templateId}` }),
  },
  {
    method: "POST",
    url: "/api/readiness/checklists",
    access: CHECKLIST_WRITERS,
    request: (ctx) => ({
      url: "/api/readiness/checklists",
      body: { code: `MATRIX-NEW-${ctx.unique()}`, title: "New checklist" },
    }),
  },
  {
    method: "POST",
    url: "/api/readiness/checklists/:id/versions",
    access: CHECKLIST_WRITERS,
    request: async (ctx) => ({
      url: `/api/readiness/checklists/${(await version(ctx)).templateId}/versions`,
      body: { areas: [{ code: "B", title: "Area B", criteria: [{ code: "B1", text: "Criterion B1" }] }] },
    }),
  },
  {
    method: "POST",
    url: "/api/readiness/checklists/:id/import",
    access: CHECKLIST_WRITERS,
    request: async (ctx) => {
      const boundary = "----matrixboundary";
      const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\nContent-Type: text/csv\r\n\r\narea,criterion code,criterion text\r\nArea,C1,Criterion\r\n\r\n--${boundary}--\r\n`;
      return {
        url: `/api/readiness/checklists/${(await version(ctx)).templateId}/import`,
        body,
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      };
    },
  },
  {
    method: "GET",
    url: "/api/readiness/checklist-versions/:id",
    access: SIGNED_IN,
    request: async (ctx) => ({ url: `/api/readiness/checklist-versions/${(await version(ctx)).versionId}` }),
  },
  {
    method: "PATCH",
    url: "/api/readiness/checklist-criteria/:id",
    access: CHECKLIST_WRITERS,
    request: async (ctx) => ({
      url: `/api/readiness/checklist-criteria/${(await version(ctx)).criterionId}`,
      body: { text: "Corrected" },
    }),
  },
  { method: "GET", url: "/api/readiness/evaluations", access: SIGNED_IN },
  {
    method: "POST",
    url: "/api/readiness/evaluations",
    access: PLANNERS,
    request: async (ctx, scope) => {
      const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
      const date = nextDay();
      return {
        url: "/api/readiness/evaluations",
        body: {
          unitId: await unitOf(ctx, scope),
          checklistVersionId: (await version(ctx)).versionId,
          kind: "self_evaluation_l1",
          title: "Matrix plan",
          startsOn: date,
          endsOn: date,
          evaluatingOrganisationId: owner.organisationId,
        },
      };
    },
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}`,
    }),
  },
  {
    method: "PATCH",
    url: "/api/readiness/evaluations/:id",
    access: PLANNERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}`,
      body: { state: "in_progress" },
    }),
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id/eligible-evaluators",
    access: PLANNERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/eligible-evaluators`,
    }),
  },
  {
    method: "POST",
    url: "/api/readiness/evaluations/:id/team",
    access: PLANNERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/team`,
      body: { personId: await evaluatorFor(ctx) },
    }),
  },
  {
    method: "DELETE",
    url: "/api/readiness/evaluations/:id/team/:memberId",
    access: PLANNERS,
    request: async (ctx, scope) => {
      const e = await evaluation(ctx, scope);
      const member = await ctx.db
        .insertInto("evaluationTeamMember")
        .values({
          evaluationId: e.id,
          personId: await evaluatorFor(ctx),
          period: `[${e.startsOn},${e.endsOn}]`,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/readiness/evaluations/${e.id}/team/${member.id}` };
    },
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id/checklist",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/checklist`,
    }),
  },
  {
    method: "PATCH",
    url: "/api/readiness/evaluations/:id/answers/:criterionId",
    // Only members of the evaluation's team answer; none of the matrix callers is on one.
    access: access({}),
    request: async (ctx, scope) => {
      const e = await evaluation(ctx, scope);
      return {
        url: `/api/readiness/evaluations/${e.id}/answers/${e.criterionId}`,
        body: { answer: "yes", version: 0 },
      };
    },
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id/results",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/results`,
    }),
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id/report.pdf",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope, true)).id}/report.pdf?lang=ru`,
    }),
  },
  {
    method: "GET",
    url: "/api/readiness/evaluations/:id/results/export",
    access: READERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/results/export`,
    }),
  },
  {
    method: "POST",
    url: "/api/readiness/evaluations/:id/findings",
    access: PLANNERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/findings`,
      body: { kind: "finding", text: "Matrix finding" },
    }),
  },
  {
    method: "DELETE",
    url: "/api/readiness/evaluations/:id/findings/:findingId",
    access: PLANNERS,
    request: async (ctx, scope) => {
      const e = await evaluation(ctx, scope);
      const finding = await ctx.db
        .insertInto("evaluationFinding")
        .values({ evaluationId: e.id, kind: "finding", text: "Matrix finding" })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/readiness/evaluations/${e.id}/findings/${finding.id}` };
    },
  },
  {
    method: "POST",
    url: "/api/readiness/evaluations/:id/actions",
    access: PLANNERS,
    request: async (ctx, scope) => {
      const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
      return {
        url: `/api/readiness/evaluations/${(await evaluation(ctx, scope)).id}/actions`,
        body: { title: "Matrix action", ownerOrganisationId: owner.organisationId, dueOn: "2028-01-31" },
      };
    },
  },
  {
    method: "PATCH",
    url: "/api/readiness/evaluations/:id/actions/:actionId",
    access: PLANNERS,
    request: async (ctx, scope) => {
      const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
      const e = await evaluation(ctx, scope);
      const action = await ctx.db
        .insertInto("followUpAction")
        .values({
          evaluationId: e.id,
          title: "Matrix action",
          ownerOrganisationId: owner.organisationId,
          dueOn: "2028-01-31",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return { url: `/api/readiness/evaluations/${e.id}/actions/${action.id}`, body: { status: "done" } };
    },
  },
  {
    method: "POST",
    url: "/api/readiness/evaluations/:id/report",
    access: PLANNERS,
    request: async (ctx, scope) => ({
      url: `/api/readiness/evaluations/${(await evaluation(ctx, scope, true)).id}/report`,
      body: {},
    }),
  },
];
