import "./training.policy.js";
import { sql, type Transaction, type Updateable } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { AccreditationApplicationTable } from "../../db/schema/training.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput, resolveRelease } from "../../platform/access/releasability.js";
import { isAdministrator } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import {
  AppError,
  forbiddenField,
  invalidState,
  notFound,
  unprocessable,
  validation,
} from "../../platform/errors.js";
import { readStoredFile, storeFile, type UploadSource } from "../../platform/files.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import { assertMove, illegalTransition } from "../../platform/transitions.js";
import { notify } from "../notifications/index.js";
import {
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationState,
  type ApplicationStep,
  FINDING_TRANSITIONS,
  stepAllowed,
} from "./accreditation.transitions.js";
import { addYears } from "./assessment.js";
import type { ApplicationRecord } from "./training.policy.js";
import * as queries from "./training.queries.js";
import type {
  ApplicationInput,
  ApplicationQuery,
  DecisionInput,
  FindingInput,
  ReviewerInput,
  SelfAssessmentInput,
  VisitInput,
} from "./training.schemas.js";
import { today } from "./training.service.js";

export const DEFAULT_STANDARD_SET = "NATO-ET-QS";
/** The accrediting body: it reviews every application unless an administrator appoints another reviewer. */
export const ACCREDITING_BODY = "ACT";
/** Unconditional accreditation lasts about six years. */
export const DEFAULT_VALIDITY_YEARS = 6;
export const RENEWAL_REMINDER_DAYS = 180;

type State = ApplicationState;
const DECISIONS_BY_KIND: Record<string, string[]> = {
  accreditation: ["accredited", "accredited_with_conditions", "not_accredited"],
  partnership_training_centre_recognition: ["recognised", "not_recognised"],
};
const POSITIVE = new Set(["accredited", "accredited_with_conditions", "recognised"]);

const titles = (row: { titleEn: string; titleAz: string | null; titleRu: string | null }) => ({
  en: row.titleEn,
  az: row.titleAz,
  ru: row.titleRu,
});
const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);

const applicationRecord = (row: queries.ApplicationRow): ApplicationRecord => ({
  centreId: row.centreId,
  reviewingOrganisationId: row.reviewingOrganisationId,
  ownerNationId: row.ownerNationId,
  ownerOrganisationId: row.ownerOrganisationId,
  releasability: row.releasability,
  releaseNations: row.releaseNations,
  releaseOrganisations: row.releaseOrganisations,
});

function summaryOutput(row: queries.ApplicationRow) {
  return {
    id: row.id,
    centre: {
      id: row.centreId,
      code: row.centreCode,
      name: { en: row.centreNameEn, az: row.centreNameAz, ru: row.centreNameRu },
    },
    kind: row.kind,
    state: row.state,
    decision: row.decision,
    decidedOn: row.decidedOn,
    validUntil: row.validUntil,
    visitStartsOn: row.visitStartsOn,
    visitEndsOn: row.visitEndsOn,
    progress: row.progress,
    sample: row.sample,
    ...releaseOutput(applicationRecord(row)),
  };
}

export async function listStandardSets(ctx: Ctx) {
  authorize(ctx.viewer, "standard.read");
  const sets = await queries.standardSets(ctx.db);
  return sets.map((set) => ({
    id: set.id,
    code: set.code,
    title: titles(set),
    areas: set.areas.map((area) => ({
      id: area.id,
      code: area.code,
      title: titles(area),
      standards: area.standards.map((s) => ({
        id: s.id,
        code: s.code,
        title: titles(s),
        description: s.descriptionEn,
        sample: s.sample,
      })),
    })),
  }));
}

export async function listApplications(ctx: Ctx, query: ApplicationQuery) {
  authorize(ctx.viewer, "accreditation.list");
  const page = await queries.listApplications(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(summaryOutput) });
}

/** Dossiers whose accreditation or recognition ends within N days: the renewal list. */
export async function listExpiring(
  ctx: Ctx,
  query: { withinDays?: number; limit?: number; offset?: number },
) {
  authorize(ctx.viewer, "accreditation.list");
  const expiringBy = shiftDays(today(), query.withinDays ?? RENEWAL_REMINDER_DAYS);
  const page = await queries.listApplications(ctx.db, ctx.viewer, { ...query, expiringBy });
  return paged(query, { ...page, items: page.items.map(summaryOutput) });
}

const shiftDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function loadApplication(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "accreditation.list");
  const row = await queries.findApplication(ctx.db, ctx.viewer, id);
  if (!row) throw notFound("The accreditation application");
  authorize(ctx.viewer, "accreditation.read", applicationRecord(row));
  return row;
}

function allowedTransitions(ctx: Ctx, row: queries.ApplicationRow) {
  const record = applicationRecord(row);
  const mayEdit = can(ctx.viewer, "accreditation.edit", record);
  const mayReview = can(ctx.viewer, "accreditation.review", record);
  return (Object.keys(APPLICATION_STEPS) as ApplicationStep[]).filter(
    (name) => stepAllowed(name, row.state) && (APPLICATION_STEPS[name].who === "edit" ? mayEdit : mayReview),
  );
}

export async function getDossier(ctx: Ctx, id: string) {
  const row = await loadApplication(ctx, id);
  const parts = await queries.dossierParts(ctx.db, row);
  const findingOutput = (f: (typeof parts.findings)[number]) => ({
    ...f,
    closedAt: iso(f.closedAt),
    createdAt: iso(f.createdAt)!,
  });
  const areas = parts.areas.map((area) => {
    const standards = area.standards.map((standard) => {
      const assessment = parts.assessments.find((a) => a.standardId === standard.id);
      const evidence = parts.evidence
        .filter((e) => e.standardId === standard.id)
        .map(({ standardId: _s, ...e }) => ({ ...e, createdAt: iso(e.createdAt)! }));
      const findings = parts.findings.filter((f) => f.standardId === standard.id).map(findingOutput);
      const missing: string[] = [];
      if (!assessment) missing.push("self_assessment");
      if (evidence.length === 0) missing.push("evidence");
      if (findings.some((f) => f.status === "open" && f.kind !== "condition")) missing.push("open_finding");
      if (findings.some((f) => f.status === "open" && f.kind === "condition")) missing.push("open_condition");
      return {
        id: standard.id,
        code: standard.code,
        title: titles(standard),
        selfAssessment: assessment
          ? {
              rating: assessment.rating,
              narrative: assessment.narrative,
              updatedAt: iso(assessment.updatedAt)!,
            }
          : null,
        evidence,
        findings,
        missing,
      };
    });
    return {
      id: area.id,
      code: area.code,
      title: titles(area),
      standards,
      complete: standards.filter((s) => s.missing.length === 0).length,
    };
  });
  const record = applicationRecord(row);
  return {
    ...summaryOutput(row),
    standardSet: { id: parts.set.id, code: parts.set.code, title: titles(parts.set) },
    reviewingOrganisationId: row.reviewingOrganisationId,
    selfAssessmentDueOn: row.selfAssessmentDueOn,
    submittedAt: iso(row.submittedAt),
    visitedAt: iso(row.visitedAt),
    reportDueOn: row.reportDueOn,
    decisionNote: row.decisionNote,
    note: row.note,
    team: parts.team.filter((m) => m.person).map((m) => ({ person: m.person!, role: m.role })),
    areas,
    generalFindings: parts.findings.filter((f) => f.standardId === null).map(findingOutput),
    openConditions: parts.findings.filter((f) => f.kind === "condition" && f.status === "open").length,
    allowedTransitions: allowedTransitions(ctx, row),
    canEdit: can(ctx.viewer, "accreditation.edit", record),
    canReview: can(ctx.viewer, "accreditation.review", record),
  };
}

/**
 * The reviewer must be independent of the applicant: neither the centre nor an organisation above or below it
 * (the same rule as the database trigger of migration 0019, checked first to answer with the field).
 */
