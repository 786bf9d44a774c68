import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("two-step application in the browser", () => {
  it("a participant applies and the coordinator approves", async () => {
    const participant = await e2e.newPage();
    await e2e.login(participant, "participant");
    await participant.goto("/catalogue");
    await participant.getByTestId("catalogue-search").fill("CREVAL");
    await participant.getByTestId("activity-row-CREVAL-2027").click();
    await participant.waitForURL(/\/catalogue\/activities\/[0-9a-f-]{36}$/);
    await participant.getByTestId("event-open-2027-03-08").click();
    await participant.waitForURL(/\/catalogue\/events\/[0-9a-f-]{36}$/);
    await participant.getByTestId("event-apply").click();
    await participant.getByTestId("apply-motivation").fill("I evaluate units of the land forces");
    await participant.getByTestId("apply-submit").click();
    await poll(() => participant.getByTestId("event-applied").count()).toBe(1);
    await participant.goto("/catalogue/applications");
    await poll(() =>
      participant.getByTestId("application-Huseynov").getByTestId("application-status-pending").count(),
    ).toBe(1);

    const coordinator = await e2e.newPage();
    await e2e.login(coordinator, "coordinator");
    await coordinator.goto("/catalogue/applications");
    await poll(() => coordinator.getByTestId("application-Huseynov").textContent()).toContain(
      "I evaluate units of the land forces",
    );
    await coordinator.getByTestId("application-reason").fill("Needed for the 2027 evaluations");
    await coordinator.getByTestId("approve-Huseynov").click();
    await poll(() =>
      coordinator.getByTestId("application-Huseynov").getByTestId("application-status-approved").count(),
    ).toBe(1);

    // The approval reached the organiser as a nomination; the participant sees the outcome and its reason.
    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto("/catalogue/inbox");
    await poll(() => organiser.getByTestId("decide-accept-Huseynov").count()).toBe(1);
    await participant.goto("/catalogue/applications");
    await poll(() => participant.getByTestId("application-Huseynov").textContent()).toContain(
      "Needed for the 2027 evaluations",
    );
    await poll(() =>
      participant.getByTestId("application-Huseynov").getByTestId("application-status-approved").count(),
    ).toBe(1);
  });
});
