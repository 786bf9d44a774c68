import "./programmes.policy.js";
import { writeAudit } from "../../platform/audit.js";
import { onConstraint } from "../../platform/constraint-errors.js";
import { conflict, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as bulk from "./programme-bulk.queries.js";
import type { BulkItemInput } from "./programme-bulk.schemas.js";
import { editable } from "./programmes.common.js";
import * as queries from "./programmes.queries.js";
import { getProgramme } from "./programmes.service.js";

const mapConstraint = onConstraint({
  // Another writer added one of the activities meanwhile.
  programme_item_activity_once: [
    "body.activityIds",
    "An activity of the selection is already on the programme",
  ],
});

/**
 * Adds several activities of the catalogue to a programme in one transaction: all of them or none. An activity
 * that is not visible, has no area of cooperation, or is already on the programme refuses the whole selection
 * with the field naming its place in the list.
 */
export async function addItems(ctx: Ctx, programmeId: string, input: BulkItemInput) {
  await editable(ctx, () => queries.findProgramme(ctx.db, ctx.viewer, programmeId), "The annual programme");
  const activities: { id: string; code: string; areaCode: string; index: number }[] = [];
  for (const [index, activityId] of input.activityIds.entries()) {
    const activity = await queries.findVisibleActivity(ctx.db, ctx.viewer, activityId);
    if (!activity) throw validation(`body.activityIds.${index}`, "no such activity");
    if (!activity.areaCode)
      throw validation(
        `body.activityIds.${index}`,
        `${activity.code} has no area of cooperation: add it on its own and give one`,
      );
    activities.push({ id: activity.id, code: activity.code, areaCode: activity.areaCode, index });
  }
  for (const objectiveId of input.objectiveIds ?? []) {
    if (!(await queries.findObjectiveOwner(ctx.db, ctx.viewer, objectiveId)))
      throw validation("body.objectiveIds", `no such objective ${objectiveId}`);
  }
  const present = await bulk.activitiesOnProgramme(ctx.db, programmeId, input.activityIds);
  const first = activities.find((activity) => present.some((row) => row.id === activity.id));
  if (first) throw conflict(`${first.code} is already on the programme`, `body.activityIds.${first.index}`);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      const rows = await bulk.insertItems(
        trx,
        activities.map((activity) => ({
          programmeId,
          activityId: activity.id,
          areaCode: activity.areaCode,
          ...(input.plannedParticipants === undefined
            ? {}
            : { plannedParticipants: input.plannedParticipants }),
        })),
        input.objectiveIds ?? [],
      );
      for (const row of rows)
        await writeAudit(trx, ctx, {
          action: "programme.item.add",
          recordType: "programme_item",
          recordId: row.id,
          after: { ...row, objectiveIds: input.objectiveIds ?? [] },
          detail: { bulk: rows.length },
        });
    })
    .catch(mapConstraint);
  return getProgramme(ctx, programmeId);
}
