import "./meetings.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { updateRecord } from "../../platform/audited-write.js";
import { unprocessable, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import * as queries from "./exchange.queries.js";
import { deliverMessage, detail, visibleMessage } from "./exchange.service.js";
import type { ReleaseWidenInput } from "./exchange-release.schemas.js";

const added = (before: string[], after: string[]) => after.filter((id) => !before.includes(id));

/** Refuses a list that leaves out a party already on it: a release list only widens. */
function keepsEveryone(field: string, before: string[], after: string[] | undefined) {
  const dropped = after ? before.filter((id) => !after.includes(id)) : [];
  if (dropped.length)
    throw unprocessable(field, `a release list only widens: it would no longer name ${dropped.join(", ")}`);
}

/**
 * The sending side (or an administrator) widens a message's release list. Every party added also receives the
 * message, as on sending: it becomes a recipient (its inbox, its acknowledgement) and is notified. Narrowing is
 * refused with 422 naming the list, so that access once given is never withdrawn here.
 */
export async function widenRelease(ctx: Ctx, id: string, input: ReleaseWidenInput) {
  authorize(ctx.viewer, "exchange.read");
  const message = await visibleMessage(ctx, id);
  authorize(ctx.viewer, "exchange.release", {
    nationId: message.senderNationId,
    organisationId: message.senderOrganisationId,
  });
  keepsEveryone("body.releaseNationIds", message.releaseNations, input.releaseNationIds);
  keepsEveryone("body.releaseOrganisationIds", message.releaseOrganisations, input.releaseOrganisationIds);
  const newNations = added(message.releaseNations, input.releaseNationIds ?? []);
  const newOrganisations = added(message.releaseOrganisations, input.releaseOrganisationIds ?? []);
  if (newNations.length + newOrganisations.length === 0)
    throw validation(
      input.releaseNationIds ? "body.releaseNationIds" : "body.releaseOrganisationIds",
      "adds no one: name a nation or organisation not yet on the list",
    );
  const known = await queries.parties(ctx.db, newNations, newOrganisations);
  const unknownNations = newNations.filter((n) => !known.some((p) => p.kind === "nation" && p.id === n));
  if (unknownNations.length) throw validation("body.releaseNationIds", `unknown nation ${unknownNations[0]}`);
  const unknownOrganisations = newOrganisations.filter(
    (o) => !known.some((p) => p.kind === "organisation" && p.id === o),
  );
  if (unknownOrganisations.length)
    throw validation("body.releaseOrganisationIds", `unknown organisation ${unknownOrganisations[0]}`);

  // The lists are decided on the locked row: a concurrent widening is kept, never overwritten.
  const delivered = { nations: [] as string[], organisations: [] as string[] };
  await updateRecord(
    ctx,
    "exchangeMessage",
    { id, missing: "The message" },
    (before) => {
      keepsEveryone("body.releaseNationIds", before.releaseNations, input.releaseNationIds);
      keepsEveryone("body.releaseOrganisationIds", before.releaseOrganisations, input.releaseOrganisationIds);
      delivered.nations = added(before.releaseNations, newNations);
      delivered.organisations = added(before.releaseOrganisations, newOrganisations);
      return {
        releaseNations: [...before.releaseNations, ...delivered.nations],
        releaseOrganisations: [...before.releaseOrganisations, ...delivered.organisations],
      };
    },
    {
      action: "exchange.release.widen",
      detail: { delivered },
      also: async (_row, trx) => {
        if (delivered.nations.length + delivered.organisations.length === 0) return;
        await deliverMessage(
          trx,
          ctx,
          { id, subject: message.subject },
          delivered.nations,
          delivered.organisations,
        );
      },
    },
  );
  return detail(ctx, await visibleMessage(ctx, id));
}
