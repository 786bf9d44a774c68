import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

/** Issue 19, the rest: contributions to an exercise, attendance read back, a message's release list widened. */
let e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe("the rest of the authoring in the browser", () => {
  it("an administrator edits a nation's contributions to an exercise: a category twice is refused beside the list, a line removed, one added", async () => {
    const page = await e.newPage();
    await e.login(page, "admin");
    await page.goto("/exercises");
    await page.getByTestId("exercise-link-BISHKEK-ANTITERROR-2027").click();
    const row = page.getByTestId("participant-KGZ");
    await poll(() => row.textContent()).toContain("72");

    await page.getByTestId("participant-edit-KGZ").click();
    const form = page.getByTestId("participant-edit-form");
    // Lines by kind then category: special forces 60, staff officers 12, the Alpha unit.
    expect(await form.getByTestId("contribution-category-0").inputValue()).toBe("special forces");
    await form.getByTestId("contribution-quantity-0").fill("70");
    await form.getByTestId("contribution-add").click();
    await form.getByTestId("contribution-category-3").fill("staff officers");
    await form.getByTestId("contribution-quantity-3").fill("3");
    await form.getByTestId("participant-edit-save").click();
    await poll(() => form.getByTestId("participant-edit-contributions-error").textContent()).toContain(
      "a category is listed twice for one kind",
    );
    // The input is kept: correct the new line, remove the staff officers, save.
    expect(await form.getByTestId("contribution-quantity-0").inputValue()).toBe("70");
    await form.getByTestId("contribution-category-3").fill("medics");
    await form.getByTestId("contribution-description-3").fill("field hospital team (test)");
    await form.getByTestId("contribution-remove-1").click();
    await form.getByTestId("participant-edit-save").click();
    await poll(() => page.getByTestId("participant-edit-form").count()).toBe(0);
    await poll(() => row.textContent()).toContain("73");
    expect(await row.textContent()).toContain("Alpha special unit (sample)");

    const lines = await e.t.db
      .selectFrom("exerciseContribution as c")
      .innerJoin("exerciseParticipant as p", "p.id", "c.participantId")
      .innerJoin("exercise as x", "x.id", "p.exerciseId")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .select(["c.kind", "c.category", "c.quantity", "c.description"])
      .where("x.code", "=", "BISHKEK-ANTITERROR-2027")
      .where("n.code", "=", "KGZ")
      .orderBy("c.kind")
      .orderBy("c.category")
      .execute();
    expect(lines).toEqual([
      { kind: "personnel", category: "medics", quantity: 3, description: "field hospital team (test)" },
      { kind: "personnel", category: "special forces", quantity: 70, description: "sample" },
      { kind: "unit", category: "Alpha special unit (sample)", quantity: 1, description: "sample" },
    ]);
    await page.context().close();
  });

  it("the organiser records a session's attendance and reads it back per session; a nation's coordinator sees only the nation's lines", async () => {
    const { t } = e;
    const organiser = await t.signIn({
      role: "organiser",
      organisation: "NATO-SCHOOL",
      username: "rest.runner",
    });
    const admin = await t.signIn({ role: "administrator" });
    const activity = await organiser.post("/api/activities", {
      code: "ATTENDANCE-READ-2026",
      titleEn: "Staff course whose attendance is read back",
      kind: "course",
      menuYear: 2026,
      organiserId: await t.organisationId("NATO-SCHOOL"),
    });
    expect(activity.status).toBe(201);
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2026-11-23",
      endsOn: "2026-11-27",
    });
    const eventId = event.body.id as string;
    for (const [givenName, familyName] of [
      ["Kamran", "Mammadov"],
      ["Giorgi", "Beridze"],
    ]) {
      const person = await t.db
        .selectFrom("person")
        .select("id")
        .where("givenName", "=", givenName!)
        .where("familyName", "=", familyName!)
        .executeTakeFirstOrThrow();
      const nomination = await admin.post(`/api/events/${eventId}/nominations`, { personId: person.id });
      expect(nomination.status).toBe(201);
      await organiser.post(`/api/nominations/${nomination.body.id}/decision`, { decision: "accept" });
    }
    await organiser.post(`/api/events/${eventId}/sessions`, {
      title: "Opening brief",
      startsAt: "2026-11-23T08:00:00Z",
      endsAt: "2026-11-23T10:00:00Z",
    });
    const sessionId = (
      await t.db
        .selectFrom("eventSession")
        .select("id")
        .where("eventId", "=", eventId)
        .executeTakeFirstOrThrow()
    ).id;

    const page = await e.newPage();
    await e.login(page, "rest.runner", TEST_PASSWORD);
    await page.goto(`/catalogue/events/${eventId}`);
    const records = page.getByTestId(`attendance-session-${sessionId}`);
    await poll(() => records.getByTestId("attendance-not-recorded").count()).toBe(1);
    await page.getByTestId(`session-attendance-${sessionId}`).click();
    const form = page.getByTestId("session-attendance-form");
    const beridze = form.getByTestId("attendance-line-Beridze");
    await beridze.getByTestId("attendance-present").uncheck();
    await beridze.getByTestId("attendance-note").fill("Flight cancelled (test)");
    await form.getByTestId("session-attendance-save").click();
    await poll(() => page.getByTestId("session-attendance-form").count()).toBe(0);
    await poll(() => records.getByTestId("attendance-counts").textContent()).toBe("1 present · 1 absent");
    expect(await records.getByTestId("attendance-record-Beridze").textContent()).toContain(
      "Flight cancelled (test)",
    );
    expect(await records.getByTestId("attendance-record-Beridze").textContent()).toContain("Absent");
    expect(await records.getByTestId("attendance-record-Mammadov").textContent()).toContain("Present");
    // Opened again, the sheet starts from what was recorded.
    await page.getByTestId(`session-attendance-${sessionId}`).click();
    await poll(() =>
      form.getByTestId("attendance-line-Beridze").getByTestId("attendance-note").inputValue(),
    ).toBe("Flight cancelled (test)");
    expect(await beridze.getByTestId("attendance-present").isChecked()).toBe(false);
    expect(
      await form.getByTestId("attendance-line-Mammadov").getByTestId("attendance-present").isChecked(),
    ).toBe(true);
    await page.context().close();

    // Azerbaijan's coordinator reads Azerbaijan's line only, and records nothing.
    const coordinator = await e.newPage();
    await e.login(coordinator, "coordinator");
    await coordinator.goto(`/catalogue/events/${eventId}`);
    const theirs = coordinator.getByTestId(`attendance-session-${sessionId}`);
    await poll(() => theirs.getByTestId("attendance-record-Mammadov").count()).toBe(1);
    expect(await theirs.getByTestId("attendance-record-Beridze").count()).toBe(0);
    expect(await theirs.getByTestId("attendance-counts").textContent()).toBe("1 present · 0 absent");
    expect(await coordinator.getByTestId(`session-attendance-${sessionId}`).count()).toBe(0);
    await coordinator.context().close();
  });

  it("the sending organisation widens a message's release list from the message page; the nation added then reads it, the recipient may not widen", async () => {
    const { t } = e;
    const sender = await t.signIn({
      role: "organiser",
      organisation: "NATO-SCHOOL",
      username: "rest.sender",
    });
    await t.signIn({ role: "national_coordinator", nation: "GEO", username: "rest.georgia" });
    const sent = await sender.post("/api/exchange/messages", {
      senderOrganisationId: await t.organisationId("NATO-SCHOOL"),
      subject: "Course places for partners (widen test)",
      body: "Places remain on the spring course.",
      recipientNationIds: [await t.nationId("AZE")],
    });
    expect(sent.status).toBe(201);
    const url = `/exchange/${sent.body.id}`;

    const page = await e.newPage();
    await e.login(page, "rest.sender", TEST_PASSWORD);
    await page.goto(url);
    await page.getByTestId("widen-release").click();
    const form = page.getByTestId("widen-release-form");
    await form.getByTestId("widen-release-parties").click();
    await form.getByTestId("widen-release-parties").fill("Georgia");
    await poll(() => page.getByRole("option", { name: /GEO — Georgia/ }).count()).toBe(1);
    await page.getByRole("option", { name: /GEO — Georgia/ }).click();
    await page.keyboard.press("Escape");
    await poll(() => form.getByTestId("widen-release-save").isEnabled()).toBe(true);
    await form.getByTestId("widen-release-save").click();
    await poll(() => page.getByTestId("release-GEO").count()).toBe(1);
    await poll(() => page.getByTestId("receipt-GEO").count()).toBe(1);
    expect(await page.getByTestId("release-AZE").count()).toBe(1);
    const row = await t.db
      .selectFrom("exchangeMessage")
      .select(["releaseNations"])
      .where("id", "=", sent.body.id)
      .executeTakeFirstOrThrow();
    expect(row.releaseNations).toEqual([await t.nationId("AZE"), await t.nationId("GEO")]);
    await page.context().close();

    // Georgia's coordinator now has the message; Azerbaijan's, a recipient, cannot widen it.
    const georgia = await e.newPage();
    await e.login(georgia, "rest.georgia", TEST_PASSWORD);
    await georgia.goto(url);
    await poll(() => georgia.getByTestId("message-subject").textContent()).toBe(
      "Course places for partners (widen test)",
    );
    await georgia.context().close();
    const azerbaijan = await e.newPage();
    await e.login(azerbaijan, "coordinator");
    await azerbaijan.goto(url);
    await azerbaijan.getByTestId("message-subject").waitFor();
    expect(await azerbaijan.getByTestId("widen-release").count()).toBe(0);
    await azerbaijan.context().close();
  });
});
