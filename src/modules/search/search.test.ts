import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { SEARCH_KINDS } from "../../platform/search.js";

interface Hit {
  id: string;
  kind: string;
  parentId: string | null;
  titleEn: string;
  exact: boolean;
}
interface Result {
  total: number;
  capped: boolean;
  groups: { kind: string; total: number; capped: boolean; items: Hit[] }[];
}

let t: TestApp;
let admin: Agent;
let aze: Agent;
let geo: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  geo = await t.signIn({ role: "national_coordinator", nation: "GEO" });
});
afterAll(() => t.close());

const search = async (agent: Agent, q: string, extra = "") => {
  const reply = await agent.get<Result>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const idsOf = (result: Result, kind: string) =>
  result.groups.find((group) => group.kind === kind)?.items.map((item) => item.id) ?? [];

/** A restricted exercise owned by the nation, named as given. */
async function exercise(nation: string, name: string, app: TestApp = t) {
  const nationId = await app.nationId(nation);
  const lead = await app.organisationId("NATO-SCHOOL");
  const { rows } = await sql<{ id: string }>`insert into exercise
      (code, name, kind, lead_organisation_id, starts_on, ends_on, owner_nation_id, releasability)
    values (${`SRCH-${Math.random().toString(36).slice(2, 8).toUpperCase()}`}, ${name}, 'table_top', ${lead},
      '2027-01-01', '2027-01-05', ${nationId}, 'restricted') returning id`.execute(app.db);
  return rows[0]!.id;
}

describe("GET /api/search", () => {
  it("finds a record of every kind by its title, grouped by kind", async () => {
    for (const kind of SEARCH_KINDS) {
      const { rows } = await sql<{ recordId: string; titleEn: string }>`
        select record_id, title_en from search_entry where kind = ${kind} order by title_en limit 1`.execute(
        t.db,
      );
      expect(rows[0], `the demo data has a ${kind}`).toBeDefined();
      const result = await search(admin, rows[0]!.titleEn, `&kinds=${kind}&limit=100`);
      expect(result.groups.map((group) => group.kind)).toEqual([kind]);
      expect(idsOf(result, kind), `${kind} "${rows[0]!.titleEn}"`).toContain(rows[0]!.recordId);
    }
  });

  it("folds case, accents and the Azerbaijani letters, and tolerates a wrong, dropped or swapped letter", async () => {
    const azerbaijan = await t.nationId("AZE");
    // Azərbaycan typed without ə, then with a letter wrong, dropped and two swapped; Russian and English the same.
    for (const q of [
      "AZƏRBAYCAN",
      "azerbaycan",
      "Azerbaycon",
      "Azerbaycn",
      "Azrebaycan",
      "Азербайджн",
      "Azerbiajan",
    ]) {
      expect(idsOf(await search(aze, q, "&kinds=nation"), "nation"), q).toContain(azerbaijan);
    }
    const decision = (
      await sql<{ id: string; meetingId: string }>`select d.id, d.meeting_id from meeting_decision d
        join meeting_decision_text x on x.decision_id = d.id
        where x.body like 'Утвердить программу региональных экспертных консультаций%'`.execute(t.db)
    ).rows[0]!;
    for (const q of ["Бишкекском", "Бишкекксом", "Бишкекском отделени", "Бешкекском"]) {
      const hits = (await search(admin, q, "&kinds=decision")).groups[0]?.items ?? [];
      expect(
        hits.find((hit) => hit.id === decision.id),
        q,
      ).toMatchObject({ kind: "decision", parentId: decision.meetingId });
    }
  });

  it("ranks exact matches before close spellings", async () => {
    const exact = await exercise("AZE", "Zephyrine harbour drill");
    const close = await exercise("AZE", "Zephyrene harbour drill");
    const result = await search(aze, "zephyrine", "&kinds=exercise");
    const items = result.groups[0]!.items;
    expect(items.map((item) => item.id)).toEqual([exact, close]);
    expect(items.map((item) => item.exact)).toEqual([true, false]);
    // Typed wrong, both are close spellings and both are found.
    expect(idsOf(await search(aze, "zephirine", "&kinds=exercise"), "exercise").sort()).toEqual(
      [exact, close].sort(),
    );
  });

  it("neither lists nor counts a restricted record of another nation", async () => {
    const mine = await exercise("AZE", "Quillbrook coastal exercise");
    const theirs = await exercise("GEO", "Quillbrook mountain exercise");
    // A restricted meeting of Georgia, with a decision and an action item that carry the word.
    const series = (
      await sql<{ id: string }>`select id from meeting_series order by code limit 1`.execute(t.db)
    ).rows[0]!.id;
    const geoId = await t.nationId("GEO");
    const meeting = (
      await sql<{
        id: string;
      }>`insert into meeting (series_id, number, title, starts_on, ends_on, owner_nation_id,
          releasability) values (${series}, 9000, 'Quillbrook talks', '2027-02-01', '2027-02-02', ${geoId},
          'restricted') returning id`.execute(t.db)
    ).rows[0]!.id;
    const decision = (
      await sql<{ id: string }>`insert into meeting_decision (series_id, meeting_id, number, reference, title)
        values (${series}, ${meeting}, 1, 'QB-1', 'Quillbrook decision') returning id`.execute(t.db)
    ).rows[0]!.id;
    await sql`insert into meeting_action_item (series_id, raised_meeting_id, title, assignee_nation_id, deadline)
      values (${series}, ${meeting}, 'Quillbrook follow-up', ${geoId}, '2027-03-01')`.execute(t.db);

    for (const q of ["Quillbrook", "quilbrook", "Qiullbrook"]) {
      const seen = await search(aze, q);
      expect(
        seen.groups.map((group) => group.kind),
        q,
      ).toEqual(["exercise"]);
      expect(seen.groups[0]).toMatchObject({ total: 1, items: [{ id: mine }] });
      expect(seen.total).toBe(1);
      expect(JSON.stringify(seen)).not.toContain(theirs);
      expect(JSON.stringify(seen)).not.toContain(decision);

      const theirView = await search(geo, q);
      expect(
        theirView.groups.map((group) => group.kind),
        q,
      ).toEqual(["exercise", "meeting", "decision", "action_item"]);
      expect(idsOf(theirView, "exercise")).toEqual([theirs]);
      expect(idsOf(theirView, "decision")).toEqual([decision]);

      const everything = await search(admin, q);
      expect(everything.groups.find((group) => group.kind === "exercise")?.total).toBe(2);
    }
  });

  it("follows edits and deletions of the records", async () => {
    const id = await exercise("AZE", "Marlowfield exercise");
    expect(idsOf(await search(aze, "Marlowfield"), "exercise")).toEqual([id]);
    await sql`update exercise set name = 'Thornbury exercise' where id = ${id}`.execute(t.db);
    expect((await search(aze, "Marlowfield")).groups).toEqual([]);
    expect(idsOf(await search(aze, "Thornbury"), "exercise")).toEqual([id]);
    await sql`delete from exercise where id = ${id}`.execute(t.db);
    expect((await search(aze, "Thornbury")).groups).toEqual([]);
  });

  it("refuses the signed-out and names the field of bad input", async () => {
    expect((await t.anonymous.get("/api/search?q=baku")).status).toBe(401);
    const unknown = await admin.get<{ fields: { field: string }[] }>("/api/search?q=baku&kinds=spaceship");
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0]!.field).toBe("query.kinds");
    expect((await admin.get("/api/search?q=")).status).toBe(400);
    expect((await admin.get("/api/search?q=%20%20")).status).toBe(400);
  });
});

