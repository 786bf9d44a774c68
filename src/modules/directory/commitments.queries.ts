import { type Kysely, sql } from "kysely";
import type { Commitment } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import type { ReleasableRecord } from "../../platform/access/releasability.js";

type Q = Kysely<DB>;

/**
 * Locks the person's row (FOR NO KEY UPDATE: rows that only reference the person are not held up) so that two
 * acceptances of one person are checked for double booking one after the other. Every acceptance takes it after the
 * locks of its own record, so the order is always record, then person.
 */
export async function lockPerson(trx: Q, personId: string) {
  await sql`select id from person where id = ${personId} for no key update`.execute(trx);
}

/** The person's commitments of every kind overlapping [from, to] (both inclusive), except the event being decided. */
export async function personCommitments(
  db: Q,
  input: { personId: string; from: string; to: string; exceptEventId: string | null },
) {
  const { rows } = await sql<Commitment & ReleasableRecord>`
    select kind, record_type, id, title, starts_on, ends_on, owner_nation_id, owner_organisation_id, releasability,
      release_nations, release_organisations
    from accord_person_commitments(${input.personId}::uuid, ${input.from}::date, ${input.to}::date,
      ${input.exceptEventId}::uuid)`.execute(db);
  return rows;
}
