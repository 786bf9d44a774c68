import "./training.policy.js";
import type { Transaction, Updateable } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { AccreditationApplicationTable } from "../../db/schema/training.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { lockRow } from "../../platform/audited-write.js";
import { AppError, unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { illegalTransition } from "../../platform/transitions.js";
import { notify } from "../notices/index.js";
import * as queries from "./accreditation.queries.js";
import {
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationStep,
  stepAllowed,
} from "./accreditation.transitions.js";
import {
  applicationRecord,
  DEFAULT_VALIDITY_YEARS,
  getDossier,
  loadApplication,
  RENEWAL_REMINDER_DAYS,
  shiftDays,
} from "./accreditation-applications.service.js";
import { addYears } from "./assessment.js";
import type { DecisionInput, VisitInput } from "./training.schemas.js";
import { today } from "./training.values.js";

/** An application's steps from draft to decision (the visit among them), and the renewal reminders. */

const DECISIONS_BY_KIND: Record<string, string[]> = {
  accreditation: ["accredited", "accredited_with_conditions", "not_accredited"],
  partnership_training_centre_recognition: ["recognised", "not_recognised"],
};
const POSITIVE = new Set(["accredited", "accredited_with_conditions", "recognised"]);

/** Locks the application, checks the actor and the state, and refuses with 409 naming the current state. */
export async function transition(
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
    const after = await queries.updateApplication(trx, id, { ...changes, state: t.to });
    if (after.state === "decided" && after.decision) {
      const centreName = await queries.organisationName(trx, after.centreId);
      await notify(trx, {
        recipients: [
          { users: await queries.centreContacts(trx, after.centreId) },
          {
            organisationStaff: { organisationIds: [after.centreId], roles: ["organiser", "course_director"] },
          },
        ],
        kind: "accreditation.decision",
        record: { type: "accreditation_application", id, link: `/training/accreditation/${id}` },
        title: `${centreName}: ${after.decision.replace(/_/g, " ")}`,
        body: after.decisionNote,
        params: { title: `${centreName}: ${after.decision.replace(/_/g, " ")}`, decision: after.decision },
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
    const rows = await queries.standardCoverage(trx, id, row.standardSetId);
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
    await queries.replaceVisitTeam(trx, id, input.team).catch((error: { code?: string }) => {
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
      if (!(await queries.hasOpenCondition(trx, id))) {
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

/**
 * Renewal reminders: one in-app notification per contact of each centre whose accreditation or recognition ends
 * within the period, never twice for the same application and person.
 */
export async function sendRenewalReminders(ctx: Ctx, withinDays = RENEWAL_REMINDER_DAYS) {
  authorize(ctx.viewer, "accreditation.remind");
  const expiringBy = shiftDays(today(), withinDays);
  const due = await queries.dueRenewals(ctx.db, today(), expiringBy);
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
