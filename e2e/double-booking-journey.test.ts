import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Agent } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

async function course(
  organiser: Agent,
  code: string,
  startsOn: string,
  endsOn: string,
  capacity: number | null = null,
) {
  const activity = await organiser.post("/api/activities", {
    code,
    titleEn: `Overlap ${code}`,
    kind: "course",
    menuYear: 2027,
    organiserId: await e2e.t.organisationId("NATO-SCHOOL"),
  });
  expect(activity.status, activity.text).toBe(201);
  await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
  const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
    startsOn,
    endsOn,
    acceptance: "manual",
    capacity,
  });
  expect(event.status, event.text).toBe(201);
  return event.body.id as string;
}

describe("double booking in the browser", () => {
  it("the organiser sees the conflicts and accepts anyway with a reason, shown on the nomination", async () => {
    const { t } = e2e;
    const organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const nationId = await t.nationId("GEO");
    const person = await t.db
      .insertInto("person")
      .values({ givenName: "Nino", familyName: "Overbooked", nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const first = await course(organiser, "OVERLAP-A", "2027-08-02", "2027-08-06");
    const second = await course(organiser, "OVERLAP-B", "2027-08-05", "2027-08-09");
    const held = await coordinator.post(`/api/events/${first}/nominations`, { personId: person.id });
    expect(
      (await organiser.post(`/api/nominations/${held.body.id}/decision`, { decision: "accept" })).status,
    ).toBe(200);
    expect(
      (await coordinator.post(`/api/events/${second}/nominations`, { personId: person.id })).status,
    ).toBe(201);

    const page = await e2e.newPage();
    await e2e.login(page, "organiser");
    await page.goto(`/catalogue/events/${second}`);
    await page.getByTestId("decide-accept-Overbooked").click();
    const modal = page.getByTestId("double-booking-modal");
    await poll(() => page.getByTestId("double-booking-conflicts").textContent()).toContain("OVERLAP-A");
    await poll(() => page.getByTestId("double-booking-conflicts").textContent()).toContain("Course");
    // "Accept anyway" needs a reason: nothing is sent without one.
    await page.getByTestId("double-booking-accept").click();
    await poll(() => modal.getByText("A reason is required").count()).toBe(1);
    await page.getByTestId("double-booking-reason").fill("Attends the last day of OVERLAP-A by video");
    await page.getByTestId("double-booking-accept").click();
    await poll(() => page.getByTestId("double-booking-Overbooked").textContent()).toContain(
      "Attends the last day of OVERLAP-A by video",
    );
    await poll(() => page.getByTestId("double-booking-modal").count()).toBe(0);
  });

  it("an offered seat accepted over a double booking asks for the reason too", async () => {
    const { t } = e2e;
    const organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const nationId = await t.nationId("GEO");
    const person = async (familyName: string) =>
      (
        await t.db
          .insertInto("person")
          .values({ givenName: "Eka", familyName, nationId, ownerNationId: nationId })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const waiting = await person("Waitlisted");
    const decide = (id: string, decision: string) =>
      organiser.post(`/api/nominations/${id}/decision`, { decision, reason: "Seat freed" });
    const first = await course(organiser, "OFFER-A", "2027-09-06", "2027-09-10");
    const held = await coordinator.post(`/api/events/${first}/nominations`, { personId: waiting });
    expect((await decide(held.body.id, "accept")).status).toBe(200);
    const full = await course(organiser, "OFFER-B", "2027-09-10", "2027-09-12", 1);
    const holder = await coordinator.post(`/api/events/${full}/nominations`, {
      personId: await person("Holder"),
    });
    expect((await decide(holder.body.id, "accept")).status).toBe(200);
    const mine = await coordinator.post(`/api/events/${full}/nominations`, { personId: waiting });
    expect((await decide(mine.body.id, "waitlist")).status).toBe(200);
    expect((await decide(holder.body.id, "decline")).status).toBe(200);

    const page = await e2e.newPage();
    await e2e.login(page, "organiser");
    await page.goto(`/catalogue/events/${full}`);
    await page.getByTestId("offer-accept-Waitlisted").click();
    await poll(() => page.getByTestId("double-booking-conflicts").textContent()).toContain("OFFER-A");
    await page.getByTestId("double-booking-reason").fill("Travels on the evening of the 10th");
    await page.getByTestId("double-booking-accept").click();
    await poll(() => page.getByTestId("double-booking-Waitlisted").textContent()).toContain(
      "Travels on the evening of the 10th",
    );
  });

  it("a delegation naming a person already in another meeting's delegation shows the conflict and is added over it with a reason", async () => {
    const { t } = e2e;
    const db = t.db;
    const nationId = await t.nationId("GEO");
    const owner = await t.organisationId("NATO-SCHOOL");
    const person = await db
      .insertInto("person")
      .values({ givenName: "Levan", familyName: "Delegatishvili", nationId, ownerNationId: nationId })
      .returning("id")
      .executeTakeFirstOrThrow();
    const series = await db
      .insertInto("meetingSeries")
      .values({
        code: "DEL-E2E",
        kind: "heads_meeting",
        titleEn: "Heads of delegations",
        ownerOrganisationId: owner,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const meeting = async (number: number, title: string, startsOn: string, endsOn: string) =>
      (
        await db
          .insertInto("meeting")
          .values({ seriesId: series.id, number, title, startsOn, endsOn, ownerOrganisationId: owner })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const held = await meeting(1, "Tbilisi consultations", "2027-10-04", "2027-10-06");
    await db
      .insertInto("meetingDelegation")
      .values({
        meetingId: held,
        nationId,
        members: JSON.stringify([{ name: "Levan Delegatishvili", personId: person.id }]),
      })
      .execute();
    const target = await meeting(2, "Baku consultations", "2027-10-06", "2027-10-07");

    const page = await e2e.newPage();
    await e2e.login(page, "organiser");
    await page.goto(`/meetings/${target}`);
    const party = page.getByTestId("delegation-party");
    await party.click();
    await party.fill("GEO");
    await page.getByRole("option", { name: /^GEO/ }).first().click();
    const member = page.getByTestId("delegation-member");
    await member.click();
    await member.fill("Delegatishvili");
    await page
      .getByRole("option", { name: /Delegatishvili/ })
      .first()
      .click();
    await page.getByTestId("delegation-member-add").click();
    await poll(() => page.getByTestId("delegation-members").textContent()).toContain("Levan Delegatishvili");
    await page.getByTestId("delegation-add").click();

    const modal = page.getByTestId("double-booking-modal");
    await poll(() => modal.getByTestId("double-booking-conflicts").textContent()).toContain(
      "Tbilisi consultations",
    );
    expect(await modal.textContent()).toContain("Baku consultations");
    expect(await page.getByTestId("meeting-delegations").getByTestId("delegation").count()).toBe(0);
    // Without a reason the dialog asks for one; with it the delegation is added.
    await page.getByTestId("double-booking-accept").click();
    await poll(() => modal.textContent()).toContain("A reason is required");
    await page.getByTestId("double-booking-reason").fill("Joins by video on the 6th");
    await page.getByTestId("double-booking-accept").click();
    await poll(() => page.getByTestId("double-booking-modal").count()).toBe(0);
    await poll(() => page.getByTestId("meeting-delegations").getByTestId("delegation").count()).toBe(1);
    expect(await page.getByTestId("meeting-delegations").textContent()).toContain("Levan Delegatishvili");
    const audit = await db
      .selectFrom("auditEntry")
      .select("diff")
      .where("action", "=", "meeting.delegation.add")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.diff)).toContain("Joins by video on the 6th");
  });
});
