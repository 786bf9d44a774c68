import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { coordinatedNationIds, isAdministrator, type Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { CandidateQuery } from "./candidates.schemas.js";
import { activityVisible } from "./catalogue.queries.js";

type Q = Kysely<DB>;
const uuids = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

/** The event, when the viewer may read its activity, with the qualification its course awards (if any). */
export function findCandidateEvent(db: Q, viewer: Viewer, eventId: string) {
  return db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .leftJoin("course as c", "c.activityId", "a.id")
    .select(["e.id", "c.qualificationCode"])
    .where("e.id", "=", eventId)
    .where(activityVisible(viewer, "a"))
    .executeTakeFirst();
}

export interface CandidateRow {
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationId: string;
  nationCode: string;
  nominationId: string | null;
  nominationStatus: string | null;
  certified: boolean;
  certifiedUntil: string | null;
}

/**
 * People the viewer may nominate (visible to them, not archived, of a nation they coordinate; any nation for an
 * administrator), each with their nomination for the event and whether they already hold the course's
 * qualification. A nomination shows only when it is of a nation the viewer nominates for.
 */
export async function listCandidates(
  db: Q,
  viewer: Viewer,
  event: { id: string; qualificationCode: string | null },
  query: CandidateQuery,
) {
  const admin = isAdministrator(viewer);
  const nations = coordinatedNationIds(viewer);
  const filters = [sql`p.archived_at is null`];
  if (!admin) filters.push(sql`p.nation_id = any(${uuids(nations)})`);
  if (query.nationId) filters.push(sql`p.nation_id = ${query.nationId}`);
  const q = query.q?.trim();
  if (q) {
    const prefix = `${q.replace(/[\\%_]/g, "\\$&")}%`;
    filters.push(sql`(p.search @@ accord_search_query(${q})
      or accord_unaccent(lower(p.family_name)) like accord_unaccent(lower(${prefix}))
      or accord_unaccent(lower(p.given_name)) like accord_unaccent(lower(${prefix})))`);
  }
  const base = db
    .selectFrom("person as p")
    .where(visibleTo(viewer, "p"))
    .where(sql<boolean>`${sql.join(filters, sql` and `)}`);
  const nominationNations = admin ? sql`true` : sql`n.nation_id = any(${uuids(nations)})`;
  const certificate = sql`(select c.valid_until, true as live from certificate c
      where c.person_id = p.id and c.qualification_code = ${event.qualificationCode}
        and c.revoked_at is null and (c.valid_until is null or c.valid_until >= current_date)
      order by c.valid_until desc nulls first limit 1)`;
  const page = await pageOf(
    query,
    base.select("p.id").orderBy("p.familyName").orderBy("p.givenName").orderBy("p.id"),
    base,
  );
  const items =
    await sql<CandidateRow>`select p.id, p.given_name as "givenName", p.family_name as "familyName",
      p.rank_title as "rankTitle", p.nation_id as "nationId", nat.code as "nationCode",
      n.id as "nominationId", n.status as "nominationStatus",
      coalesce(cert.live, false) as certified, cert.valid_until::text as "certifiedUntil"
    from person p
    join nation nat on nat.id = p.nation_id
    left join nomination n on n.event_id = ${event.id} and n.person_id = p.id and ${nominationNations}
    left join lateral ${certificate} cert on true
    where p.id = any(${uuids(page.items.map((row) => row.id))})
    order by p.family_name, p.given_name, p.id`.execute(db);
  return { items: items.rows, total: page.total };
}
