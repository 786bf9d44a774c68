import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { withErrorListeners } from "../../db/database.js";

let t: TestApp;

/** Every column of the narrow search row, as the activity and its facts give it. */
async function drift() {
  const { rows } = await sql<{ id: string }>`
    select a.id from activity a left join activity_search_facts f on f.activity_id = a.id
    left join activity_search s on s.id = a.id
    where s.id is null or (s.code, s.title_en, s.kind, s.menu_year, s.status, s.releasability, s.owner_nation_id,
      s.release_nations, s.languages, s.area_codes, s.first_starts_on, s.last_ends_on, s.search)
      is distinct from (a.code, a.title_en, a.kind, a.menu_year, a.status, a.releasability, a.owner_nation_id,
      a.release_nations, a.languages, coalesce(f.area_codes, '{}'), f.first_starts_on, f.last_ends_on, a.search)`.execute(
    t.db,
  );
  return rows.map((row) => row.id);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
});
afterAll(() => t.close());

describe("the catalogue's narrow search table (0035)", () => {
  it("holds every activity as it is, after the seed and after changes to activities, events and areas", async () => {
    expect(await drift()).toEqual([]);
    const activity = await t.db
      .selectFrom("activity")
      .select(["id", "code"])
      .where("status", "=", "published")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    await sql`update activity set title_en = 'Renamed for the narrow table', releasability = 'internal'
      where id = ${activity.id}`.execute(t.db);
    await sql`insert into event (activity_id, starts_on, ends_on) values (${activity.id}, '1999-01-04', '1999-01-05')`.execute(
      t.db,
    );
    await sql`delete from activity_area where activity_id = ${activity.id}`.execute(t.db);
    expect(await drift()).toEqual([]);
    const row = await t.db
      .selectFrom("activitySearch")
      .select(["titleEn", "releasability", "firstStartsOn", "areaCodes"])
      .where("id", "=", activity.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      titleEn: "Renamed for the narrow table",
      releasability: "internal",
      firstStartsOn: "1999-01-04",
      areaCodes: [],
    });
    expect(await t.db.selectFrom("activitySearchPending").selectAll().execute()).toEqual([]);
  });

  it("keeps every row's text vector out of line, for new rows and changed ones (0044)", async () => {
    // One TOAST value per row: the vector (the only column stored out of line), whatever wrote the row.
    const outOfLine = async () => {
      const { rows } = await sql<{ toast: string }>`
        select reltoastrelid::regclass::text as toast from pg_class where oid = 'activity_search'::regclass`.execute(
        t.db,
      );
      const toast = rows[0]!.toast;
      const counts = await sql<{ rows: number; values: number }>`
        select (select count(*)::int from activity_search) as rows,
               (select count(distinct chunk_id)::int from ${sql.table(toast)}) as values`.execute(t.db);
      return counts.rows[0]!;
    };
    const before = await outOfLine();
    expect(before.rows).toBeGreaterThan(0);
    expect(before.values).toBe(before.rows);
    const activity = await t.db
      .selectFrom("activitySearch")
      .select(["id"])
      // One that an anonymous visitor finds in the menu (the demo's proposal, first by code, is not in it).
      .where("status", "=", "published")
      .where("releasability", "=", "public")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    await sql`update activity set description_en = coalesce(description_en, '') || ' Outoflinewordtest.' where id = ${activity.id}`.execute(
      t.db,
    );
    await sql`insert into activity (code, title_en, kind, organiser_id, menu_year, languages, eligibility, status, releasability,
        owner_nation_id, owner_organisation_id)
      select 'TOAST-1', 'Out of line', kind, organiser_id, menu_year, languages, eligibility, status, releasability,
        owner_nation_id, owner_organisation_id
      from activity where id = ${activity.id}`.execute(t.db);
    const after = await outOfLine();
    expect(after.rows).toBe(before.rows + 1);
    expect(after.values).toBe(after.rows);
    const found = await t.anonymous.get<{ items: { id: string }[] }>("/api/activities?q=outoflinewordtest");
    expect(found.body.items.map((item) => item.id)).toContain(activity.id);
    await sql`delete from activity where code = 'TOAST-1'`.execute(t.db);
  });

  it("changes with the writer's commit, not before, and not at all when it rolls back", async () => {
    const activity = await t.db
      .selectFrom("activitySearch")
      .select(["id", "titleEn"])
      .orderBy("code")
      .executeTakeFirstOrThrow();
    const title = async () =>
      (
        await t.db
          .selectFrom("activitySearch")
          .select("titleEn")
          .where("id", "=", activity.id)
          .executeTakeFirstOrThrow()
      ).titleEn;
    const pool = withErrorListeners(new pg.Pool({ connectionString: t.config.databaseUrl, max: 1 }));
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query("update activity set title_en = 'Rolled back' where id = $1", [activity.id]);
      await client.query("rollback");
      expect(await title()).toBe(activity.titleEn);
      await client.query("begin");
      await client.query("update activity set title_en = 'Committed' where id = $1", [activity.id]);
      expect(await title()).toBe(activity.titleEn);
      await client.query("commit");
      expect(await title()).toBe("Committed");
    } finally {
      client.release();
      await pool.end();
    }
  });

  it("counts each facet of a filtered text search with every filter but its own (0047's indexed bound)", async () => {
    // The search reads only the text matches that pass one of its two most selective indexed filters; the counts
    // must still be those of every visible match, each facet taken with all filters but its own.
    type Bucket = { value: string; count: number };
    type Reply = { total: number; facets: Record<"kind" | "year" | "language" | "organiser", Bucket[]> };
    const visible = sql`a.releasability = 'public' and a.status not in ('draft', 'proposed', 'rejected')
      and (a.search @@ accord_text_query('security') or a.code ilike 'security%')`;
    const { rows: busiest } = await sql<{ menuYear: number; kind: string; organiserId: string }>`
      select a.menu_year, a.kind, a.organiser_id from activity a where ${visible}
      group by a.menu_year, a.kind, a.organiser_id order by count(*) desc, 1, 2, 3 limit 1`.execute(t.db);
    const { menuYear: year, kind, organiserId } = busiest[0]!;
    const otherKind = kind === "course" ? "seminar" : "course";
    const counts = async (group: string, where: ReturnType<typeof sql>) => {
      const { rows } = await sql<{ value: string; count: number }>`
        select ${sql.raw(group)}::text as value, count(*)::int as count from activity a
        where ${visible} and ${where} group by 1`.execute(t.db);
      return Object.fromEntries(rows.map((row) => [row.value, row.count]));
    };
    const asMap = (buckets: Bucket[]) => Object.fromEntries(buckets.map((b) => [b.value, b.count]));
    const kinds = sql`a.kind in (${kind}, ${otherKind})`;
    const inYear = sql`a.menu_year = ${year}`;
    const english = sql`'en' = any(a.languages)`;
    const byOrganiser = sql`a.organiser_id = ${organiserId}`;

    const reply = await t.anonymous.get<Reply>(
      `/api/activities?q=security&kind=${kind},${otherKind}&year=${year}&language=en&limit=5`,
    );
    expect(reply.status).toBe(200);
    const all = await counts("'all'", sql`${kinds} and ${inYear} and ${english}`);
    expect(reply.body.total).toBe(all.all ?? 0);
    expect(reply.body.total).toBeGreaterThan(0);
    expect(asMap(reply.body.facets.kind)).toEqual(await counts("a.kind", sql`${inYear} and ${english}`));
    expect(asMap(reply.body.facets.year)).toEqual(await counts("a.menu_year", sql`${kinds} and ${english}`));

    // Four filters, two of them indexed bounds (organiser and year).
    const four = await t.anonymous.get<Reply>(
      `/api/activities?q=security&kind=${kind},${otherKind}&year=${year}&language=en&organiserId=${organiserId}&limit=5`,
    );
    expect(four.status).toBe(200);
    expect(asMap(four.body.facets.year)).toEqual(
      await counts("a.menu_year", sql`${kinds} and ${english} and ${byOrganiser}`),
    );
    expect(asMap(four.body.facets.organiser)).toEqual(
      await counts("a.organiser_id", sql`${kinds} and ${english} and ${inYear}`),
    );
    expect(asMap(four.body.facets.language)).toEqual(
      await counts("unnest(a.languages)", sql`${kinds} and ${inYear} and ${byOrganiser}`),
    );
  });

  it("gives another page of a search the total and facets of the catalogue as it is now", async () => {
    const first = await t.anonymous.get<{
      total: number;
      facets: { kind: { value: string; count: number }[] };
    }>("/api/activities?limit=2&offset=0");
    expect(first.status).toBe(200);
    const second = await t.anonymous.get<{ total: number; facets: unknown }>(
      "/api/activities?limit=2&offset=2",
    );
    expect(second.body.total).toBe(first.body.total);
    expect(second.body.facets).toEqual(first.body.facets);
    // A published activity becomes a draft: the next page counts without it.
    const published = await t.db
      .selectFrom("activity")
      .select("id")
      .where("status", "=", "published")
      .where("releasability", "=", "public")
      .orderBy("code")
      .executeTakeFirstOrThrow();
    await sql`update activity set status = 'draft' where id = ${published.id}`.execute(t.db);
    const third = await t.anonymous.get<{ total: number }>("/api/activities?limit=2&offset=4");
    expect(third.body.total).toBe(first.body.total - 1);
  });
});
