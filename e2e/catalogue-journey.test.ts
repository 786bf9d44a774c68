import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

async function pickPerson(page: Page, search: string, option: RegExp) {
  const input = page.getByTestId("nominate-person");
  await input.click();
  await input.fill(search);
  await page.getByRole("option", { name: option }).click();
}

describe("catalogue journey in the browser", () => {
  it("a coordinator finds CREVAL and nominates two officers; the organiser accepts one and waitlists the other; the coordinator sees both", async () => {
    const coordinator = await e2e.newPage();
    await e2e.login(coordinator, "coordinator");
    await coordinator.goto("/catalogue");
    await coordinator.getByTestId("catalogue-search").fill("CREVAL");
    await coordinator.getByTestId("activity-row-CREVAL-2027").click();
    await coordinator.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
    await poll(() => coordinator.getByTestId("activity-capacity").textContent()).toContain("39");
    await coordinator.getByTestId("event-open-2027-03-08").click();
    await coordinator.waitForURL(/\/catalogue\/events\/[0-9a-f-]{36}$/);
    const eventUrl = coordinator.url();

    await pickPerson(coordinator, "Mammadov", /Kamran Mammadov/);
    await coordinator.getByTestId("nominate-submit").click();
    await poll(() => coordinator.getByTestId("nomination-row-Mammadov").count()).toBe(1);
    await pickPerson(coordinator, "Hasanov", /Farid Hasanov/);
    await coordinator.getByTestId("nominate-priority").fill("2");
    await coordinator.getByTestId("nominate-submit").click();
    await poll(() => coordinator.getByTestId("nomination-row-Hasanov").count()).toBe(1);
    const status = (page: Page, family: string, value: string) =>
      page.getByTestId(`nomination-row-${family}`).getByTestId(`nomination-status-${value}`).count();
    await poll(() => status(coordinator, "Hasanov", "nominated")).toBe(1);

    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto("/catalogue/inbox");
    await organiser.getByTestId("decide-accept-Mammadov").click();
    await poll(() => organiser.getByTestId("decide-accept-Mammadov").count()).toBe(0);
    await organiser.getByTestId("decide-waitlist-Hasanov").click();
    await poll(() => organiser.getByTestId("decide-waitlist-Hasanov").count()).toBe(0);

    await coordinator.goto(eventUrl);
    await poll(() => status(coordinator, "Mammadov", "accepted")).toBe(1);
    await poll(() => status(coordinator, "Hasanov", "waitlisted")).toBe(1);
    await poll(() => coordinator.getByTestId("seat-gauge-waitlist").textContent()).toMatch(/:\s*1$/);

    await coordinator.goto("/notifications");
    await poll(() => coordinator.getByTestId("notifications-list").textContent()).toContain(
      "CREVAL-2027: nomination accepted",
    );
    await poll(() => coordinator.getByTestId("notifications-list").textContent()).toContain(
      "CREVAL-2027: nomination waitlisted",
    );
    await coordinator.context().close();
    await organiser.context().close();
  });
});
