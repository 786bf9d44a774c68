import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible, nominationScope } from "./catalogue.queries.js";

type Q = Kysely<DB>;

/** The event with the organisers of its activity, when the viewer may read the activity; otherwise undefined. */
export function findVisibleEvent(db: Q, viewer: Viewer, eventId: string) {
  return db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(["e.id", "a.organiserId", "a.hostInstitutionId"])
    .where("e.id", "=", eventId)
    .where(activityVisible(viewer, "a"))
    .executeTakeFirst();
}

export interface AttendanceRow {
  sessionId: string;
  nominationId: string;
  person: { id: string; givenName: string; familyName: string; rankTitle: string | null };
  nation: { id: string; code: string; nameEn: string };
  present: boolean;
  note: string | null;
  recordedAt: Date;
}

/** The recorded lines of the event's sessions whose nominations the viewer may see (the nominations' rule, in SQL). */
export async function attendanceOf(db: Q, viewer: Viewer, eventId: string) {
  const [sessions, lines] = await Promise.all([
    db
      .selectFrom("eventSession")
      .select(["id", "title", "startsAt", "endsAt"])
      .where("eventId", "=", eventId)
      .orderBy("startsAt")
      .orderBy("id")
      .execute(),
    sql<AttendanceRow>`select sa.session_id, sa.nomination_id, sa.present, sa.note, sa.recorded_at,
        json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
          'rankTitle', p.rank_title) as person,
        json_build_object('id', nt.id, 'code', nt.code, 'nameEn', nt.name_en) as nation
      from session_attendance sa
      join event_session s on s.id = sa.session_id
      join nomination n on n.id = sa.nomination_id
      join person p on p.id = n.person_id
      join nation nt on nt.id = n.nation_id
      join event e on e.id = n.event_id
      join activity a on a.id = e.activity_id
      where s.event_id = ${eventId} and ${nominationScope(viewer)}
      order by p.family_name, p.given_name, n.id`.execute(db),
  ]);
  return { sessions, lines: lines.rows };
}

/** A session of an event, with when it begins. */
export function findSession(db: Q, sessionId: string) {
  return db
    .selectFrom("eventSession")
    .select(["id", "eventId", "startsAt"])
    .where("id", "=", sessionId)
    .executeTakeFirst();
}

/** The status of a nomination of the event (undefined when it is not one of the event's). */
export function nominationStatusOfEvent(db: Q, nominationId: string, eventId: string) {
  return db
    .selectFrom("nomination")
    .select(["id", "status"])
    .where("id", "=", nominationId)
    .where("eventId", "=", eventId)
    .executeTakeFirst();
}

/** Records (or records again) whether the nominee was present at the session. */
export async function upsertSessionAttendance(
  trx: Q,
  line: {
    sessionId: string;
    nominationId: string;
    present: boolean;
    note: string | null;
    recordedBy: string | null;
  },
) {
  await trx
    .insertInto("sessionAttendance")
    .values(line)
    .onConflict((oc) =>
      oc.columns(["sessionId", "nominationId"]).doUpdateSet({
        present: line.present,
        note: line.note,
        recordedBy: line.recordedBy,
        recordedAt: sql`now()`,
      }),
    )
    .execute();
}
