import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("participant feedback in the browser", () => {
  it("a participant answers the questionnaire of a course they attended; the organiser sees the aggregate", async () => {
    const participant = await e2e.newPage();
    await e2e.login(participant, "participant");
    await participant.goto("/feedback");
    await participant.getByTestId("feedback-event-CREVAL-2026").click();
    await participant.waitForURL(/\/feedback\?event=[0-9a-f-]{36}$/);
    const eventId = new URL(participant.url()).searchParams.get("event")!;
    await poll(() => participant.getByTestId("feedback-form").count()).toBe(1);
    // Sending is possible only once every rating question is rated.
    expect(await participant.getByTestId("feedback-submit").isDisabled()).toBe(true);
    for (const [position, stars] of [
      [1, 4],
      [2, 5],
      [3, 3],
    ] as const) {
      // The star's radio input is visually hidden; its label is the star one clicks.
      const rating = participant.getByTestId(`feedback-rating-${position}`);
      const id = await rating.locator(`input[value="${stars}"]`).getAttribute("id");
      await rating.locator(`label[for="${id}"]`).click();
    }
    await participant.getByTestId("feedback-comment-4").fill("More time on the unit visits");
    await participant.getByTestId("feedback-submit").click();
    await poll(() => participant.getByTestId("feedback-answered").count()).toBe(1);
    await poll(() => participant.getByTestId("feedback-none").count()).toBe(1);

    // The organiser sees the aggregate of six respondents (five from the demo data) with the new comment.
    const organiser = await e2e.newPage();
    await e2e.login(organiser, "organiser");
    await organiser.goto(`/catalogue/events/${eventId}`);
    await poll(() => organiser.getByTestId("feedback-respondents").textContent()).toMatch(
      /^6 of \d+ participants answered$/,
    );
    expect(await organiser.getByTestId("feedback-withheld").count()).toBe(0);
    await poll(() => organiser.getByTestId("feedback-comments").textContent()).toContain(
      "More time on the unit visits",
    );
    // Overall usefulness: the demo's 5, 4, 5, 3, 4 and this participant's 4 average 4.17.
    expect(await organiser.getByTestId("feedback-average").first().textContent()).toBe("4.17");
  });
});
