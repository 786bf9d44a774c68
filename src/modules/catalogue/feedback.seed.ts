import type { Db } from "../../db/database.js";
import { insertResponse } from "./feedback.queries.js";

/** The demo participant answers in the browser; the others of the same course already have. */
const DEMO_PARTICIPANT_EMAIL = "e.huseynov@example.az";
const RATINGS = [
  [5, 4, 5],
  [4, 4, 3],
  [5, 5, 4],
  [3, 4, 4],
  [4, 5, 5],
];
const COMMENTS = [
  "More time on the evaluation checklists",
  null,
  "Keep the field day in Ganja",
  "Send the reading list a month earlier",
  null,
];

/**
 * Demo feedback on the 2026 CREVAL course: five of its accepted participants (not the demo participant) have
 * answered, enough for the organiser to see averages and comments. Idempotent: a participant with a receipt is
 * skipped.
 */
export async function seedFeedback(db: Db): Promise<void> {
  const event = await db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(["e.id", "a.kind"])
    .where("a.code", "=", "CREVAL-2026")
    .executeTakeFirst();
  if (!event) return;
  const people = await db
    .selectFrom("nomination as n")
    .innerJoin("person as p", "p.id", "n.personId")
    .select("n.personId")
    .where("n.eventId", "=", event.id)
    .where("n.status", "=", "accepted")
    .where((eb) => eb.or([eb("p.email", "is", null), eb("p.email", "<>", DEMO_PARTICIPANT_EMAIL)]))
    .orderBy("p.familyName")
    .execute();
  const questions = await db
    .selectFrom("feedbackQuestion")
    .select(["id", "answer"])
    .where("activityKind", "=", event.kind)
    .where("active", "=", true)
    .orderBy("position")
    .execute();
  for (const [index, person] of people.slice(0, RATINGS.length).entries()) {
    await db.transaction().execute(async (trx) => {
      const receipt = await trx
        .insertInto("feedbackReceipt")
        .values({ eventId: event.id, personId: person.personId })
        .onConflict((oc) => oc.columns(["eventId", "personId"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!receipt) return;
      const ratings = [...RATINGS[index]!];
      const comment = COMMENTS[index] ?? null;
      await insertResponse(
        trx,
        event.id,
        questions.flatMap((question): Parameters<typeof insertResponse>[2] =>
          question.answer === "rating"
            ? [{ questionId: question.id, rating: ratings.shift() ?? 4, comment: null }]
            : comment
              ? [{ questionId: question.id, rating: null, comment }]
              : [],
        ),
      );
    });
  }
}
