import { sql, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { AttendanceInput, ExerciseQuery, ParticipantInput, StageInput } from "./operations.schemas.js";
import { matches, nationRef, organisationRef, type Q, releaseColumns } from "./shared.queries.js";

// ------------------------------------------------------------------ exercises
type Counts = { member: number; partner: number; observer: number; total: number };
type Ref = { id: string; code: string; nameEn: string };

/** Participation by role, counted in SQL so that every screen shows the same totals. */
const participationOf = (exerciseColumn: string) =>
  sql<Counts>`(select json_build_object(
      'member', count(*) filter (where p.role = 'member'),
      'partner', count(*) filter (where p.role = 'partner'),
      'observer', count(*) filter (where p.role = 'observer'),
      'total', count(*))
    from exercise_participant p where p.exercise_id = ${sql.ref(exerciseColumn)})`;

const hostNationsOf = (exerciseColumn: string) =>
  sql<Ref[]>`(select coalesce(json_agg(json_build_object('id', h.id, 'code', h.code, 'nameEn', h.name_en)
      order by h.first_stage), '[]'::json)
    from (select n.id, n.code, n.name_en, min(s.stage_no) as first_stage
          from exercise_stage s join nation n on n.id = s.host_nation_id
          where s.exercise_id = ${sql.ref(exerciseColumn)} group by n.id) h)`;

const exerciseSelect = (db: Q) =>
  db
    .selectFrom("exercise")
    .select([
      "exercise.id",
      "exercise.code",
      "exercise.name",
      "exercise.kind",
      "exercise.status",
      "exercise.scenario",
      "exercise.leadOrganisationId",
      "exercise.activityId",
      "exercise.startsOn",
      "exercise.endsOn",
      "exercise.sample",
      "exercise.sampleNote",
      "exercise.source",
      ...releaseColumns("exercise"),
    ])
    .select((eb) => [
      organisationRef(eb, "exercise.lead_organisation_id").$notNull().as("leadOrganisation"),
      hostNationsOf("exercise.id").as("hostNations"),
      participationOf("exercise.id").as("participation"),
    ]);

export async function listExercises(db: Q, viewer: Viewer, query: ExerciseQuery) {
  let base = db.selectFrom("exercise").where(visibleTo(viewer, "exercise"));
  if (query.q?.trim()) {
    const q = query.q.trim();
    base = base.where((eb) =>
      eb.or([
        matches(q),
        sql<boolean>`exercise.name ilike ${`%${q.replace(/[\\%_]/g, "\\$&")}%`}`,
        eb("exercise.code", "=", q.toUpperCase()),
      ]),
    );
  }
  if (query.kind) base = base.where("exercise.kind", "=", query.kind);
  if (query.status) base = base.where("exercise.status", "=", query.status);
  if (query.leadOrganisationId)
    base = base.where("exercise.leadOrganisationId", "=", query.leadOrganisationId);
  if (query.year) base = base.where(sql<boolean>`extract(year from exercise.starts_on) = ${query.year}`);
  if (query.nationId) {
    const nationId = query.nationId;
    base = base.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("exerciseParticipant as p")
            .select("p.id")
            .whereRef("p.exerciseId", "=", "exercise.id")
            .where("p.nationId", "=", nationId),
        ),
        eb.exists(
          eb
            .selectFrom("exerciseStage as s")
            .select("s.id")
            .whereRef("s.exerciseId", "=", "exercise.id")
            .where("s.hostNationId", "=", nationId),
        ),
      ]),
    );
  }
  const ids = base.select("exercise.id");
  return pageOf(
    query,
    exerciseSelect(db)
      .where("exercise.id", "in", ids)
      .orderBy("exercise.startsOn", "desc")
      .orderBy("exercise.id"),
    base,
  );
}

export function findExercise(db: Q, viewer: Viewer, id: string) {
  return exerciseSelect(db)
    .where("exercise.id", "=", id)
    .where(visibleTo(viewer, "exercise"))
    .executeTakeFirst();
}

