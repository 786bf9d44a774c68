import "./training.policy.js";
import { authorize, can } from "../../platform/access/policy.js";
import { releaseOutput, resolveRelease } from "../../platform/access/releasability.js";
import { isAdministrator } from "../../platform/access/viewer.js";
import { insertRecord, updateRecord } from "../../platform/audited-write.js";
import { AppError, forbiddenField, invalidState, orNotFound, unprocessable } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./accreditation.queries.js";
import { APPLICATION_STEPS, type ApplicationStep, stepAllowed } from "./accreditation.transitions.js";
import type { ApplicationRecord } from "./training.policy.js";
import type { ApplicationInput, ApplicationQuery, ReviewerInput } from "./training.schemas.js";
import { today } from "./training.values.js";

/** Accreditation: the standard sets, applications and their dossier, the reviewer. */

export const DEFAULT_STANDARD_SET = "NATO-ET-QS";
/** The accrediting body: it reviews every application unless an administrator appoints another reviewer. */
export const ACCREDITING_BODY = "ACT";
/** Unconditional accreditation lasts about six years. */
export const DEFAULT_VALIDITY_YEARS = 6;
export const RENEWAL_REMINDER_DAYS = 180;

const titles = (row: { titleEn: string; titleAz: string | null; titleRu: string | null }) => ({
  en: row.titleEn,
  az: row.titleAz,
  ru: row.titleRu,
});
const iso = (value: Date | string | null) => (value instanceof Date ? value.toISOString() : value);

export const applicationRecord = (row: queries.ApplicationRow): ApplicationRecord => ({
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

export const shiftDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function loadApplication(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "accreditation.list");
  const row = orNotFound(
    await queries.findApplication(ctx.db, ctx.viewer, id),
    "The accreditation application",
  );
  authorize(ctx.viewer, "accreditation.read", applicationRecord(row));
  return row;
}

export function allowedTransitions(ctx: Ctx, row: queries.ApplicationRow) {
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
async function checkIndependentReviewer(ctx: Ctx, centreId: string, reviewerId: string) {
  const relation = await queries.reviewerRelation(ctx.db, centreId, reviewerId);
  if (!relation.known) throw unprocessable("body.reviewingOrganisationId", "is not a known organisation");
  if (relation.related) {
    throw unprocessable(
      "body.reviewingOrganisationId",
      "is the applicant centre or an organisation above or below it: an applicant never reviews its own application",
    );
  }
}

export async function createApplication(ctx: Ctx, input: ApplicationInput) {
  const centre = await queries.findCentre(ctx.db, input.centreId);
  authorize(ctx.viewer, "accreditation.create", centre ?? { id: "", nationId: null });
  if (!centre) throw unprocessable("body.centreId", "is not a known organisation");
  // The accrediting body appoints the reviewer, never the applicant.
  if (input.reviewingOrganisationId !== undefined && !isAdministrator(ctx.viewer)) {
    throw forbiddenField(
      "body.reviewingOrganisationId",
      "The reviewer is appointed by the accrediting body (an administrator), not by the applicant",
    );
  }
  const standardSet = await queries.findStandardSet(
    ctx.db,
    input.standardSetId ? { id: input.standardSetId } : { code: DEFAULT_STANDARD_SET },
  );
  if (!standardSet) throw unprocessable("body.standardSetId", "is not a known standard set");
  const alliance = await queries.organisationsByCode(ctx.db, ["NATO", ACCREDITING_BODY]);
  // An administrator's choice must be independent; the accrediting body reviews by default unless it is not (a
  // centre of its own hierarchy), and then the application waits for an administrator to appoint a reviewer.
  let reviewerId: string | null = null;
  if (input.reviewingOrganisationId) {
    await checkIndependentReviewer(ctx, centre.id, input.reviewingOrganisationId);
    reviewerId = input.reviewingOrganisationId;
  } else {
    const body = alliance.find((o) => o.code === ACCREDITING_BODY)?.id;
    if (body && !(await queries.reviewerRelation(ctx.db, centre.id, body)).related) reviewerId = body;
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
  const { id } = await insertRecord(
    ctx,
    "accreditationApplication",
    {
      centreId: centre.id,
      kind: input.kind,
      standardSetId: standardSet.id,
      reviewingOrganisationId: reviewerId,
      selfAssessmentDueOn: input.selfAssessmentDueOn ?? null,
      note: input.note ?? null,
      ...release,
    },
    { action: "accreditation.create" },
  ).catch((error: { code?: string }) => {
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
  await updateRecord(
    ctx,
    "accreditationApplication",
    { id, missing: "The accreditation application" },
    (before) => ({
      reviewingOrganisationId: input.reviewingOrganisationId,
      releaseOrganisations: [...new Set([...before.releaseOrganisations, input.reviewingOrganisationId])],
    }),
    { action: "accreditation.appoint_reviewer" },
  );
  return getDossier(ctx, id);
}
