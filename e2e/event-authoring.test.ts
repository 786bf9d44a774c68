import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** From the catalogue to the CREVAL run of 8 March 2027, as any user finds it. */
async function openCrevalRun(page: Page) {
  await page.goto("/catalogue");
  await page.getByTestId("catalogue-search").fill("CREVAL");
  await page.getByTestId("activity-row-CREVAL-2027").click();
  await page.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
  await page.getByTestId("event-open-2027-03-08").click();
  await page.waitForURL(/\/catalogue\/events\/[0-9a-f-]{36}$/);
}

describe("an event edited and cancelled in the browser", () => {
  it("pages the organiser's nominations instead of stopping at a hundred", async () => {
    const { t } = e2e;
    const aze = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const event = await t.db
      .selectFrom("event")
      .innerJoin("activity", "activity.id", "event.activityId")
      .select("event.id")
      .where("activity.code", "=", "CREVAL-2027")
      .where("event.startsOn", "=", "2027-03-08")
      .executeTakeFirstOrThrow();
    const nationId = await t.nationId("AZE");
    for (let i = 1; i <= 120; i++) {
      const person = await aze.post("/api/people", {
        givenName: "Paged",
        familyName: `Officer${String(i).padStart(3, "0")}`,
        nationId,
      });
      expect(person.status).toBe(201);
      const nominated = await aze.post(`/api/events/${event.id}/nominations`, { personId: person.body.id });
      expect(nominated.status).toBe(201);
    }
    const { total } = await t.db
      .selectFrom("nomination")
      .select((eb) => eb.fn.countAll<string>().as("total"))
      .where("eventId", "=", event.id)
      .executeTakeFirstOrThrow();
    expect(Number(total)).toBeGreaterThan(100);
    expect(Number(total)).toBeLessThanOrEqual(150);
    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto(`/catalogue/events/${event.id}`);
    const list = organiser.getByTestId("event-nominations");
    await poll(() => list.getByTestId("table-range").textContent()).toBe(`1–50 of ${total}`);
    await list.getByRole("button", { name: "3" }).click();
    await poll(() => list.getByTestId("table-range").textContent()).toBe(`101–${total} of ${total}`);
    await poll(() => list.locator('[data-testid^="nomination-row-"]').count()).toBe(Number(total) - 100);
    await organiser.context().close();
  });

  it("the organiser edits the event (a refused date keeps the input), keeps its timetable, cancels it with a reason, and the nominee's coordinator is told", async () => {
    const coordinator = await e2e.newPage();
    await e2e.login(coordinator, "coordinator");
    await openCrevalRun(coordinator);
    const eventUrl = coordinator.url();
    const picker = coordinator.getByTestId("nominate-person");
    await picker.click();
    await picker.fill("Mammadov");
    await coordinator.getByRole("option", { name: /Kamran Mammadov/ }).click();
    await coordinator.getByTestId("nominate-submit").click();
    await poll(() => coordinator.getByTestId("nomination-row-Mammadov").count()).toBe(1);
    // The coordinator changes the nomination's priority and note.
    await coordinator.getByTestId("nomination-edit-Mammadov").click();
    await coordinator.getByTestId("nomination-edit-priority").fill("3");
    // A change of priority needs a reason (issue 22, item 2): the field appears with the change.
    await coordinator.getByTestId("nomination-edit-reason").fill("Leads the syndicate work");
    await coordinator.getByRole("dialog").getByLabel("Note").fill("Speaks English at level 3");
    await coordinator.getByTestId("nomination-edit-save").click();
    await poll(() => coordinator.getByTestId("nomination-priority-Mammadov").textContent()).toBe("3");
    // A coordinator does not manage the event: no edit or cancel controls.
    expect(await coordinator.getByTestId("event-edit").count()).toBe(0);

    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto(eventUrl);

    // Edit: an end before the start is refused beside the field, and what was typed stays.
    await organiser.getByTestId("event-edit").click();
    const form = organiser.getByTestId("event-form");
    await form.getByTestId("event-city").fill("Ganja");
    await form.getByTestId("event-ends").fill("2027-03-01");
    await form.getByTestId("event-save").click();
    await poll(() => form.textContent()).toContain("must not be before startsOn");
    expect(await form.getByTestId("event-city").inputValue()).toBe("Ganja");
    await form.getByTestId("event-ends").fill("2027-03-12");
    await form.getByTestId("event-save").click();
    await poll(() => organiser.getByTestId("event-form").count()).toBe(0);
    await poll(() => organiser.locator("main").textContent()).toContain("Ganja");

    // The timetable: a session added, then removed after a confirmation.
    const sessions = organiser.getByTestId("event-sessions");
    await sessions.getByTestId("session-title").fill("Opening brief");
    await sessions.getByTestId("session-starts").fill("2027-03-08T09:00");
    await sessions.getByTestId("session-ends").fill("2027-03-08T10:30");
    await sessions.getByTestId("session-add").click();
    await poll(() => sessions.textContent()).toContain("Opening brief");
    await sessions
      .locator("tr", { hasText: "Opening brief" })
      .locator('[data-testid^="session-remove-"]')
      .click();
    await organiser.locator('[data-testid^="session-remove-"][data-testid$="-confirm"]').click();
    await poll(() => sessions.textContent()).not.toContain("Opening brief");
    // The seeded days stay.
    await poll(() =>
      sessions.locator('tr[data-testid^="session-"]:not([data-testid^="session-day-"])').count(),
    ).toBe(5);

    // Cancel: a reason is required, then every nominee's side hears of it.
    await organiser.getByTestId("event-cancel").click();
    await organiser.getByTestId("event-cancel-confirm").click();
    await poll(() => organiser.getByTestId("event-cancel-reason").getAttribute("aria-invalid")).toBe("true");
    await organiser.getByTestId("event-cancel-reason").fill("The host centre is closed for repairs");
    await organiser.getByTestId("event-cancel-confirm").click();
    await poll(() => organiser.getByTestId("event-status").textContent()).toBe("Cancelled");
    await poll(() => organiser.getByTestId("event-cancel-reason-shown").textContent()).toContain(
      "The host centre is closed for repairs",
    );
    expect(await organiser.getByTestId("event-edit").count()).toBe(0);

    await coordinator.goto("/notifications");
    await poll(() => coordinator.getByTestId("notifications-list").textContent()).toContain(
      "CREVAL-2027: the event was cancelled",
    );
    await coordinator.goto(eventUrl);
    await poll(() =>
      coordinator.getByTestId("nomination-row-Mammadov").getByTestId("nomination-status-cancelled").count(),
    ).toBe(1);
    await coordinator.context().close();
    await organiser.context().close();
  });
});
