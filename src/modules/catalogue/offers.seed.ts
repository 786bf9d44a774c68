import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/**
 * Demo: an open seat offer (issue 22, item 2). Major Beridze of Georgia waits for a seat on an event of the 2027 menu
 * and has been offered one for the configured 72 hours (the offer holds the seat, as offers.service does). Written once:
 * nothing happens when he already has a nomination for the event (the offer may since have been answered or expired).
 * Not the demo participant, whose journeys (e2e) place their own nominations and offers.
 */
export async function seedSeatOffer(db: Db): Promise<void> {
  const event = await db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(["e.id", "a.code"])
    .where("a.code", "like", "M27-INT-%")
    .where("a.status", "=", "published")
    .where("a.releasability", "=", "public")
    .where("e.status", "in", ["planned", "open"])
    .orderBy("a.code")
    .orderBy("e.startsOn")
    .executeTakeFirst();
  const person = await db
    .selectFrom("person")
    .select(["id", "nationId"])
    .where("email", "=", "a.beridze@example.ge")
    .executeTakeFirst();
  if (!event || !person?.nationId) return;
  const nomination = await db
    .insertInto("nomination")
    .values({
      eventId: event.id,
      personId: person.id,
      nationId: person.nationId,
      status: "waitlisted",
      note: "Sample: waitlisted, then offered a seat.",
      sample: true,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!nomination) return;
  await db
    .insertInto("seatOffer")
    .values({
      nominationId: nomination.id,
      eventId: event.id,
      expiresAt: sql<Date>`now() + interval '72 hours'`,
    })
    .execute();
}
