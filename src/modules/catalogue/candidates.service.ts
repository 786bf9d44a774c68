import "./catalogue.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./candidates.queries.js";
import type { Candidate, CandidateQuery } from "./candidates.schemas.js";

/**
 * The people the caller may nominate for an event, for the nomination form's picker: who is already nominated (and
 * how it stands) and who already holds the qualification the event's course awards.
 */
export async function listCandidates(ctx: Ctx, eventId: string, query: CandidateQuery) {
  authorize(ctx.viewer, "nomination.candidates");
  const event = orNotFound(await queries.findCandidateEvent(ctx.db, ctx.viewer, eventId), "The event");
  const page = await queries.listCandidates(ctx.db, ctx.viewer, event, query);
  const items: Candidate[] = page.items.map((row) => ({
    id: row.id,
    givenName: row.givenName,
    familyName: row.familyName,
    rankTitle: row.rankTitle,
    nation: { id: row.nationId, code: row.nationCode },
    nomination:
      row.nominationId && row.nominationStatus
        ? {
            id: row.nominationId,
            status: row.nominationStatus as NonNullable<Candidate["nomination"]>["status"],
          }
        : null,
    certified: row.certified,
    certifiedUntil: row.certified ? row.certifiedUntil : null,
  }));
  return paged(query, { items, total: page.total });
}
