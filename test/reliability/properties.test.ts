import { randomBytes } from "node:crypto";
import fc from "fast-check";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canRead, type ReleasableRecord, visibleTo } from "../../src/platform/access/releasability.js";
import { ANONYMOUS, ROLES, type RoleGrant, type Viewer } from "../../src/platform/access/viewer.js";
import { ACTIVITY_STATUS_MOVES, ACTIVITY_STATUSES, type ActivityStatus } from "../support/rules.js";
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

/** The demo data, loaded once for the API properties below whichever of them runs first. */
let seeded: Promise<void> | undefined;
const seedOnce = () => {
  seeded ??= t.seed();
  return seeded;
};

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
    await seedOnce();
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
    const statuses = ACTIVITY_STATUSES;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...statuses), fc.boolean()), { minLength: 1, maxLength: 8 }),
        async (moves) => {
          const activityId = await activity(10, 2);
          let current = (await organiser.get(`/api/activities/${activityId}`)).body.status as string;
          for (const [target, withReason] of moves) {
            const before = await t.db
              .selectFrom("auditEntry")
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .where("recordId", "=", activityId)
              .executeTakeFirstOrThrow();
            const reply = await organiser.post(`/api/activities/${activityId}/status`, {
              status: target,
              ...(withReason ? { reason: "Property test" } : {}),
            });
            expect(reply.status, `${current} -> ${target}: ${reply.text}`).toBeLessThan(500);
            // The move succeeds exactly when the table of allowed moves has it (a cancellation needs a reason).
            const allowed =
              ACTIVITY_STATUS_MOVES[current as ActivityStatus].includes(target) &&
              (target !== "cancelled" || withReason);
            expect(reply.status === 200, `${current} -> ${target}: ${reply.text}`).toBe(allowed);
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

// ------------------------------------------------------------------------------------------------------------
// Readiness team rules, through the API: certified throughout, not of the unit's nation, no overlapping teams.
const EVALUATOR = "CREVAL-EVALUATOR";
/** Day `n` of the property's calendar (2031-01-01 is day 0), as an ISO date. */
const day = (n: number) => new Date(Date.UTC(2031, 0, 1 + n)).toISOString().slice(0, 10);

interface CertificateSpec {
  from: number;
  /** Days of validity after `from`; null for a certificate that never expires. */
  days: number | null;
  revoked: boolean;
}
interface PersonSpec {
  nation: number;
  certificates: CertificateSpec[];
}
interface EvaluationSpec {
  unit: number;
  start: number;
  days: number;
}

// Dates fall on a three-day grid, so that boundaries often coincide: a certificate that expires on the last
// day of an evaluation or starts on its first, two teams that share a single day.
const gridDay = (min: number, max: number) => fc.integer({ min, max }).map((n) => 3 * n);

const certificateArb: fc.Arbitrary<CertificateSpec> = fc.record({
  from: gridDay(-8, 6),
  days: fc.option(gridDay(0, 16), { nil: null, freq: 4 }),
  revoked: fc.oneof(
    { weight: 5, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
});
const evaluationArb: fc.Arbitrary<EvaluationSpec> = fc.record({
  unit: fc.nat(),
  // Evaluations crowd a few weeks, so that a person's teams often overlap or touch.
  start: gridDay(0, 8),
  days: gridDay(0, 3),
});

type Outcome = "accepted" | "own nation" | "certification" | "overlap";

/** The three team rules in plain JavaScript, checked in the order the service checks them. */
function expectedOutcome(
  person: PersonSpec & { nationId: string },
  evaluation: { unitNationId: string; start: number; end: number },
  othersOfPerson: { start: number; end: number }[],
): Outcome {
  if (person.nationId === evaluation.unitNationId) return "own nation";
  const certified = person.certificates.some(
    (c) => !c.revoked && c.from <= evaluation.start && (c.days === null || c.from + c.days >= evaluation.end),
  );
  if (!certified) return "certification";
  // Team periods are inclusive at both ends: sharing a single day is an overlap.
  if (othersOfPerson.some((o) => o.start <= evaluation.end && evaluation.start <= o.end)) return "overlap";
  return "accepted";
}

const RULE_MESSAGES: Record<Exclude<Outcome, "accepted">, RegExp> = {
  "own nation": /^Team rule: an evaluator may not evaluate a unit of their own nation \([A-Z]{3}\)$/,
  certification: new RegExp(
    `^Team rule: the evaluator must hold a ${EVALUATOR} certification valid throughout`,
  ),
  overlap: /^Team rule: a person cannot be in two evaluation teams at overlapping dates$/,
};

describe("readiness team rules", () => {
  let admin: Agent;
  let checklistVersionId: string;
  /** Units of three different nations, and the nations people are drawn from (those three and one more). */
  let units: { id: string; nationId: string }[];
  let personNations: string[];
  /** Two runs of the CREVAL course: a person's second certificate comes from the second run. */
  let runs: { courseId: string; eventId: string }[];
  let counter = 0;
  const tally: Record<Outcome, number> = { accepted: 0, "own nation": 0, certification: 0, overlap: 0 };

  beforeAll(async () => {
    await seedOnce();
    admin = await t.signIn({ role: "administrator" });
    const checklist = await admin.post("/api/readiness/checklists", {
      code: "PROP-TEAM-CL",
      title: "Property team rules checklist",
      areas: [{ code: "A", title: "Area A", criteria: [{ code: "A1", text: "Criterion A1" }] }],
    });
    expect(checklist.status, checklist.text).toBe(201);
    checklistVersionId = checklist.body.versions[0].id;

    // The demo data has units of one nation: add units of two more through the directory.
    const nations = await t.db.selectFrom("nation").select(["id", "code"]).orderBy("code").execute();
    const azeUnit = await t.organisationId("AZE-LF-IC1");
    const aze = await t.nationId("AZE");
    units = [{ id: azeUnit, nationId: aze }];
    for (const nation of nations.filter((n) => n.id !== aze).slice(0, 2)) {
      const created = await admin.post("/api/organisations", {
        code: `PROP-UNIT-${nation.code}`,
        nameEn: `Property unit of ${nation.code}`,
        kind: "unit",
        nationId: nation.id,
      });
      expect(created.status, created.text).toBe(201);
      units.push({ id: created.body.id, nationId: nation.id });
    }
    const other = nations.find((n) => !units.some((u) => u.nationId === n.id))!;
    personNations = [...units.map((u) => u.nationId), other.id];

    const course = await t.db
      .selectFrom("course")
      .select(["id", "activityId"])
      .where("qualificationCode", "=", EVALUATOR)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    runs = [];
    for (const startsOn of ["2030-03-04", "2030-09-02"]) {
      const event = await t.db
        .insertInto("event")
        .values({ activityId: course.activityId, startsOn, endsOn: startsOn, status: "completed" })
        .returning("id")
        .executeTakeFirstOrThrow();
      runs.push({ courseId: course.id, eventId: event.id });
    }
  });

  /** A new person of the nation holding the certificates (each from its own course run). */
  async function person(spec: PersonSpec) {
    const nationId = personNations[spec.nation % personNations.length]!;
    const familyName = `Team${++counter}`;
    const row = await t.db
      .insertInto("person")
      .values({ givenName: "Prop", familyName, nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const [i, certificate] of spec.certificates.entries()) {
      const run = runs[i]!;
      const nomination = await t.db
        .insertInto("nomination")
        .values({ eventId: run.eventId, personId: row.id, nationId, status: "accepted", completed: true })
        .returning("id")
        .executeTakeFirstOrThrow();
      await t.db
        .insertInto("certificate")
        .values({
          number: `ACC-2030-${String(700_000 + counter * 10 + i)}`,
          verificationCode: randomBytes(20).toString("base64url"),
          courseId: run.courseId,
          eventId: run.eventId,
          nominationId: nomination.id,
          personId: row.id,
          qualificationCode: EVALUATOR,
          holderName: `Prop ${familyName}`,
          issuedOn: "2030-01-01",
          validFrom: day(certificate.from),
          validUntil: certificate.days === null ? null : day(certificate.from + certificate.days),
          ...(certificate.revoked ? { revokedAt: new Date(), revokedReason: "Property test" } : {}),
        })
        .execute();
    }
    return { ...spec, id: row.id, nationId };
  }

  it("accepts exactly the memberships the three rules allow, and names the rule of every refusal", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            nation: fc.nat(),
            certificates: fc.array(certificateArb, { minLength: 1, maxLength: 2 }),
          }),
          { minLength: 2, maxLength: 3 },
        ),
        fc.array(evaluationArb, { minLength: 2, maxLength: 5 }),
        fc.array(fc.record({ person: fc.nat(), evaluation: fc.nat() }), { minLength: 6, maxLength: 16 }),
        async (personSpecs, evaluationSpecs, picks) => {
          const people = [];
          for (const spec of personSpecs) people.push(await person(spec));
          const evaluations: { id: string; unitNationId: string; start: number; end: number }[] = [];
          for (const spec of evaluationSpecs) {
            const unit = units[spec.unit % units.length]!;
            const reply = await admin.post("/api/readiness/evaluations", {
              unitId: unit.id,
              checklistVersionId,
              kind: "alliance_evaluation_l1",
              title: "Property evaluation",
              startsOn: day(spec.start),
              endsOn: day(spec.start + spec.days),
            });
            expect(reply.status, reply.text).toBe(201);
            evaluations.push({
              id: reply.body.id as string,
              unitNationId: unit.nationId,
              start: spec.start,
              end: spec.start + spec.days,
            });
          }

          // The model: memberships accepted so far, per person (a pair is assigned at most once).
          const accepted: { personId: string; evaluationId: string }[] = [];
          const tried = new Set<string>();
          for (const pick of picks) {
            const who = people[pick.person % people.length]!;
            const evaluation = evaluations[pick.evaluation % evaluations.length]!;
            const pair = `${who.id}/${evaluation.id}`;
            if (tried.has(pair)) continue;
            tried.add(pair);
            const others = accepted
              .filter((m) => m.personId === who.id)
              .map((m) => evaluations.find((e) => e.id === m.evaluationId)!);
            const expected = expectedOutcome(who, evaluation, others);
            tally[expected]++;

            const reply = await admin.post(`/api/readiness/evaluations/${evaluation.id}/team`, {
              personId: who.id,
            });
            const context = `${JSON.stringify({ who, evaluation, others })}: ${reply.text}`;
            if (expected === "accepted") {
              expect(reply.status, context).toBe(201);
              accepted.push({ personId: who.id, evaluationId: evaluation.id });
            } else {
              expect(reply.status, context).toBe(409);
              expect(reply.body.code).toBe("CONFLICT");
              expect(reply.body.message, context).toMatch(RULE_MESSAGES[expected]);
              expect(reply.body.fields).toEqual([expect.objectContaining({ field: "body.personId" })]);
            }
          }

          const stored = await t.db
            .selectFrom("evaluationTeamMember")
            .select(["personId", "evaluationId"])
            .where(
              "evaluationId",
              "in",
              evaluations.map((e) => e.id),
            )
            .execute();
          const key = (m: { personId: string; evaluationId: string }) => `${m.personId}/${m.evaluationId}`;
          expect(stored.map(key).sort()).toEqual(accepted.map(key).sort());
        },
      ),
      { numRuns: 40 },
    );
    // The generators reach every rule and acceptance (otherwise the property above proves little).
    // loop runs: tally is declared with one key per outcome
    for (const outcome of Object.keys(tally) as Outcome[])
      expect(tally[outcome], JSON.stringify(tally)).toBeGreaterThan(0);
    console.log(`team rules: ${JSON.stringify(tally)}`);
  });
});
