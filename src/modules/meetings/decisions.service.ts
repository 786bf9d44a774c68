import "./meetings.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudit } from "../../platform/audit.js";
import { auditedInsert } from "../../platform/audited-write.js";
import { notFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./meetings.queries.js";
import type { DecisionInput, DecisionPatch } from "./meetings.schemas.js";
import { editableMeeting } from "./meetings.service.js";
import { decisionReference } from "./roman.js";

function checkLanguages(texts: { language: string }[]) {
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    if (seen.has(text.language)) throw validation(`body.texts.${index}.language`, "is given twice");
    seen.add(text.language);
  });
}

async function decisionOrThrow(ctx: Ctx, id: string) {
  const [row] = await queries.listDecisions(ctx.db, { id });
  if (!row) throw notFound("The decision");
  return row;
}

export async function createDecision(ctx: Ctx, meetingId: string, input: DecisionInput) {
  authorize(ctx.viewer, "meeting.read");
  await editableMeeting(ctx, meetingId);
  checkLanguages(input.texts);
  const row = await ctx.db.transaction().execute(async (trx) => {
    // Incrementing the meeting's counter takes its row lock: concurrent decisions queue here and get distinct numbers.
    const counter = await queries.takeDecisionNumber(trx, meetingId);
    if (input.agendaItemId && !(await queries.isAgendaItemOf(trx, meetingId, input.agendaItemId)))
      throw validation("body.agendaItemId", "is not an item of this meeting's agenda");
    return auditedInsert(
      trx,
      ctx,
      "meetingDecision",
      {
        seriesId: counter.seriesId,
        meetingId,
        number: counter.lastDecisionNumber,
        reference: decisionReference(counter.number, counter.lastDecisionNumber),
        title: input.title,
        agendaItemId: input.agendaItemId ?? null,
      },
      {
        action: "meeting.decision.create",
        also: (decision) => queries.insertDecisionTexts(trx, decision.id, input.texts),
        audited: (decision) => ({ ...decision, languages: input.texts.map((text) => text.language) }),
      },
    );
  });
  return decisionOrThrow(ctx, row.id);
}

export async function updateDecision(ctx: Ctx, id: string, patch: DecisionPatch) {
  authorize(ctx.viewer, "meeting.read");
  const decision = await decisionOrThrow(ctx, id);
  await editableMeeting(ctx, decision.meetingId);
  if (patch.texts) checkLanguages(patch.texts);
  await ctx.db.transaction().execute(async (trx) => {
    await queries.writeDecisionChanges(trx, id, patch);
    await writeAudit(trx, ctx, {
      action: "meeting.decision.update",
      recordType: "meeting_decision",
      recordId: id,
      before: { title: decision.title, texts: decision.texts },
      after: { title: patch.title ?? decision.title, texts: patch.texts ?? decision.texts },
    });
  });
  return decisionOrThrow(ctx, id);
}
