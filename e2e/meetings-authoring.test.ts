import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** Opens a select, types to narrow it and picks the option. */
async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

beforeAll(async () => {
  e = await startE2E();
  await e.t.signIn({ role: "organiser", organisation: "CIS-ATC", username: "atc.secretary" });
});
afterAll(() => e?.close());

/** The XII meeting of heads of national anti-terrorism centres (2019), as the secretariat finds it. */
async function openTwelfthMeeting(page: Page) {
  await page.goto("/meetings");
  await pick(
    page,
    "meeting-series-filter",
    "heads of national",
    /Meeting of the heads of national anti-terrorism centres/,
  );
  await page.getByRole("link", { name: /^XII meeting/ }).click();
  await page.getByTestId("meeting-decisions").waitFor();
}

describe("meetings authored in the browser", () => {
  it("the secretariat starts a series (a taken code is refused beside the field), prunes the XII meeting, edits a decision, reviews a carried-over item and uploads evidence", async () => {
    const page = await e.newPage();
    await e.login(page, "atc.secretary", TEST_PASSWORD);

    // A new series: the code of an existing one is refused beside the code, and the title typed stays.
    await page.goto("/meetings");
    await page.getByTestId("series-create").click();
    const seriesForm = page.getByTestId("series-form");
    await seriesForm.getByTestId("series-code").fill("CIS-ATC-ASSEMBLY");
    await seriesForm.getByTestId("series-title-en").fill("Regional expert meetings on cyber threats");
    await pick(page, "series-organiser", "CIS-ATC", /^CIS-ATC — /);
    await seriesForm.getByTestId("series-save").click();
    await poll(() => seriesForm.getByTestId("series-code").getAttribute("aria-invalid")).toBe("true");
    await poll(() => seriesForm.textContent()).toContain("already exists");
    expect(await seriesForm.getByTestId("series-title-en").inputValue()).toBe(
      "Regional expert meetings on cyber threats",
    );
    await seriesForm.getByTestId("series-code").fill("CIS-ATC-CYBER-EXPERTS");
    await seriesForm.getByTestId("series-save").click();
    await poll(() => page.getByTestId("series-form").count()).toBe(0);
    const series = await e.t.db
      .selectFrom("meetingSeries")
      .select(["titleEn", "ownerOrganisationId"])
      .where("code", "=", "CIS-ATC-CYBER-EXPERTS")
      .executeTakeFirstOrThrow();
    expect(series).toEqual({
      titleEn: "Regional expert meetings on cyber threats",
      ownerOrganisationId: await e.t.organisationId("CIS-ATC"),
    });
    // The new series is offered as a filter of the meetings list.
    await pick(page, "meeting-series-filter", "cyber", /Regional expert meetings on cyber threats/);

    await openTwelfthMeeting(page);
    const meetingUrl = page.url();

    // An agenda item and a delegation removed, each after a confirmation.
    const agenda = page.getByTestId("meeting-agenda");
    expect(await agenda.getByTestId("agenda-item").count()).toBe(4);
    await agenda.getByTestId("agenda-remove-4").click();
    await page.getByTestId("agenda-remove-4-confirm").click();
    await poll(() => agenda.getByTestId("agenda-item").count()).toBe(3);
    expect(await agenda.textContent()).not.toContain("Regional expert consultations in Bishkek");
    const delegations = page.getByTestId("meeting-delegations");
    expect(await delegations.getByTestId("delegation").count()).toBe(4);
    await delegations.getByTestId("delegation-remove-AZE").click();
    await page.getByTestId("delegation-remove-AZE-confirm").click();
    await poll(() => delegations.getByTestId("delegation").count()).toBe(3);
    expect(await delegations.textContent()).not.toContain("State Security Service");

    // A decision edited: an empty title is refused beside the field; then a new title and a corrected text.
    await page.getByTestId("decision-edit-3").click();
    const decisionForm = page.getByTestId("decision-edit-form");
    await decisionForm.getByTestId("decision-edit-title").fill("");
    await decisionForm
      .getByTestId("decision-edit-text-en")
      .fill("To hold the XIII meeting in Tashkent in 2020.");
    await decisionForm.getByTestId("decision-edit-save").click();
    await poll(() => decisionForm.getByTestId("decision-edit-title").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await decisionForm.getByTestId("decision-edit-text-en").inputValue()).toBe(
      "To hold the XIII meeting in Tashkent in 2020.",
    );
    await decisionForm.getByTestId("decision-edit-title").fill("Next meeting in Tashkent");
    await decisionForm.getByTestId("decision-edit-save").click();
    await poll(() => page.getByTestId("decision-edit-form").count()).toBe(0);
    const decisions = page.getByTestId("meeting-decisions");
    await poll(() => decisions.textContent()).toContain("Next meeting in Tashkent");
    expect(await decisions.textContent()).toContain("To hold the XIII meeting in Tashkent in 2020.");

    // An item raised at the XI meeting is reviewed at this later one, and its owner's evidence uploaded.
    const carried = page
      .getByTestId("actions-carried-over")
      .getByTestId("action-row")
      .filter({ hasText: "Nominate a contact point" });
    await carried.getByTestId("action-review").click();
    const reviewForm = page.getByTestId("review-form");
    await reviewForm.getByTestId("review-note").fill("The contact point is named; the item stays open");
    await reviewForm.getByTestId("review-save").click();
    await poll(() => page.getByTestId("review-form").count()).toBe(0);

    await carried.getByTestId("action-evidence").click();
    const dialog = page.getByTestId("evidence-dialog");
    await poll(() => dialog.getByTestId("action-reviews").textContent()).toContain(
      "The contact point is named; the item stays open",
    );
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      dialog.getByTestId("evidence-upload").click(),
    ]);
    await chooser.setFiles({
      name: "contact-point.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Contact point: duty officer of the national centre\n"),
    });
    await poll(() => dialog.getByTestId("evidence-files").textContent()).toContain("contact-point.txt");
    const stored = await e.t.db
      .selectFrom("meetingActionEvidence")
      .innerJoin("meetingActionItem", "meetingActionItem.id", "meetingActionEvidence.actionItemId")
      .innerJoin("storedFile", "storedFile.id", "meetingActionEvidence.fileId")
      .select(["storedFile.filename"])
      .where("meetingActionItem.title", "like", "Nominate a contact point%")
      .execute();
    expect(stored).toEqual([{ filename: "contact-point.txt" }]);

    // What was removed stays removed after a reload.
    await page.goto(meetingUrl);
    await poll(() => page.getByTestId("meeting-agenda").getByTestId("agenda-item").count()).toBe(3);
    expect(await page.getByTestId("meeting-delegations").getByTestId("delegation").count()).toBe(3);
    await page.context().close();
  });

  it("the organiser records who attended a session that has begun; an over-long note is refused beside it", async () => {
    const { t } = e;
    const organiser = await t.signIn({
      role: "organiser",
      organisation: "NATO-SCHOOL",
      username: "school.runner",
    });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const activity = await organiser.post("/api/activities", {
      code: "SESSIONS-2026",
      titleEn: "Staff course with a timetable",
      kind: "course",
      menuYear: 2026,
      organiserId: await t.organisationId("NATO-SCHOOL"),
    });
    expect(activity.status).toBe(201);
    await organiser.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await organiser.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2026-11-16",
      endsOn: "2026-11-20",
    });
    expect(event.status).toBe(201);
    const person = await t.db
      .selectFrom("person")
      .select("id")
      .where("givenName", "=", "Kamran")
      .where("familyName", "=", "Mammadov")
      .executeTakeFirstOrThrow();
    const nomination = await coordinator.post(`/api/events/${event.body.id}/nominations`, {
      personId: person.id,
    });
    expect(nomination.status).toBe(201);
    const accepted = await organiser.post(`/api/nominations/${nomination.body.id}/decision`, {
      decision: "accept",
    });
    expect(accepted.body.status).toBe("accepted");
    const session = await organiser.post(`/api/events/${event.body.id}/sessions`, {
      title: "Opening brief",
      startsAt: "2026-11-16T08:00:00Z",
      endsAt: "2026-11-16T10:00:00Z",
    });
    expect(session.status).toBe(201);
    const sessionId = (
      await t.db
        .selectFrom("eventSession")
        .select("id")
        .where("eventId", "=", event.body.id)
        .executeTakeFirstOrThrow()
    ).id;

    const page = await e.newPage();
    await e.login(page, "school.runner", TEST_PASSWORD);
    await page.goto(`/catalogue/events/${event.body.id}`);
    await page.getByTestId(`session-attendance-${sessionId}`).click();
    const form = page.getByTestId("session-attendance-form");
    const line = form.getByTestId("attendance-line-Mammadov");
    await line.getByTestId("attendance-present").uncheck();
    await line.getByTestId("attendance-note").fill("x".repeat(1001));
    await form.getByTestId("session-attendance-save").click();
    await poll(() => line.getByTestId("attendance-note").getAttribute("aria-invalid")).toBe("true");
    expect(await line.getByTestId("attendance-present").isChecked()).toBe(false);
    await line.getByTestId("attendance-note").fill("Delayed flight, arrived at noon");
    await form.getByTestId("session-attendance-save").click();
    await poll(() => page.getByTestId("session-attendance-form").count()).toBe(0);
    const recorded = await t.db
      .selectFrom("sessionAttendance")
      .select(["present", "note"])
      .where("sessionId", "=", sessionId)
      .execute();
    expect(recorded).toEqual([{ present: false, note: "Delayed flight, arrived at noon" }]);
    await page.context().close();
  });
});
