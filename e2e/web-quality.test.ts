import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { settle } from "./support/pages.js";

/**
 * Issue 20, a web app people would rather use: the catalogue's filters wait behind a button on a phone, the
 * timetable writes each day once, the nomination picker says who is nominated or certified already, the registry's
 * count has words, and the lessons board's moves are buttons.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());
const poll = <T>(fn: () => Promise<T>) => expect.poll(fn, { timeout: 15_000 });

async function crevalEvent() {
  return e.t.db
    .selectFrom("event")
    .innerJoin("activity", "activity.id", "event.activityId")
    .select("event.id")
    .where("activity.code", "=", "CREVAL-2027")
    .where("event.startsOn", "=", "2027-03-08")
    .executeTakeFirstOrThrow();
}

async function signedIn(role: string): Promise<Page> {
  const page = await e.newPage();
  page.setDefaultTimeout(30_000);
  await e.login(page, role);
  return page;
}

describe("a web app people would rather use", () => {
  it("shows the catalogue's results first on a phone, the filters behind a button that counts them", async () => {
    const page = await signedIn("coordinator");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/catalogue");
    await settle(page);
    const firstRow = page.locator('[data-testid^="activity-row-"]').first();
    await firstRow.waitFor();
    // The first result is on the first screen, and no filter is shown until asked for.
    expect((await firstRow.boundingBox())!.y).toBeLessThan(844);
    expect(await page.getByTestId("catalogue-facets").isVisible()).toBe(false);
    const button = page.getByTestId("catalogue-filters");
    expect(await button.textContent()).toBe("Filters");
    await button.click();
    await page.getByTestId("catalogue-facets").waitFor();
    await page.getByTestId("filter-free-seats").click();
    await page.locator('[data-testid^="facet-kind-"]').first().click();
    await page.keyboard.press("Escape");
    await poll(() => page.getByTestId("catalogue-filters-count").textContent()).toBe("2");
    // On a wide screen the filters stand beside the results, without the button.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("catalogue-facets").waitFor();
    expect(await page.getByTestId("catalogue-filters").count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it("writes each day of an event's timetable once, then the times of its sessions", async () => {
    const event = await crevalEvent();
    await e.t.db
      .insertInto("eventSession")
      .values([
        {
          eventId: event.id,
          title: "Syndicate work",
          startsAt: "2027-03-08T10:00:00Z",
          endsAt: "2027-03-08T11:30:00Z",
        },
        {
          eventId: event.id,
          title: "Plenary",
          startsAt: "2027-03-08T12:00:00Z",
          endsAt: "2027-03-08T13:00:00Z",
        },
      ])
      .execute();
    const page = await signedIn("coordinator");
    await page.goto(`/catalogue/events/${event.id}`);
    const timetable = page.getByTestId("event-sessions");
    await timetable.getByText("Plenary").waitFor();
    const text = ((await timetable.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text.match(/8 March 2027/g)).toHaveLength(1);
    expect(text).toContain("10:00 – 11:30");
    expect(text).toContain("12:00 – 13:00");
    // Five days of the seeded course, each a heading row.
    expect(await timetable.locator('[data-testid^="session-day-"]').count()).toBe(5);
    await page.context().close();
  }, 120_000);

  it("tells the coordinator in the picker who is nominated already (not choosable) and who is certified", async () => {
    const event = await crevalEvent();
    const page = await signedIn("coordinator");
    await page.goto(`/catalogue/events/${event.id}`);
    // The page's sections load before the picker is used: one arriving later above it pushed the input out of
    // view on a loaded machine, and Mantine hides the dropdown of an input out of view (the option then never
    // became visible to click).
    await settle(page);
    const picker = page.getByTestId("nominate-person");
    await picker.click();
    await picker.fill("Mammadov");
    await picker.scrollIntoViewIfNeeded();
    await page.getByRole("option", { name: /Kamran Mammadov/ }).click();
    await page.getByTestId("nominate-submit").click();
    await poll(() => page.getByTestId("nomination-row-Mammadov").count()).toBe(1);

    await picker.click();
    await picker.fill("Mammadov");
    const nominated = page.getByRole("option", { name: /Kamran Mammadov/ });
    await poll(() => nominated.textContent()).toContain("already nominated");
    expect(await nominated.getAttribute("data-combobox-disabled")).toBe("true");

    await picker.fill("Abbasov");
    const certified = page.getByRole("option", { name: /Farid Abbasov/ });
    await poll(() => certified.textContent()).toContain("certified until 12 March 2029");
    expect(await certified.getAttribute("data-combobox-disabled")).toBeNull();
    await page.context().close();
  }, 120_000);

  it("says what the registry's figure counts, and the lessons board's moves are buttons, not badges", async () => {
    const page = await signedIn("admin");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/training/registry");
    await settle(page);
    const qualification = page.getByTestId("registry-qualification");
    await poll(() => qualification.inputValue()).toContain("CREVAL");
    // The box holds the qualification's name alone: a count in it was cut off to a bare number on a phone.
    expect(await qualification.inputValue()).not.toMatch(/\d/);
    expect(await page.getByTestId("registry-holders").textContent()).toMatch(/^Holders today: \d+$/);
    expect(await page.getByTestId("registry-total").textContent()).toMatch(
      /^\d+ certified people on this date$/,
    );

    await page.goto("/exercises/lessons");
    await settle(page);
    const move = page.locator('[data-testid^="lesson-move-"]').first();
    await move.waitFor();
    const look = await move.evaluate((element) => ({
      tag: element.tagName,
      badge: element.closest(".mantine-Badge-root") !== null,
      border: getComputedStyle(element).borderTopWidth,
      label: element.textContent,
    }));
    expect(look).toMatchObject({ tag: "BUTTON", badge: false });
    expect(look.border).not.toBe("0px");
    expect(look.label).toMatch(/^Move to /);
    expect(await page.getByTestId("lessons-count-identified").getAttribute("aria-label")).toMatch(
      /^Lessons in this column: \d+$/,
    );
    await page.context().close();
  }, 120_000);
});
