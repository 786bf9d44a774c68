import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/** Requested and granted seats of the demo's CREVAL 2027 course (capacity 39) by nation: [code, requested, granted]. */
const ALLOCATIONS: [string, number, number | null][] = [
  ["TUR", 6, 5],
  ["GEO", 4, 4],
  ["UKR", 4, null],
];

/**
 * Demo seat allocations (issue 22, item 1): on the CREVAL 2027 course, two nations hold granted allocations and
 * one has asked and waits for the organiser; the seats return to the pool six weeks before the start. Idempotent:
 * an event that has a re-allocation date or allocations already is left as it is. A grant never goes below the
 * seats a nation already holds, so the rule the service keeps holds for the demo data too.
 */
export async function seedAllocations(db: Db): Promise<void> {
  const event = await db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(["e.id", "e.reallocationDate"])
    .where("a.code", "=", "CREVAL-2027")
    .executeTakeFirst();
  if (!event || event.reallocationDate) return;
  await db.transaction().execute(async (trx) => {
    await sql`select 1 from event where id = ${event.id} for update`.execute(trx);
    await trx
      .updateTable("event")
      .set({ reallocationDate: "2027-01-25" })
      .where("id", "=", event.id)
      .execute();
    for (const [code, requested, granted] of ALLOCATIONS) {
      await sql`
        insert into event_seat_allocation (event_id, nation_id, requested, request_note, requested_at, granted, granted_at)
        select ${event.id}, nt.id, ${requested}, 'Sample request', now(),
          case when ${granted}::int is null then null
               else greatest(${granted}::int, (select count(*)::int from nomination n
                 where n.event_id = ${event.id} and n.nation_id = nt.id and n.status = 'accepted')) end,
          case when ${granted}::int is null then null else now() end
        from nation nt where nt.code = ${code}
        on conflict (event_id, nation_id) do nothing`.execute(trx);
    }
  });
}