export function exerciseParts(db: Q, id: string) {
  return Promise.all([
    db
      .selectFrom("exerciseStage as s")
      .select(["s.id", "s.stageNo", "s.place", "s.startsOn", "s.endsOn"])
      .select((eb) => nationRef(eb, "s.host_nation_id").$notNull().as("hostNation"))
      .where("s.exerciseId", "=", id)
      .orderBy("s.stageNo")
      .execute(),
    db
      .selectFrom("exerciseParticipant as p")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .select(["p.id", "p.role", "p.note", "p.sample"])
      .select((eb) => [
        nationRef(eb, "p.nation_id").$notNull().as("nation"),
        sql<number>`(select coalesce(sum(c.quantity), 0)::int from exercise_contribution c
          where c.participant_id = p.id and c.kind = 'personnel')`.as("personnel"),
        jsonArrayFrom(
          eb
            .selectFrom("exerciseContribution as c")
            .select(["c.id", "c.kind", "c.category", "c.quantity", "c.description"])
            .whereRef("c.participantId", "=", "p.id")
            .orderBy("c.kind")
            .orderBy("c.category"),
        ).as("contributions"),
      ])
      .where("p.exerciseId", "=", id)
      .orderBy(sql`array_position(array['member', 'partner', 'observer'], p.role)`)
      .orderBy("n.nameEn")
      .execute(),
    db
      .selectFrom("planningConference as k")
      .select(["k.id", "k.kind", "k.startsOn", "k.endsOn", "k.place", "k.eventId", "k.note"])
      .select((eb) => [
        sql<number>`(select coalesce(sum(a.attendees), 0)::int from planning_conference_attendance a
          where a.conference_id = k.id)`.as("totalAttendees"),
        jsonArrayFrom(
          eb
            .selectFrom("planningConferenceAttendance as a")
            .innerJoin("nation as an", "an.id", "a.nationId")
            .select(["a.attendees"])
            .select((inner) => nationRef(inner, "a.nation_id").$notNull().as("nation"))
            .whereRef("a.conferenceId", "=", "k.id")
            .orderBy("an.nameEn"),
        ).as("attendance"),
      ])
      .where("k.exerciseId", "=", id)
      .orderBy(sql`array_position(array['initial', 'main', 'final'], k.kind)`)
      .execute(),
    db
      .selectFrom("exerciseMilestone as m")
      .select(["m.id", "m.title", "m.dueOn", "m.doneOn"])
      .select((eb) => [
        nationRef(eb, "m.owner_nation_id").as("ownerNation"),
        organisationRef(eb, "m.owner_organisation_id").as("ownerOrganisation"),
        sql<boolean>`(m.done_on is null and m.due_on < current_date)`.as("overdue"),
      ])
      .where("m.exerciseId", "=", id)
      .orderBy("m.dueOn")
      .orderBy("m.createdAt")
      .execute(),
    db
      .selectFrom("trainingObjective as o")
      .select(["o.id", "o.position", "o.text"])
      .where("o.exerciseId", "=", id)
      .orderBy("o.position")
      .orderBy("o.createdAt")
      .execute(),
  ]);
}

// ------------------------------------------------------------------ writes
type Trx = Transaction<DB>;

export function insertStage(trx: Trx, exerciseId: string, stage: StageInput) {
  return trx
    .insertInto("exerciseStage")
    .values({ ...stage, exerciseId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces what a participant brings to an exercise; answers the lines it replaced, by kind and category. */
export async function replaceContributions(
  trx: Trx,
  participantId: string,
  contributions: ParticipantInput["contributions"],
) {
  const before = await trx
    .deleteFrom("exerciseContribution")
    .where("participantId", "=", participantId)
    .returning(["kind", "category", "quantity", "description"])
    .execute();
  if (contributions?.length) {
    await trx
      .insertInto("exerciseContribution")
      .values(contributions.map((c) => ({ ...c, participantId })))
      .execute();
  }
  return before.sort((a, b) => a.kind.localeCompare(b.kind) || a.category.localeCompare(b.category));
}

/** Replaces the attendance of a conference; answers the lines it replaced. */
export async function replaceAttendance(trx: Trx, conferenceId: string, entries: AttendanceInput["entries"]) {
  const before = await trx
    .deleteFrom("planningConferenceAttendance")
    .where("conferenceId", "=", conferenceId)
    .returning(["nationId", "attendees"])
    .execute();
  if (entries.length) {
    await trx
      .insertInto("planningConferenceAttendance")
      .values(entries.map((entry) => ({ ...entry, conferenceId })))
      .execute();
  }
  return before;
}
