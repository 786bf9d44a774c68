import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

/**
 * Notices in the browser (issue 18): the header's bell counts what is unread and changes when someone else's action
 * concerns the user and when the user marks notices read; "what needs you" on the home page; the notification
 * settings reached from the user menu are saved.
 */
let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const bellCount = async (page: Page) =>
  Number(await page.getByTestId("notification-count").getAttribute("data-count"));

async function open(login: string) {
  const page = await e2e.newPage();
  page.setDefaultTimeout(30_000);
  await e2e.login(page, login);
  return page;
}

describe("notifications in the browser", () => {
  it("the organiser's bell counts new nominations by a coordinator, the home page lists it, and mark all read clears it", async () => {
    const organiser = await open("organiser");
    await organiser.goto("/");
    await poll(() => organiser.getByTestId("notification-bell").count()).toBe(1);
    await poll(async () => (await organiser.getByTestId("attention").count()) > 0).toBe(true);
    const before = await bellCount(organiser);
    const organiserId = (
      await e2e.t.db
        .selectFrom("appUser")
        .select("id")
        .where("username", "=", "organiser")
        .executeTakeFirstOrThrow()
    ).id;
    const unread = async () =>
      Number(
        (
          await e2e.t.db
            .selectFrom("notification")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("userId", "=", organiserId)
            .where("readAt", "is", null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(before).toBe(await unread());

    // The coordinator's action, in the coordinator's own browser.
    const coordinator = await open("coordinator");
    await coordinator.goto("/catalogue");
    await coordinator.getByTestId("catalogue-search").fill("CREVAL");
    await coordinator.getByTestId("activity-row-CREVAL-2027").click();
    await coordinator.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
    await coordinator.getByTestId("event-open-2027-03-08").click();
    await coordinator.waitForURL(/\/catalogue\/events\/[0-9a-f-]{36}$/);
    const input = coordinator.getByTestId("nominate-person");
    for (const [family, option, priority] of [
      ["Mammadov", /Kamran Mammadov/, "1"],
      ["Hasanov", /Farid Hasanov/, "2"],
    ] as const) {
      await input.click();
      await input.fill(family);
      await coordinator.getByRole("option", { name: option }).click();
      await coordinator.getByTestId("nominate-priority").fill(priority);
      await coordinator.getByTestId("nominate-submit").click();
      await poll(() => coordinator.getByTestId(`nomination-row-${family}`).count()).toBe(1);
    }
    expect(await unread()).toBe(before + 2);

    // The organiser's bell shows it (read again when the window regains focus or on the next visit).
    await organiser.reload();
    await poll(() => bellCount(organiser)).toBe(before + 2);
    await poll(() => organiser.getByTestId("attention-nominations").count()).toBe(1);
    await poll(async () =>
      Number(await organiser.getByTestId("attention-nominations").getAttribute("data-total")),
    ).toBeGreaterThan(0);
    expect(await organiser.getByTestId("attention-nominations").textContent()).toContain("Kamran Mammadov");

    // The bell opens the unread notices; the kind filter keeps only new nominations.
    await organiser.getByTestId("notification-bell").click();
    await organiser.waitForURL(/\/notifications\?show=unread$/);
    await poll(() => organiser.getByTestId("notifications-list").textContent()).toContain(
      "CREVAL-2027: new nomination",
    );
    await organiser.getByTestId("notifications-kind").click();
    await organiser.getByRole("option", { name: "New nomination" }).click();
    await organiser.waitForURL(/kind=nomination\.nominated/);
    await poll(async () => {
      const kinds = await organiser
        .getByTestId("notification-row")
        .locator("[data-testid^=notification-kind-]")
        .all();
      const ids = await Promise.all(kinds.map((k) => k.getAttribute("data-testid")));
      return ids.length > 0 && ids.every((id) => id === "notification-kind-nomination.nominated");
    }).toBe(true);

    // One marked read, then all: the bell follows without a reload.
    const count = await bellCount(organiser);
    await organiser.locator("[data-testid^=notification-read-]").first().click();
    await poll(() => bellCount(organiser)).toBe(count - 1);
    await organiser.getByTestId("notifications-mark-all").click();
    await poll(() => bellCount(organiser)).toBe(0);
    expect(await unread()).toBe(0);
    await organiser.context().close();
    await coordinator.context().close();
  });

  it("saves the notification settings reached from the user menu", async () => {
    const page = await open("coordinator");
    await page.getByTestId("user-menu").click();
    await page.getByTestId("menu-notification-settings").click();
    await page.waitForURL(/\/notifications\/preferences$/);
    await page.getByTestId("preferences-email").fill("coordinator.settings@example.org");
    await page.getByTestId("preference-nomination.accepted").getByText("Daily digest").click();
    await page.getByTestId("preference-exchange.received").getByText("In Accord only").click();
    await page.getByTestId("preferences-save").click();
    const userId = (
      await e2e.t.db
        .selectFrom("appUser")
        .select("id")
        .where("username", "=", "coordinator")
        .executeTakeFirstOrThrow()
    ).id;
    await poll(async () =>
      (
        await e2e.t.db
          .selectFrom("notificationPreference")
          .select(["kind", "delivery"])
          .where("userId", "=", userId)
          .where("kind", "in", ["nomination.accepted", "exchange.received", "nomination.declined"])
          .orderBy("kind")
          .execute()
      ).map((p) => `${p.kind}=${p.delivery}`),
    ).toEqual(["exchange.received=in_app", "nomination.accepted=digest", "nomination.declined=immediate"]);
    const email = await e2e.t.db
      .selectFrom("appUser")
      .select("email")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    expect(email.email).toBe("coordinator.settings@example.org");

    // What was saved is what the page shows after a reload.
    await page.reload();
    const checked = (kind: string) =>
      page.getByTestId(`preference-${kind}`).locator("input:checked").getAttribute("value");
    await poll(() => checked("nomination.accepted")).toBe("digest");
    await poll(() => checked("exchange.received")).toBe("in_app");
    await poll(() => checked("nomination.declined")).toBe("immediate");
    await expect(page.getByTestId("preferences-email").inputValue()).resolves.toBe(
      "coordinator.settings@example.org",
    );
    await page.context().close();
  });
});
