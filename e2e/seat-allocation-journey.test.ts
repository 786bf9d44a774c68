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

describe("seat allocations in the browser", () => {
  it("a nation requests seats, the organiser grants an allocation, the coordinator names people within it", async () => {
    const event = await e2e.t.db
      .selectFrom("event as e")
      .innerJoin("activity as a", "a.id", "e.activityId")
      .select("e.id")
      .where("a.code", "=", "CREVAL-2027")
      .where("e.startsOn", "=", "2027-03-08")
      .executeTakeFirstOrThrow();
    const eventUrl = `/catalogue/events/${event.id}`;

    const coordinator = await e2e.newPage();
    await e2e.login(coordinator, "coordinator");
    await coordinator.goto(eventUrl);
    // The demo's allocations of other nations are not the coordinator's to see; only the totals are.
    await poll(() => coordinator.getByTestId("allocations-reallocation").textContent()).toContain("pool");
    expect(await coordinator.getByTestId("allocation-row-TUR").count()).toBe(0);
    await coordinator.getByTestId("allocation-request-seats").fill("3");
    await coordinator.getByTestId("allocation-request-submit").click();
    await poll(() => coordinator.getByTestId("allocation-row-AZE").textContent()).toContain("3");

    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto(eventUrl);
    await poll(() => organiser.getByTestId("allocation-row-TUR").count()).toBe(1);
    await organiser.getByTestId("allocation-grant-AZE").fill("2");
    await organiser.getByTestId("allocation-grant-save-AZE").click();
    await poll(() => organiser.getByTestId("allocation-granted-AZE").textContent()).toBe("2");

    await coordinator.reload();
    await poll(() => coordinator.getByTestId("allocation-granted-AZE").textContent()).toBe("2");
    await pickPerson(coordinator, "Mammadov", /Kamran Mammadov/);
    await coordinator.getByTestId("nominate-submit").click();
    await poll(() => coordinator.getByTestId("nomination-row-Mammadov").count()).toBe(1);

    // The organiser accepts the named officer: the nation uses one of its two seats.
    await organiser.goto("/catalogue/inbox");
    await organiser.getByTestId("decide-accept-Mammadov").click();
    await poll(() => organiser.getByTestId("decide-accept-Mammadov").count()).toBe(0);
    await coordinator.reload();
    await poll(() => coordinator.getByTestId("allocation-held-AZE").textContent()).toBe("1 / 2");
  });
});
