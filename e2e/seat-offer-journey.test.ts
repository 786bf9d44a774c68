import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("a seat offer in the browser", () => {
  it("the participant sees the seat offered to them with its deadline, accepts it, and holds the seat", async () => {
    const db = e2e.t.db;
    const event = await db
      .selectFrom("event as e")
      .innerJoin("activity as a", "a.id", "e.activityId")
      .select("e.id")
      .where("a.code", "=", "CREVAL-2027")
      .where("e.startsOn", "=", "2027-03-08")
      .executeTakeFirstOrThrow();
    const person = await db
      .selectFrom("appUser as u")
      .innerJoin("person as p", "p.id", "u.personId")
      .select(["p.id", "p.nationId", "p.familyName"])
      .where("u.username", "=", "participant")
      .executeTakeFirstOrThrow();
    // The participant waits for a seat and has just been offered one (as when a seat frees: offers.test.ts).
    const nomination = await db
      .insertInto("nomination")
      .values({ eventId: event.id, personId: person.id, nationId: person.nationId, status: "waitlisted" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("seatOffer")
      .values({
        nominationId: nomination.id,
        eventId: event.id,
        expiresAt: new Date(Date.now() + 72 * 3600_000),
      })
      .execute();

    const participant = await e2e.newPage();
    await e2e.login(participant, "participant");
    await participant.goto("/catalogue/schedule");
    const offer = participant.getByTestId(`seat-offer-${person.familyName}`);
    await poll(() => offer.textContent()).toContain("Offered until");
    const acceptedRows = () =>
      participant
        .getByTestId(`nomination-row-${person.familyName}`)
        .getByTestId("nomination-status-accepted")
        .count();
    await poll(() => participant.getByTestId(`nomination-row-${person.familyName}`).count()).toBeGreaterThan(
      0,
    );
    const before = await acceptedRows();
    await participant.getByTestId(`offer-accept-${person.familyName}`).click();
    await poll(() => participant.getByTestId(`offer-accept-${person.familyName}`).count()).toBe(0);
    await poll(() => offer.textContent()).toContain("Accepted");
    // Their schedule now lists one more accepted seat: this event's.
    await poll(acceptedRows).toBe(before + 1);
    const stored = await db
      .selectFrom("nomination")
      .select("status")
      .where("id", "=", nomination.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("accepted");
  });
});
