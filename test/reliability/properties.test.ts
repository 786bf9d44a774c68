import fc from "fast-check";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRead, type ReleasableRecord, visibleTo } from "../../src/platform/access/releasability.js";
import { ANONYMOUS, ROLES, type RoleGrant, type Viewer } from "../../src/platform/access/viewer.js";
import { createTestApp, type TestApp } from "../support/test-app.js";

let t: TestApp;
let db: Kysely<any>;

const NATIONS = [
  "00000000-0000-4000-a000-000000000001",
  "00000000-0000-4000-a000-000000000002",
  "00000000-0000-4000-a000-000000000003",
];
const ORGANISATIONS = [
  "00000000-0000-4000-b000-000000000001",
  "00000000-0000-4000-b000-000000000002",
  "00000000-0000-4000-b000-000000000003",
];

const ids = (pool: string[]) => fc.uniqueArray(fc.constantFrom(...pool), { maxLength: pool.length });

const recordArb: fc.Arbitrary<ReleasableRecord> = fc.record({
  ownerNationId: fc.option(fc.constantFrom(...NATIONS), { nil: null }),
  ownerOrganisationId: fc.option(fc.constantFrom(...ORGANISATIONS), { nil: null }),
  releasability: fc.constantFrom("public", "internal", "restricted"),
  releaseNations: ids(NATIONS),
  releaseOrganisations: ids(ORGANISATIONS),
});

const grantArb: fc.Arbitrary<RoleGrant> = fc.record({
  role: fc.constantFrom(...ROLES),
  nationId: fc.option(fc.constantFrom(...NATIONS), { nil: null }),
  organisationId: fc.option(fc.constantFrom(...ORGANISATIONS), { nil: null }),
});

const viewerArb: fc.Arbitrary<Viewer> = fc.oneof(
  fc.constant(ANONYMOUS),
  fc
    .record({
      grants: fc.array(grantArb, { maxLength: 3 }),
      nationIds: ids(NATIONS),
      organisationIds: ids(ORGANISATIONS),
      managedOrganisationIds: ids(ORGANISATIONS),
    })
    .map((scope) => ({
      ...ANONYMOUS,
      userId: "00000000-0000-4000-c000-000000000001",
      username: "property",
      ...scope,
    })),
);

beforeAll(async () => {
  t = await createTestApp();
  db = t.db as unknown as Kysely<any>;
  await sql`create table prop_record (
    id integer primary key, owner_nation_id uuid, owner_organisation_id uuid, releasability text not null,
    release_nations uuid[] not null, release_organisations uuid[] not null)`.execute(db);
});
afterAll(() => t.close());

describe("releasability", () => {
  it("filters in SQL exactly the records the JavaScript rule lets a viewer read", async () => {
    await fc.assert(
      fc.asyncProperty(
        viewerArb,
        fc.array(recordArb, { minLength: 1, maxLength: 25 }),
        async (viewer, records) => {
          await sql`delete from prop_record`.execute(db);
          await db
            .insertInto("prop_record")
            .values(
              records.map((r, id) => ({
                id,
                owner_nation_id: r.ownerNationId,
                owner_organisation_id: r.ownerOrganisationId,
                releasability: r.releasability,
                release_nations: sql`${sql.val(r.releaseNations)}::uuid[]`,
                release_organisations: sql`${sql.val(r.releaseOrganisations)}::uuid[]`,
              })),
            )
            .execute();
          const rows = await db
            .selectFrom("prop_record as r")
            .select("r.id")
            .where(visibleTo(viewer, "r"))
            .execute();
          const inSql = rows.map((row) => row.id as number).sort((a, b) => a - b);
          const inJs = records.flatMap((record, id) => (canRead(viewer, record) ? [id] : []));
          expect(inSql).toEqual(inJs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("never shows a restricted record to a signed-out visitor, and always shows public ones", () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(canRead(ANONYMOUS, record)).toBe(record.releasability === "public");
      }),
    );
  });
});