describe("GET /api/search, counts capped (ACCORD_SEARCH_COUNT_CAP)", () => {
  let c: TestApp;
  let cAdmin: Agent;
  let cAze: Agent;
  let cGeo: Agent;
  beforeAll(async () => {
    c = await createTestApp({ searchCountCap: 2 });
    await c.seed();
    cAdmin = await c.signIn({ role: "administrator" });
    cAze = await c.signIn({ role: "national_coordinator", nation: "AZE" });
    cGeo = await c.signIn({ role: "national_coordinator", nation: "GEO" });
  });
  afterAll(() => c?.close());
  const exercises = (result: Result) => result.groups.find((group) => group.kind === "exercise");

  it("counts exactly up to the cap, then says more match; never counts what the viewer may not see", async () => {
    await exercise("AZE", "Vantorel coastal exercise", c);
    expect(exercises(await search(cAze, "Vantorel", "&limit=2"))).toMatchObject({ total: 1, capped: false });

    await exercise("AZE", "Vantorel river exercise", c);
    const atCap = await search(cAze, "Vantorel", "&limit=2");
    expect(exercises(atCap)).toMatchObject({ total: 2, capped: false });
    expect(atCap).toMatchObject({ total: 2, capped: false });

    // Three restricted exercises of Georgia: Azerbaijan's coordinator neither counts nor is told of them.
    const theirs = [
      await exercise("GEO", "Vantorel mountain exercise", c),
      await exercise("GEO", "Vantorel valley exercise", c),
      await exercise("GEO", "Vantorel lake exercise", c),
    ];
    const mine = await search(cAze, "Vantorel", "&limit=2");
    expect(exercises(mine)).toMatchObject({ total: 2, capped: false });
    expect(mine.capped).toBe(false);
    expect(theirs).toHaveLength(3);
    // loop runs: the three ids just created
    for (const id of theirs) expect(JSON.stringify(mine)).not.toContain(id);

    const geo = await search(cGeo, "Vantorel", "&limit=2");
    expect(exercises(geo)).toMatchObject({ total: 2, capped: true });
    expect(geo.capped).toBe(true);
    expect(exercises(geo)!.items).toHaveLength(2);
    expect(exercises(geo)!.items.every((item) => theirs.includes(item.id))).toBe(true);

    const all = await search(cAdmin, "Vantorel", "&limit=2");
    expect(exercises(all)).toMatchObject({ total: 2, capped: true });
    expect(all).toMatchObject({ total: 2, capped: true });
  });

  it("ranks an exact match first even when the close spellings alone pass the cap", async () => {
    const close = [
      await exercise("AZE", "Brellowick harbour drill", c),
      await exercise("AZE", "Brellowick pier drill", c),
      await exercise("AZE", "Brellowick dock drill", c),
    ];
    const exact = await exercise("AZE", "Brelloweck quay drill", c);
    const result = exercises(await search(cAze, "brelloweck", "&limit=2"))!;
    expect(result).toMatchObject({ total: 2, capped: true });
    expect(result.items.map((item) => item.exact)).toEqual([true, false]);
    expect(result.items[0]!.id).toBe(exact);
    expect(close).toContain(result.items[1]!.id);
  });
});
