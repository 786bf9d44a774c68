import fc from "fast-check";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRead, type ReleasableRecord, visibleTo } from "../../src/platform/access/releasability.js";
import { ANONYMOUS, ROLES, type RoleGrant, type Viewer } from "../../src/platform/access/viewer.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";

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

// ------------------------------------------------------------------------------------------------------------
// Catalogue rules, through the API: seats and quotas, activity status transitions.
const SEAT_NATIONS = ["AZE", "TUR", "GEO"] as const;

describe("catalogue rules", () => {
  let organiser: Agent;
  const coordinators = new Map<string, Agent>();
  let counter = 0;

  beforeAll(async () => {
    await t.seed();
    organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
    for (const code of SEAT_NATIONS)
      coordinators.set(code, await t.signIn({ role: "national_coordinator", nation: code }));
  });

  async function activity(capacity: number, quota: number) {
    const code = `PROP-${Date.now() % 1_000_000}-${++counter}`;
    const created = await organiser.post("/api/activities", {
      code,
      titleEn: `Property ${code}`,
      kind: "course",
      menuYear: 2027,
      organiserId: await t.organisationId("NATO-SCHOOL"),
      capacity,
      nationQuota: quota,
    });
    expect(created.status, created.text).toBe(201);
    return created.body.id as string;
  }

  const operation = fc.oneof(
    fc.record({ kind: fc.constant("nominate" as const), nation: fc.constantFrom(...SEAT_NATIONS) }),
    fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat() }),
  );

  it("never accepts more than the capacity nor more than a nation's quota, whatever the order of nominations and withdrawals", async () => {
    await fc.assert(
      fc.asyncProperty(
        // A nation's quota is at most the capacity (an activity with more is refused).
        fc
          .integer({ min: 1, max: 5 })
          .chain((capacity) =>
            fc.tuple(fc.constant(capacity), fc.integer({ min: 1, max: Math.min(3, capacity) })),
          ),
        fc.array(operation, { minLength: 1, maxLength: 14 }),
        async ([capacity, quota], operations) => {
          const activityId = await activity(capacity, quota);
          expect(
            (await organiser.post(`/api/activities/${activityId}/status`, { status: "published" })).status,
          ).toBe(200);
          const event = await organiser.post(`/api/activities/${activityId}/events`, {
            startsOn: "2027-06-07",
            endsOn: "2027-06-11",
            acceptance: "first_come",
          });
          expect(event.status).toBe(201);
          const nominations: { id: string; nation: string }[] = [];
          for (const op of operations) {
            if (op.kind === "nominate") {
              const nationId = await t.nationId(op.nation);
              const person = await t.db
                .insertInto("person")
                .values({
                  givenName: "Prop",
                  familyName: `Seat${++counter}`,
                  nationId,
                  ownerNationId: nationId,
                })
                .returning("id")
                .executeTakeFirstOrThrow();
              const reply = await coordinators
                .get(op.nation)!
                .post(`/api/events/${event.body.id}/nominations`, { personId: person.id });
              expect(reply.status).toBe(201);
              nominations.push({ id: reply.body.id, nation: op.nation });
            } else if (nominations.length) {
              const target = nominations[op.pick % nominations.length]!;
              const reply = await coordinators
                .get(target.nation)!
                .post(`/api/nominations/${target.id}/withdraw`, {});
              expect([200, 409]).toContain(reply.status);
            }
            const rows = await t.db
              .selectFrom("nomination")
              .select(["nationId", "status"])
              .where("eventId", "=", event.body.id)
              .execute();
            const accepted = rows.filter((row) => row.status === "accepted");
            expect(accepted.length).toBeLessThanOrEqual(capacity);
            const perNation = new Map<string, number>();
            for (const row of accepted) perNation.set(row.nationId, (perNation.get(row.nationId) ?? 0) + 1);
            for (const count of perNation.values()) expect(count).toBeLessThanOrEqual(quota);
            const gauge = await organiser.get(`/api/events/${event.body.id}`);
            expect(gauge.body.seats.accepted).toBe(accepted.length);
          }
        },
      ),
      { numRuns: 12 },
    );
  });

  it("changes an activity's status only when the transition is allowed, and audits exactly the changes made", async () => {
    const statuses = ["draft", "published", "closed", "completed", "cancelled"] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...statuses), { minLength: 1, maxLength: 8 }),
        async (targets) => {
          const activityId = await activity(10, 2);
          let current = (await organiser.get(`/api/activities/${activityId}`)).body.status as string;
          for (const target of targets) {
            const before = await t.db
              .selectFrom("auditEntry")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("recordId", "=", activityId)
              .executeTakeFirstOrThrow();
            const reply = await organiser.post(`/api/activities/${activityId}/status`, { status: target });
            expect(reply.status, `${current} -> ${target}: ${reply.text}`).toBeLessThan(500);
            const after = await t.db
              .selectFrom("auditEntry")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("recordId", "=", activityId)
              .executeTakeFirstOrThrow();
            const stored = (await organiser.get(`/api/activities/${activityId}`)).body.status as string;
            if (reply.status === 200) {
              expect(stored).toBe(target);
              expect(Number(after.n)).toBeGreaterThan(Number(before.n));
              current = stored;
            } else {
              expect([400, 409, 422]).toContain(reply.status);
              expect(stored).toBe(current);
              expect(Number(after.n)).toBe(Number(before.n));
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
