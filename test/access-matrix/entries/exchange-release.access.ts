import { type AccessEntry, access, type MatrixContext } from "../matrix.js";

/**
 * A message sent by the scope's organisation to the scope's nation, and a third nation to add to its release list.
 * Only the sending side widens the list: those acting for the organisation (its managers) and administrators; the
 * recipient nation's coordinator is refused, and out of scope the message is not there at all.
 */
async function sentMessage(ctx: MatrixContext, scope: "in" | "out") {
  const owner = scope === "in" ? ctx.inScope : ctx.outOfScope;
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto("exchangeMessage")
    .values({
      id,
      threadId: id,
      senderOrganisationId: owner.organisationId,
      subject: "Matrix message to widen",
      body: "Matrix message body",
      releaseNations: [owner.nationId],
      releaseOrganisations: [owner.organisationId],
    })
    .execute();
  await ctx.db.insertInto("exchangeRecipient").values({ messageId: id, nationId: owner.nationId }).execute();
  const third = await ctx.db
    .selectFrom("nation")
    .select("id")
    .where("id", "not in", [ctx.inScope.nationId, ctx.outOfScope.nationId])
    .orderBy("code")
    .executeTakeFirstOrThrow();
  return { id, releaseNationIds: [owner.nationId, third.id] };
}

export const accessEntries: AccessEntry[] = [
  {
    method: "PATCH",
    url: "/api/exchange/messages/:id/release",
    access: access({
      administrator: "allow",
      organiser: "scope",
      course_director: "scope",
      evaluator: "scope",
    }),
    request: async (ctx, scope) => {
      const { id, releaseNationIds } = await sentMessage(ctx, scope);
      return { url: `/api/exchange/messages/${id}/release`, body: { releaseNationIds } };
    },
  },
];
