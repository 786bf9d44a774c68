import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { loadAccessEntries } from "./load-entries.js";

/**
 * The access matrix compares status codes; a list open to every signed-in user answers 200 to everyone, so its
 * filtering is invisible there. Here every such list (a GET route without parameters that the participant may
 * call) is read by a coordinator, a scoped auditor and a participant of Georgia and by a coordinator of Azerbaijan, and the ids in the answers are compared: no
 * answer to a Georgian may carry the id of an Azerbaijani restricted record that is not released to Georgia.
 */
/** Routes without parameters that are not lists: a look-up of one record by what is printed on it. */
// Not lists of records: a look-up of one certificate by its printed number and holder, and a consistency proof
// between two sizes of the transparency log (hashes only; it needs both sizes).
const NOT_LISTS = new Set(["/api/public/certificate-lookup", "/api/transparency/consistency"]);
const LISTS: string[] = [];
for (const { source, entry } of await loadAccessEntries()) {
  // The platform's routes (health, API documentation) hold no records.
  if (source.endsWith("/platform.access.ts")) continue;
  if (entry.method === "GET" && !entry.url.includes(":") && !entry.url.includes("*"))
    if (entry.access.participant === "allow" && entry.access.national_coordinator === "allow")
      if (!NOT_LISTS.has(entry.url)) LISTS.push(entry.url);
}

let t: TestApp;
/** Georgian viewers of three kinds of scope. */
const GEORGIANS = ["national coordinator", "auditor", "participant"] as const;
const geo = new Map<(typeof GEORGIANS)[number], Agent>();
let aze: Agent;
/** Ids of Azerbaijani restricted records not released to Georgia (the Georgian coordinator holds no organisation). */
const hidden = new Map<string, string>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function idsIn(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === "string" && UUID.test(value)) found.add(value.toLowerCase());
  else if (Array.isArray(value)) for (const item of value) idsIn(item, found);
  else if (value && typeof value === "object") for (const item of Object.values(value)) idsIn(item, found);
  return found;
}

/** A word of a hidden record's title, for a list that needs a search text (the global search). */
let hiddenWord = "";

/**
 * The whole list where the route pages (limit 100 where accepted); a list that needs a filter is asked about
 * Azerbaijan (a nation), the evaluator qualification (the registry), a word of a hidden record's title (the global
 * search) or the programme chart (a dashboard's table as CSV).
 */
async function read(agent: Agent, url: string) {
  const required: string[] = [];
  let paged = true;
  for (;;) {
    const query = [...required, ...(paged ? ["limit=100"] : [])].join("&");
    const reply = await agent.get(query ? `${url}?${query}` : url);
    const fields = reply.status === 400 ? JSON.stringify(reply.body.fields ?? []) : "";
    if (paged && fields.includes("query.limit")) paged = false;
    else if (fields.includes("query.nationId") && !required.some((q) => q.startsWith("nationId=")))
      required.push(`nationId=${await t.nationId("AZE")}`);
    else if (fields.includes("query.qualification") && !required.some((q) => q.startsWith("qualification=")))
      required.push("qualification=CREVAL-EVALUATOR");
    else if (fields.includes("query.chart") && !required.some((q) => q.startsWith("chart=")))
      required.push("chart=programme");
    else if (fields.includes("query.q") && !required.some((q) => q.startsWith("q=")))
      required.push(`q=${encodeURIComponent(hiddenWord)}`);
    else return reply;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  geo.set("national coordinator", await t.signIn({ role: "national_coordinator", nation: "GEO" }));
  geo.set("auditor", await t.signIn({ role: "auditor", nation: "GEO" }));
  geo.set("participant", await t.signIn({ role: "participant", personNation: "GEO" }));
  aze = await t.signIn({ role: "national_coordinator", nation: "AZE", personNation: "AZE" });
  const tables = await sql<{ table: string }>`
    select c.table_name as "table" from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.column_name in ('id', 'releasability', 'owner_nation_id', 'release_nations', 'release_organisations')
    group by c.table_name having count(*) = 5
    order by 1`.execute(t.db);
  const azeId = await t.nationId("AZE");
  const geoId = await t.nationId("GEO");
  // loop runs: the count of releasable tables is asserted below
  for (const { table } of tables.rows) {
    const rows = await sql<{ id: string }>`
      select id::text as id from ${sql.table(table)} where releasability = 'restricted'
        and owner_nation_id = ${azeId} and not (${geoId}::uuid = any(release_nations))
`.execute(t.db);
    for (const row of rows.rows) hidden.set(row.id.toLowerCase(), table);
  }
  expect(tables.rows.length).toBeGreaterThan(3);
  // The first word of four letters or more in the title of a hidden record the global search holds.
  const titles = await sql<{ title: string }>`select title_en as title from search_entry
    where record_id::text = any(${[...hidden.keys()]}) order by title_en`.execute(t.db);
  hiddenWord =
    titles.rows.flatMap((row) => row.title.split(/[^\p{L}\p{N}]+/u)).find((word) => word.length >= 4) ?? "";
  expect(hiddenWord, "a hidden record's title in the search table").not.toBe("");
});
afterAll(() => t?.close());

describe("lists open to every signed-in user", () => {
  it("are found in the access matrix, and the seed has Azerbaijani restricted records", () => {
    expect(LISTS.length).toBeGreaterThan(10);
    expect(hidden.size).toBeGreaterThan(0);
  });

  it.for(LISTS)("%s gives Georgian viewers no Azerbaijani restricted record", async (url) => {
    for (const viewer of GEORGIANS) {
      const reply = await read(geo.get(viewer)!, url);
      expect(reply.status, `${url} as the Georgian ${viewer}: ${reply.text.slice(0, 300)}`).toBe(200);
      const leaked = [...idsIn(reply.body)]
        .filter((id) => hidden.has(id))
        .map((id) => `${hidden.get(id)} ${id}`);
      expect(leaked, `${url} as the Georgian ${viewer}`).toEqual([]);
    }
  });

  it("would see such a record if a list leaked it: the Azerbaijani coordinator receives some in the same lists", async () => {
    const seen = new Set<string>();
    // loop runs: LISTS is counted in the first test
    for (const url of LISTS) {
      const reply = await read(aze, url);
      for (const id of idsIn(reply.body)) if (hidden.has(id)) seen.add(hidden.get(id)!);
    }
    expect(
      seen.size,
      "the Azerbaijani coordinator received no Azerbaijani restricted record in any list",
    ).toBeGreaterThan(0);
  });
});
