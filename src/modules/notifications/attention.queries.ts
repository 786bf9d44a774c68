import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { coordinatedNationIds, isAdministrator, type Viewer } from "../../platform/access/viewer.js";
import { evaluationVisibleTo } from "../readiness/index.js";

type Q = Kysely<DB>;

/** How many items of each section the home page lists; the totals count them all. */
export const ATTENTION_ITEMS = 5;

const uuids = (values: readonly string[]) => sql`${[...values]}::uuid[]`;
/** The rows and, on each, the number of rows before the limit: one statement per section. */
const total = sql<number>`(count(*) over ())::int`.as("total");

const section = <T extends { total: number }>(rows: T[]) => ({
  total: rows[0]?.total ?? 0,
  items: rows.map(({ total: _total, ...row }) => row),
});

/**
 * What needs the signed-in person, each section counted in its own query and limited to the records the viewer may
 * read (the same predicates as the owning modules' lists): unread notices, open action items assigned to a nation
 * they coordinate or an organisation they organise, nominations waiting for their decision, evaluations they are
 * on the team of (or of their nation's units) and official visits coming in 60 days, their certificates expiring
 * in 90 days.
 */
export async function attentionOf(db: Q, viewer: Viewer, today: string) {
  const userId = viewer.userId!;
  const nations = coordinatedNationIds(viewer);
  const organisations = viewer.managedOrganisationIds;
  const ownNations = [...new Set([...nations, ...(viewer.personNationId ? [viewer.personNationId] : [])])];
  const decides = isAdministrator(viewer) || organisations.length > 0;

  const [notices, actionItems, nominations, evaluations, visits, certificates] = await Promise.all([
    db
      .selectFrom("notification")
      .select(["id", "kind", "title", "link", "createdAt", total])
      .where("userId", "=", userId)
      .where("readAt", "is", null)
      .orderBy("createdAt", "desc")
      .orderBy("id")
      .limit(ATTENTION_ITEMS)
      .execute(),
    nations.length || organisations.length
      ? db
          .selectFrom("meetingActionItem as a")
          .innerJoin("meeting as rm", "rm.id", "a.raisedMeetingId")
          .where(visibleTo(viewer, "rm"))
          .where("a.status", "in", ["open", "in_progress"])
          .where((eb) =>
            eb.or([
              eb("a.assigneeNationId", "=", sql<string>`any(${uuids(nations)})`),
              eb("a.assigneeOrganisationId", "=", sql<string>`any(${uuids(organisations)})`),
            ]),
          )
          .select([
            "a.id",
            "a.title",
            "a.deadline",
            "a.raisedMeetingId as meetingId",
            sql<boolean>`coalesce(a.deadline < ${today}::date, false)`.as("overdue"),
            total,
          ])
          .orderBy("a.deadline", (ob) => ob.asc().nullsLast())
          .orderBy("a.id")
          .limit(ATTENTION_ITEMS)
          .execute()
      : [],
    decides
      ? db
          .selectFrom("nomination as n")
          .innerJoin("event as e", "e.id", "n.eventId")
          .innerJoin("activity as a", "a.id", "e.activityId")
          .innerJoin("person as p", "p.id", "n.personId")
          .innerJoin("nation as nt", "nt.id", "n.nationId")
          .where("n.status", "=", "nominated")
          .where("e.status", "<>", "cancelled")
          .where(visibleTo(viewer, "a"))
          .$if(!isAdministrator(viewer), (qb) =>
            qb.where((eb) =>
              eb.or([
                eb("a.organiserId", "=", sql<string>`any(${uuids(organisations)})`),
                eb("a.hostInstitutionId", "=", sql<string>`any(${uuids(organisations)})`),
              ]),
            ),
          )
          .select([
            "n.id",
            "n.eventId",
            "a.code as activityCode",
            "e.startsOn",
            sql<string>`p.given_name || ' ' || p.family_name`.as("personName"),
            "nt.code as nationCode",
            total,
          ])
          .orderBy("e.startsOn")
          .orderBy("n.createdAt")
          .orderBy("n.id")
          .limit(ATTENTION_ITEMS)
          .execute()
      : [],
    db
      .selectFrom("evaluation as e")
      .innerJoin("organisation as u", "u.id", "e.unitId")
      .where(evaluationVisibleTo(viewer, "e"))
      .where("e.state", "in", ["planned", "in_progress"])
      .where("e.endsOn", ">=", today)
      .where((eb) => {
        const mine = [eb("u.nationId", "=", sql<string>`any(${uuids(nations)})`)];
        if (viewer.personId)
          mine.push(
            eb.exists(
              eb
                .selectFrom("evaluationTeamMember as tm")
                .select("tm.personId")
                .whereRef("tm.evaluationId", "=", "e.id")
                .where("tm.personId", "=", viewer.personId),
            ),
          );
        return eb.or(mine);
      })
      .select([
        "e.id",
        "e.title",
        "u.nameEn as unitName",
        "e.startsOn",
        "e.endsOn",
        "e.state",
        viewer.personId
          ? sql<boolean>`exists (select 1 from evaluation_team_member tm
              where tm.evaluation_id = e.id and tm.person_id = ${viewer.personId})`.as("onTeam")
          : sql<boolean>`false`.as("onTeam"),
        total,
      ])
      .orderBy("e.startsOn")
      .orderBy("e.id")
      .limit(ATTENTION_ITEMS)
      .execute(),
    ownNations.length || organisations.length
      ? db
          .selectFrom("meeting as m")
          .innerJoin("meetingSeries as s", "s.id", "m.seriesId")
          .where(visibleTo(viewer, "m"))
          .where("s.kind", "=", "official_visit")
          .where("m.startsOn", ">=", today)
          .where("m.startsOn", "<=", sql<string>`${today}::date + 60`)
          .where((eb) =>
            eb.or([
              eb("m.ownerNationId", "=", sql<string>`any(${uuids(ownNations)})`),
              eb("m.ownerOrganisationId", "=", sql<string>`any(${uuids(organisations)})`),
              sql<boolean>`m.release_nations && ${uuids(ownNations)}`,
              sql<boolean>`m.release_organisations && ${uuids(organisations)}`,
            ]),
          )
          .select([
            "m.id",
            sql<string>`coalesce(m.title, s.title_en)`.as("title"),
            "m.startsOn",
            "m.endsOn",
            "m.city",
            total,
          ])
          .orderBy("m.startsOn")
          .orderBy("m.id")
          .limit(ATTENTION_ITEMS)
          .execute()
      : [],
    viewer.personId
      ? db
          .selectFrom("certificate")
          .where("personId", "=", viewer.personId)
          .where("revokedAt", "is", null)
          .where("validUntil", ">=", today)
          .where("validUntil", "<=", sql<string>`${today}::date + 90`)
          .select(["id", "number", "validUntil", total])
          .orderBy("validUntil")
          .orderBy("id")
          .limit(ATTENTION_ITEMS)
          .execute()
      : [],
  ]);
  return {
    notices: section(notices),
    actionItems: section(actionItems),
    nominations: section(nominations),
    evaluations: section(evaluations),
    visits: section(visits),
    certificates: section(
      certificates as { id: string; number: string; validUntil: string | null; total: number }[],
    ),
  };
}
