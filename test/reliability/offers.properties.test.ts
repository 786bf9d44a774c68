import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireDueOffers } from "../../src/modules/catalogue/index.js";
import { seedDirectory } from "../../src/modules/directory/directory.seed.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";

/**
 * Seat offers (issue 22, item 2) under random interleavings of first-come nominations, withdrawals, accepted and
 * declined offers and expiries, some of them concurrent: accepted seats
 * plus open offers never exceed the capacity or a nation's quota, and no seat stays free while a waiting nomination
 * that was never passed over (and whose nation is below its quota) has no open offer.
 */
let t: TestApp;
let organiser: Agent;
const coordinators = new Map<string, Agent>();
const NATIONS = ["AZE", "TUR", "GEO"] as const;
let counter = 0;
/** Offers made across all runs: the property means little if none was ever made. */
let offersMade = 0;

beforeAll(async () => {
  t = await createTestApp();
  await seedDirectory(t.db);
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  for (const code of NATIONS)
    coordinators.set(code, await t.signIn({ role: "national_coordinator", nation: code }));
});
afterAll(() => t.close());

async function firstComeEvent(capacity: number, quota: number) {
  const code = `OFFPROP-${Date.now() % 1_000_000}-${++counter}`;
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Offer property ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await t.organisationId("NATO-SCHOOL"),
    capacity,
    nationQuota: quota,
  });
  expect(activity.status, activity.text).toBe(201);
  expect(
    (await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" })).status,
  ).toBe(200);
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn: "2027-06-07",
    endsOn: "2027-06-11",
    acceptance: "first_come",
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

/** The two invariants, measured in one statement. */
async function invariants(eventId: string, capacity: number, quota: number) {
  const { rows } = await sql<{ held: number; most: number; eligible: number }>`
    with holding as (
      select n.nation_id from nomination n where n.event_id = ${eventId} and n.status = 'accepted'
      union all
      select n.nation_id from seat_offer o join nomination n on n.id = o.nomination_id
        where o.event_id = ${eventId} and o.status = 'offered'),
    by_nation as (select nation_id, count(*)::int as n from holding group by nation_id)
    select (select count(*)::int from holding) as held,
           (select coalesce(max(n), 0)::int from by_nation) as most,
           (select count(*)::int from nomination n where n.event_id = ${eventId} and n.status = 'waitlisted'
              and coalesce((select b.n from by_nation b where b.nation_id = n.nation_id), 0) < ${quota}
              and not exists (select 1 from seat_offer o where o.nomination_id = n.id
                              and o.status in ('offered', 'declined', 'expired'))) as eligible`.execute(t.db);
  const { held, most, eligible } = rows[0]!;
  return {
    overCapacity: held > capacity,
    overQuota: most > quota,
    freeSeatUnoffered: held < capacity && eligible > 0,
  };
}

const step = fc.oneof(
  fc.record({ kind: fc.constant("nominate" as const), nation: fc.constantFrom(...NATIONS) }),
  fc.record({ kind: fc.constant("withdraw" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("accept" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("decline" as const), pick: fc.nat() }),
  fc.constant({ kind: "expire" as const }),
  fc.constant({ kind: "race" as const }),
);

describe("seat offers", () => {
  it("never over-allocate and never leave a free seat unoffered, whatever the interleaving", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((capacity) =>
            fc.tuple(fc.constant(capacity), fc.integer({ min: 1, max: Math.min(2, capacity) })),
          ),
        fc.array(step, { minLength: 4, maxLength: 14 }),
        async ([capacity, quota], steps) => {
          const eventId = await firstComeEvent(capacity, quota);
          const nominations: { id: string; nation: string }[] = [];
          const broken: string[] = [];
          const openOffers = () =>
            t.db
              .selectFrom("seatOffer")
              .select("id")
              .where("eventId", "=", eventId)
              .where("status", "=", "offered")
              .orderBy("offeredAt")
              .execute();
          const pickOffer = async (pick: number) => {
            const open = await openOffers();
            return open.length ? open[pick % open.length]!.id : null;
          };
          const nominate = async (nation: string) => {
            const nationId = await t.nationId(nation);
            const person = await t.db
              .insertInto("person")
              .values({
                givenName: "Prop",
                familyName: `Offer${++counter}`,
                nationId,
                ownerNationId: nationId,
              })
              .returning("id")
              .executeTakeFirstOrThrow();
            const reply = await coordinators
              .get(nation)!
              .post(`/api/events/${eventId}/nominations`, { personId: person.id });
            if (reply.status === 201) nominations.push({ id: reply.body.id, nation });
            return reply.status;
          };
          const withdraw = async (pick: number) => {
            if (!nominations.length) return 200;
            const target = nominations[pick % nominations.length]!;
            return (
              await coordinators
                .get(target.nation)!
                .post(`/api/nominations/${target.id}/withdraw`, { reason: "P" })
            ).status;
          };
          const answer = async (pick: number, choice: "accept" | "decline") => {
            const id = await pickOffer(pick);
            return id ? (await organiser.post(`/api/seat-offers/${id}/${choice}`, {})).status : 200;
          };
          const statuses: number[] = [];
          // A full event with a waiting list to begin with: the steps then free, offer and take seats.
          for (let i = 0; i < capacity * 2 + 2; i++)
            statuses.push(await nominate(NATIONS[i % NATIONS.length]!));
          for (const s of steps) {
            if (s.kind === "nominate") statuses.push(await nominate(s.nation));
            else if (s.kind === "withdraw") statuses.push(await withdraw(s.pick));
            else if (s.kind === "accept") statuses.push(await answer(s.pick, "accept"));
            else if (s.kind === "decline") statuses.push(await answer(s.pick, "decline"));
            else if (s.kind === "expire") {
              await sql`update seat_offer set offered_at = now() - interval '80 hours',
                expires_at = now() - interval '1 minute' where event_id = ${eventId} and status = 'offered'`.execute(
                t.db,
              );
              await Promise.all([expireDueOffers(t.db, t.config), expireDueOffers(t.db, t.config)]);
            } else {
              // Concurrent: a withdrawal, an accept, a decline and a nomination at once.
              statuses.push(
                ...(await Promise.all([
                  withdraw(counter),
                  answer(0, "accept"),
                  answer(1, "decline"),
                  nominate("GEO"),
                ])),
              );
            }
            const state = await invariants(eventId, capacity, quota);
            if (state.overCapacity || state.overQuota || state.freeSeatUnoffered)
              broken.push(`${s.kind}: ${JSON.stringify(state)}`);
          }
          offersMade += Number(
            (
              await t.db
                .selectFrom("seatOffer")
                .select((eb) => eb.fn.countAll<number>().as("n"))
                .where("eventId", "=", eventId)
                .executeTakeFirstOrThrow()
            ).n,
          );
          expect(broken).toEqual([]);
          expect(statuses.filter((status) => ![200, 201, 409].includes(status))).toEqual([]);
        },
      ),
      { numRuns: 10 },
    );
    expect(offersMade).toBeGreaterThan(0);
  });
});