async function reviewerRelation(ctx: Ctx, centreId: string, reviewerId: string) {
  const { rows } = await sql<{ known: boolean; related: boolean }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = ${centreId}
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ), down(id) as (
      select id from organisation where id = ${centreId}
      union
      select o.id from organisation o join down on o.parent_id = down.id
    )
    select exists (select 1 from organisation where id = ${reviewerId}) as known,
      exists (select 1 from up where id = ${reviewerId}) or exists (select 1 from down where id = ${reviewerId}) as related`.execute(
    ctx.db,
  );
  return rows[0] ?? { known: false, related: false };
}

async function checkIndependentReviewer(ctx: Ctx, centreId: string, reviewerId: string) {
  const relation = await reviewerRelation(ctx, centreId, reviewerId);
  if (!relation.known) throw unprocessable("body.reviewingOrganisationId", "is not a known organisation");
  if (relation.related) {
    throw unprocessable(
      "body.reviewingOrganisationId",
      "is the applicant centre or an organisation above or below it: an applicant never reviews its own application",
    );
  }
}

export async function createApplication(ctx: Ctx, input: ApplicationInput) {
  const centre = await ctx.db
    .selectFrom("organisation")
    .select(["id", "nationId"])
    .where("id", "=", input.centreId)
    .executeTakeFirst();
  authorize(ctx.viewer, "accreditation.create", centre ?? { id: "", nationId: null });
  if (!centre) throw unprocessable("body.centreId", "is not a known organisation");
  // The accrediting body appoints the reviewer, never the applicant.
  if (input.reviewingOrganisationId !== undefined && !isAdministrator(ctx.viewer)) {
    throw forbiddenField(
      "body.reviewingOrganisationId",
      "The reviewer is appointed by the accrediting body (an administrator), not by the applicant",
    );
  }
  const standardSet = input.standardSetId
    ? await ctx.db
        .selectFrom("standardSet")
        .select("id")
        .where("id", "=", input.standardSetId)
        .executeTakeFirst()
    : await ctx.db
        .selectFrom("standardSet")
        .select("id")
        .where("code", "=", DEFAULT_STANDARD_SET)
        .executeTakeFirst();
  if (!standardSet) throw unprocessable("body.standardSetId", "is not a known standard set");
  const alliance = await ctx.db
    .selectFrom("organisation")
    .select(["id", "code"])
    .where("code", "in", ["NATO", ACCREDITING_BODY])
    .execute();
  // An administrator's choice must be independent; the accrediting body reviews by default unless it is not (a
  // centre of its own hierarchy), and then the application waits for an administrator to appoint a reviewer.
  let reviewerId: string | null = null;
  if (input.reviewingOrganisationId) {
    await checkIndependentReviewer(ctx, centre.id, input.reviewingOrganisationId);
    reviewerId = input.reviewingOrganisationId;
  } else {
    const body = alliance.find((o) => o.code === ACCREDITING_BODY)?.id;
    if (body && !(await reviewerRelation(ctx, centre.id, body)).related) reviewerId = body;
  }
  // Restricted by default: the centre and its nation own it; the alliance (NATO, ACT) and the reviewer read it.
  const release = resolveRelease(
    ctx.viewer,
    {
      ...input,
      releaseOrganisationIds: [
        ...new Set([
          ...(input.releaseOrganisationIds ?? alliance.map((o) => o.id)),
          ...(reviewerId ? [reviewerId] : []),
        ]),
      ],
    },
    { ownerNationId: centre.nationId, ownerOrganisationId: centre.id, releasability: "restricted" },
    // The centre and its nation own their application: "accreditation.create" authorised the writer for them.
    { ownerNationId: centre.nationId, ownerOrganisationId: centre.id },
  );
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await trx
        .insertInto("accreditationApplication")
        .values({
          centreId: centre.id,
          kind: input.kind,
          standardSetId: standardSet.id,
          reviewingOrganisationId: reviewerId,
          selfAssessmentDueOn: input.selfAssessmentDueOn ?? null,
          note: input.note ?? null,
          ...release,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, ctx, {
        action: "accreditation.create",
        recordType: "accreditation_application",
        recordId: row.id,
        after: row,
      });
      return row.id;
    })
    .catch((error: { code?: string }) => {
      if (error.code === "23505") {
        throw new AppError("CONFLICT", "The centre already has an application of this kind in progress", [
          { field: "body.kind", message: "an application of this kind is in progress" },
        ]);
      }
      throw error;
    });
  return getDossier(ctx, id);
}

/** The accrediting body (an administrator) appoints another reviewer before the decision; it may read the dossier. */
export async function appointReviewer(ctx: Ctx, id: string, input: ReviewerInput) {
  authorize(ctx.viewer, "accreditation.appoint_reviewer");
  const row = await loadApplication(ctx, id);
  if (row.state === "decided")
    throw invalidState("The application is decided: its reviewer no longer changes");
  await checkIndependentReviewer(ctx, row.centreId, input.reviewingOrganisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("accreditationApplication")
      .selectAll()
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const after = await trx
      .updateTable("accreditationApplication")
      .set({
        reviewingOrganisationId: input.reviewingOrganisationId,
        releaseOrganisations: [...new Set([...before.releaseOrganisations, input.reviewingOrganisationId])],
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "accreditation.appoint_reviewer",
      recordType: "accreditation_application",
      recordId: id,
      before,
      after,
    });
  });
  return getDossier(ctx, id);
}

/** Locks the application, checks the actor and the state, and refuses with 409 naming the current state. */
async function transition(
  ctx: Ctx,
  id: string,
  name: ApplicationStep,
  apply: (
    trx: Transaction<DB>,
    row: queries.ApplicationRow,
  ) => Promise<Updateable<AccreditationApplicationTable>>,
) {
  const t = APPLICATION_STEPS[name];
  const row = await loadApplication(ctx, id);
  authorize(
    ctx.viewer,
    t.who === "edit" ? "accreditation.edit" : "accreditation.review",
    applicationRecord(row),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockRow(trx, "accreditationApplication", { id, missing: "The application" });
    if (!stepAllowed(name, locked.state))
      throw illegalTransition(APPLICATION_TRANSITIONS, locked.state, t.to);
    const changes = await apply(trx, { ...row, state: locked.state });
    const after = await trx
      .updateTable("accreditationApplication")
      .set({ ...changes, state: t.to })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (after.state === "decided" && after.decision) {
      const centre = await trx
        .selectFrom("organisation")
        .select("nameEn")
        .where("id", "=", after.centreId)
        .executeTakeFirstOrThrow();
      await notify(trx, {
        recipients: [
          { users: await queries.centreContacts(trx, after.centreId) },
          {
            organisationStaff: { organisationIds: [after.centreId], roles: ["organiser", "course_director"] },
          },
        ],
        kind: "accreditation.decision",
        record: { type: "accreditation_application", id, link: `/training/accreditation/${id}` },
        title: `${centre.nameEn}: ${after.decision.replace(/_/g, " ")}`,
        body: after.decisionNote,
        params: { title: `${centre.nameEn}: ${after.decision.replace(/_/g, " ")}`, decision: after.decision },
        actorUserId: ctx.viewer.userId,
      });
    }
    await writeAudit(trx, ctx, {
      action: `accreditation.${name}`,
      recordType: "accreditation_application",
      recordId: id,
      before: locked,
      after,
    });
  });
  return getDossier(ctx, id);
}

export const startSelfAssessment = (ctx: Ctx, id: string) => transition(ctx, id, "start", async () => ({}));

export const submitApplication = (ctx: Ctx, id: string) =>
  transition(ctx, id, "submit", async (trx, row) => {
    const { rows } = await sql<{ code: string; assessed: boolean; evidenced: boolean }>`
      select st.code,
        exists (select 1 from accreditation_self_assessment sa where sa.application_id = ${id} and sa.standard_id = st.id) as assessed,
        exists (select 1 from accreditation_evidence ev where ev.application_id = ${id} and ev.standard_id = st.id) as evidenced
      from standard st join standard_area ar on ar.id = st.area_id
      where ar.standard_set_id = ${row.standardSetId} order by ar.sort_order, st.sort_order`.execute(trx);
    const unassessed = rows.filter((r) => !r.assessed).map((r) => r.code);
    const unevidenced = rows.filter((r) => !r.evidenced).map((r) => r.code);
    if (unassessed.length || unevidenced.length) {
      throw new AppError(
        "UNPROCESSABLE",
        `The self-assessment is incomplete: ${unassessed.length} standard(s) without a self-assessment, ${unevidenced.length} without evidence`,
        [
          ...(unassessed.length
            ? [{ field: "selfAssessment", message: `missing for ${unassessed.join(", ")}` }]
            : []),
          ...(unevidenced.length
            ? [{ field: "evidence", message: `missing for ${unevidenced.join(", ")}` }]
            : []),
        ],
      );
    }
    return { submittedAt: new Date() };
  });

export const planVisit = (ctx: Ctx, id: string, input: VisitInput) => {
  if (input.endsOn < input.startsOn) throw validation("body.endsOn", "must not be before the start date");
  return transition(ctx, id, "plan_visit", async (trx) => {
    await trx.deleteFrom("accreditationVisitMember").where("applicationId", "=", id).execute();
    await trx
      .insertInto("accreditationVisitMember")
      .values(input.team.map((m) => ({ applicationId: id, personId: m.personId, role: m.role ?? "member" })))
      .execute()
      .catch((error: { code?: string }) => {
        if (error.code === "23503") throw unprocessable("body.team", "names an unknown person");
        if (error.code === "23505") throw validation("body.team", "names a person twice");
        throw error;
      });
    return { visitStartsOn: input.startsOn, visitEndsOn: input.endsOn };
  });
};

export const recordVisit = (ctx: Ctx, id: string, reportDueOn: string | undefined) =>
  transition(ctx, id, "record_visit", async (_trx, row) => ({
    visitedAt: new Date(),
    // The report follows about four weeks after the visit.
    reportDueOn: reportDueOn ?? shiftDays(row.visitEndsOn ?? today(), 28),
  }));

export const decide = (ctx: Ctx, id: string, input: DecisionInput) =>
  transition(ctx, id, "decide", async (trx, row) => {
    if (!DECISIONS_BY_KIND[row.kind]!.includes(input.decision)) {
      throw validation(
        "body.decision",
        `for ${row.kind} must be one of ${DECISIONS_BY_KIND[row.kind]!.join(", ")}`,
      );
    }
    if (input.decision === "accredited_with_conditions") {
      const condition = await trx
        .selectFrom("accreditationFinding")
        .select("id")
        .where("applicationId", "=", id)
        .where("kind", "=", "condition")
        .where("status", "=", "open")
        .executeTakeFirst();
      if (!condition) {
        throw unprocessable(
          "body.decision",
          "record at least one open condition before accrediting with conditions",
        );
      }
    }
    const decidedOn = input.decidedOn ?? today();
    return {
      decision: input.decision,
      decidedOn,
      decisionNote: input.note ?? null,
      validUntil: POSITIVE.has(input.decision)
        ? addYears(decidedOn, input.validityYears ?? DEFAULT_VALIDITY_YEARS)
        : null,
    };
  });

const EDITABLE: State[] = ["draft", "self_assessment"];

async function checkStandard(ctx: Ctx, row: queries.ApplicationRow, standardId: string) {
  const standard = await ctx.db
    .selectFrom("standard as st")
    .innerJoin("standardArea as ar", "ar.id", "st.areaId")
    .select("st.id")
    .where("st.id", "=", standardId)
    .where("ar.standardSetId", "=", row.standardSetId)
    .executeTakeFirst();
  if (!standard) throw notFound("The standard");
}

export async function selfAssess(ctx: Ctx, id: string, standardId: string, input: SelfAssessmentInput) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await checkStandard(ctx, row, standardId);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("accreditationApplication")
      .select("state")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!EDITABLE.includes(locked.state as State)) {
      throw invalidState(`The application is ${locked.state}: the self-assessment can no longer change`);
    }
    const before = await trx
      .selectFrom("accreditationSelfAssessment")
      .selectAll()
      .where("applicationId", "=", id)
      .where("standardId", "=", standardId)
      .executeTakeFirst();
    const after = await trx
      .insertInto("accreditationSelfAssessment")
      .values({
        applicationId: id,
        standardId,
        rating: input.rating,
        narrative: input.narrative ?? null,
        updatedBy: ctx.viewer.userId,
      })
      .onConflict((oc) =>
        oc.columns(["applicationId", "standardId"]).doUpdateSet({
          rating: input.rating,
          narrative: input.narrative ?? null,
          updatedBy: ctx.viewer.userId,
          updatedAt: sql<Date>`now()`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "accreditation.self_assess",
      recordType: "accreditation_application",
      recordId: id,
      before: before ?? null,
      after,
    });
  });
  return getDossier(ctx, id);
}

export async function addEvidence(ctx: Ctx, source: UploadSource, id: string, standardId: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await checkStandard(ctx, row, standardId);
  if (!EDITABLE.includes(row.state as State)) {
    throw invalidState(`The application is ${row.state}: evidence can no longer be added`);
  }
  const upload = await source(ctx.config.uploadLimitBytes);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("accreditationApplication")
      .select("state")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!EDITABLE.includes(locked.state as State)) {
      throw invalidState(`The application is ${locked.state}: evidence can no longer be added`);
    }
    const file = await storeFile(trx, ctx, upload);
    const evidence = await trx
      .insertInto("accreditationEvidence")
      .values({ applicationId: id, standardId, fileId: file.id, createdBy: ctx.viewer.userId })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "accreditation.evidence.add",
      recordType: "accreditation_application",
      recordId: id,
      after: { ...evidence, filename: file.filename },
    });
  });
  return getDossier(ctx, id);
}

export async function evidenceFile(ctx: Ctx, id: string, evidenceId: string) {
  await loadApplication(ctx, id);
  const evidence = await ctx.db
    .selectFrom("accreditationEvidence")
    .select("fileId")
    .where("id", "=", evidenceId)
    .where("applicationId", "=", id)
    .executeTakeFirst();
  if (!evidence) throw notFound("The evidence");
  return readStoredFile(ctx.db, evidence.fileId);
}

export async function removeEvidence(ctx: Ctx, id: string, evidenceId: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.edit", applicationRecord(row));
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("accreditationApplication")
      .select("state")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!EDITABLE.includes(locked.state as State)) {
      throw invalidState(`The application is ${locked.state}: evidence can no longer be removed`);
    }
    const removed = await trx
      .deleteFrom("accreditationEvidence")
      .where("id", "=", evidenceId)
      .where("applicationId", "=", id)
      .returningAll()
      .executeTakeFirst();
    if (!removed) throw notFound("The evidence");
    await writeAudit(trx, ctx, {
      action: "accreditation.evidence.remove",
      recordType: "accreditation_application",
      recordId: id,
      before: removed,
    });
  });
  return getDossier(ctx, id);
}

const FINDING_STATES: Record<string, State[]> = {
  finding: ["visit_planned", "visited"],
  recommendation: ["visit_planned", "visited", "decided"],
  condition: ["visited", "decided"],
};

export async function addFinding(ctx: Ctx, id: string, input: FindingInput) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.review", applicationRecord(row));
  if (input.standardId) await checkStandard(ctx, row, input.standardId);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom("accreditationApplication")
      .select("state")
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (!FINDING_STATES[input.kind]!.includes(locked.state as State)) {
      throw invalidState(
        `The application is ${locked.state}: a ${input.kind} can be recorded only when it is ${FINDING_STATES[input.kind]!.join(" or ")}`,
      );
    }
    const finding = await trx
      .insertInto("accreditationFinding")
      .values({
        applicationId: id,
        standardId: input.standardId ?? null,
        kind: input.kind,
        text: input.text,
        dueOn: input.dueOn ?? null,
        createdBy: ctx.viewer.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "accreditation.finding.add",
      recordType: "accreditation_finding",
      recordId: finding.id,
      after: finding,
    });
  });
  return getDossier(ctx, id);
}

export async function closeFinding(ctx: Ctx, id: string, findingId: string, closureNote: string) {
  const row = await loadApplication(ctx, id);
  authorize(ctx.viewer, "accreditation.review", applicationRecord(row));
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockRow(trx, "accreditationFinding", {
      id: findingId,
      scope: { applicationId: id },
      missing: "The finding",
    });
    assertMove(FINDING_TRANSITIONS, before.status, "closed");
    const after = await trx
      .updateTable("accreditationFinding")
      .set({ status: "closed", closedAt: sql<Date>`now()`, closureNote })
      .where("id", "=", findingId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: "accreditation.finding.close",
      recordType: "accreditation_finding",
      recordId: findingId,
      before,
      after,
    });
  });
  return getDossier(ctx, id);
}

/**
 * Renewal reminders: one in-app notification per contact of each centre whose accreditation or recognition ends
 * within the period, never twice for the same application and person.
 */
export async function sendRenewalReminders(ctx: Ctx, withinDays = RENEWAL_REMINDER_DAYS) {
  authorize(ctx.viewer, "accreditation.remind");
  const expiringBy = shiftDays(today(), withinDays);
  const due = await ctx.db
    .selectFrom("accreditationApplication as app")
    .innerJoin("organisation as o", "o.id", "app.centreId")
    .select(["app.id", "app.centreId", "app.kind", "app.validUntil", "o.nameEn"])
    .where("app.state", "=", "decided")
    .where("app.validUntil", ">=", today())
    .where("app.validUntil", "<=", expiringBy)
    .execute();
  let notified = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const application of due) {
      const contacts = await queries.centreContacts(trx, application.centreId);
      const kindLabel =
        application.kind === "accreditation" ? "accreditation" : "partnership training centre recognition";
      notified += await notify(trx, {
        recipients: { users: contacts },
        kind: "accreditation.renewal",
        record: {
          type: "accreditation_application",
          id: application.id,
          link: `/training/accreditation/${application.id}`,
        },
        title: `Renewal due: ${application.nameEn}`,
        body: `The ${kindLabel} ends on ${application.validUntil}. Apply for renewal.`,
        params: { title: application.nameEn, validUntil: application.validUntil },
        // Never twice for the same application and person (the scheduled reminder uses the same key).
        period: application.validUntil ?? undefined,
      });
    }
    await writeAudit(trx, ctx, {
      action: "accreditation.renewal_reminders",
      recordType: "accreditation_application",
      recordId: null,
      detail: { applications: due.length, notified, withinDays },
    });
  });
  return { notified, applications: due.length };
}
