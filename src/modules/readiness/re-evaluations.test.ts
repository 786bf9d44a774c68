import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
});
afterAll(() => t.close());

describe("re-evaluations listed on an evaluation", () => {
  it("lists only the re-evaluations the viewer may read (a restricted one of another nation stays hidden)", async () => {
    const aze = await t.nationId("AZE");
    const geo = await t.nationId("GEO");
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const visible = await t.db
      .selectFrom("evaluation")
      .select("id")
      .where((eb) => eb.or([eb("ownerNationId", "=", aze), eb("releasability", "=", "public")]))
      .orderBy("id")
      .executeTakeFirstOrThrow();
    expect((await coordinator.get(`/api/readiness/evaluations/${visible.id}`)).status).toBe(200);
    // Two re-evaluations of it: one the coordinator's nation owns, one restricted to Georgia.
    for (const [title, owner] of [
      ["Re-evaluation of our own", aze],
      ["Zymurgy restricted re-evaluation", geo],
    ] as const) {
      await sql`
        insert into evaluation select (jsonb_populate_record(null::evaluation, to_jsonb(e) || jsonb_build_object(
          'id', gen_random_uuid(), 'title', ${title}::text, 'previous_evaluation_id', e.id,
          'owner_nation_id', ${owner}::uuid, 'owner_organisation_id', null, 'releasability', 'restricted',
          'release_nations', '{}'::uuid[], 'release_organisations', '{}'::uuid[]))).*
        from evaluation e where e.id = ${visible.id}`.execute(t.db);
    }
    const reply = await coordinator.get(`/api/readiness/evaluations/${visible.id}`);
    const titles = reply.body.reEvaluations.map((r: { title: string }) => r.title);
    expect(titles).toContain("Re-evaluation of our own");
    expect(reply.text).not.toContain("Zymurgy");
    const admin = await t.signIn({ role: "administrator" });
    const all = await admin.get(`/api/readiness/evaluations/${visible.id}`);
    expect(all.body.reEvaluations.map((r: { title: string }) => r.title)).toContain(
      "Zymurgy restricted re-evaluation",
    );
  });
});
