import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

/** Types into a searchable select and picks the option. */
async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).click();
}

beforeAll(async () => {
  e = await startE2E();
  await e.t.signIn({ role: "organiser", organisation: "CIS-ATC", username: "atc.planner" });
});
afterAll(() => e?.close());

describe("exercises and operations in the browser", () => {
  it("lets the coordination centre's planner prepare the next exercise", async () => {
    const page = await e.newPage();
    await e.login(page, "atc.planner", TEST_PASSWORD);

    await page.goto("/exercises");
    await expect
      .poll(() => page.getByTestId("participation-CD-2001").textContent())
      .toBe("9 members · 10 partners · 0 observers");
    // The overdue milestone of the exercise in preparation is done.
    await page.getByTestId("exercise-link-BISHKEK-ANTITERROR-2027").click();
    await page.getByTestId("nation-matrix").waitFor();
    expect(await page.getByTestId("count-member").textContent()).toBe("Member: 6");
    const overdue = page.getByTestId("milestone-row").filter({ hasText: "Host nation support agreement" });
    expect(await overdue.getByTestId("milestone-status").textContent()).toBe("Overdue");
    await overdue.getByTestId("milestone-toggle").click();
    await expect.poll(() => overdue.getByTestId("milestone-status").textContent()).toMatch(/^Done/);

    // The next exercise: two stages in two states.
    await page.goto("/exercises");
    await page.getByTestId("exercise-create").click();
    await page.getByTestId("exercise-code").fill("osh-antiterror-2028");
    await page.getByTestId("exercise-name").fill("Osh-Antiterror-2028");
    await pick(page, "exercise-lead", "CIS-ATC", /^CIS-ATC — CIS Anti-Terrorism Center$/);
    await page.getByTestId("exercise-starts").fill("2028-06-05");
    await page.getByTestId("exercise-ends").fill("2028-06-15");
    await pick(page, "stage-nation-1", "KGZ", /KGZ — Kyrgyzstan/);
    await page.getByTestId("stage-starts-1").fill("2028-06-05");
    await page.getByTestId("stage-ends-1").fill("2028-06-08");
    await page.getByTestId("exercise-add-stage").click();
    await pick(page, "stage-nation-2", "UZB", /UZB — Uzbekistan/);
    await page.getByTestId("stage-starts-2").fill("2028-06-12");
    await page.getByTestId("stage-ends-2").fill("2028-06-15");
    await page.getByTestId("exercise-submit").click();
    await page.waitForURL(/\/exercises\/[0-9a-f-]{36}$/);
    await page.getByTestId("stage-2").getByText("Uzbekistan").waitFor();
    expect(await page.getByTestId("exercise-status").textContent()).toBe("Planning");

    // Nations and what they bring.
    for (const [code, pattern, role, count] of [
      ["KGZ", /KGZ — Kyrgyzstan/, "Member", "50"],
      ["UZB", /UZB — Uzbekistan/, "Member", "40"],
      ["AZE", /AZE — Azerbaijan/, "Observer", "4"],
    ] as const) {
      await pick(page, "participant-nation", code, pattern);
      await page.getByTestId("participant-role").click();
      await page.getByRole("option", { name: role, exact: true }).click();
      await page.getByTestId("participant-category").fill("special forces");
      await page.getByTestId("participant-quantity").fill(count);
      await page.getByTestId("participant-submit").click();
      await page.getByTestId(`participant-${code}`).waitFor();
    }
    expect(await page.getByTestId("count-member").textContent()).toBe("Member: 2");
    expect(await page.getByTestId("count-observer").textContent()).toBe("Observer: 1");
    expect(await page.getByTestId("participant-UZB").textContent()).toContain("40");

    // The initial planning conference and who came to it.
    await page.getByTestId("conference-starts").fill("2027-11-09");
    await page.getByTestId("conference-ends").fill("2027-11-10");
    await page.getByTestId("conference-place").fill("Bishkek, regional office");
    await page.getByTestId("conference-submit").click();
    await page.getByTestId("attendance-open-initial").click();
    await pick(page, "attendance-nation-0", "KGZ", /KGZ — Kyrgyzstan/);
    await page.getByTestId("attendance-count-0").fill("5");
    await page.getByTestId("attendance-add-line").click();
    await pick(page, "attendance-nation-1", "UZB", /UZB — Uzbekistan/);
    await page.getByTestId("attendance-count-1").fill("3");
    await page.getByTestId("attendance-submit").click();
    await expect.poll(() => page.getByTestId("conference-initial").textContent()).toContain("8 attendees");

    await page.getByTestId("milestone-title").fill("Host nation support agreement signed");
    await page.getByTestId("milestone-due").fill("2028-01-31");
    await page.getByTestId("milestone-submit").click();
    await page.getByTestId("milestone-row").filter({ hasText: "Host nation support agreement" }).waitFor();
    await page.getByTestId("objective-text").fill("Hand over command between the two stages within an hour");
    await page.getByTestId("objective-submit").click();
    await page.getByText("Hand over command between the two stages within an hour").waitFor();

    // Contingents are the contributing nation's: the centre's planner sees none.
    await page.goto("/operations");
    await page.getByTestId("operation-RSM").waitFor();
    await page.getByTestId("empty-state").waitFor();
    await page.getByTestId("strength-empty").waitFor();
  });

  it("lets the partner's coordinator follow lessons, contingents and contributions", async () => {
    const page = await e.newPage();
    await e.login(page, "coordinator");

    await page.goto("/exercises/lessons");
    const card = page
      .locator('[data-testid^="lesson-card-"]')
      .filter({ hasText: "Host nation support arrangements" });
    await card.getByTestId("lesson-move-analysed").click();
    await page.getByTestId("lessons-column-analysed").getByText("Host nation support arrangements").waitFor();
    const analysed = page
      .getByTestId("lessons-column-analysed")
      .locator('[data-testid^="lesson-card-"]')
      .filter({ hasText: "Host nation support arrangements" });
    await analysed.getByTestId("lesson-move-learned").click();
    await page.getByTestId("lesson-move-text").fill("Host nation support plan in the next annual programme");
    await page.getByTestId("lesson-move-confirm").click();
    const learned = page
      .getByTestId("lessons-column-learned")
      .locator('[data-testid^="lesson-card-"]')
      .filter({ hasText: "Host nation support arrangements" });
    await learned.waitFor();
    expect(await learned.getByTestId("lesson-follow-up").textContent()).toContain("next annual programme");

    await page.goto("/operations");
    await page.getByTestId("timeline-KFOR").waitFor();
    await page.getByTestId("timeline-ISAF").waitFor();
    await page.getByTestId("strength-chart").waitFor();
    await page.getByTestId("timeline-RSM").getByRole("link").click();

    await page.getByTestId("rotations-table").waitFor();
    expect(await page.getByTestId("rotation-total").first().textContent()).toBe("128");
    expect(await page.getByTestId("contingent-peak").textContent()).toBe("128");

    // A second rotation in the same slot while the first still serves is refused, on the date field.
    await page.getByTestId("rotation-starts").fill("2016-01-01");
    await page.getByTestId("rotation-count-0").fill("100");
    await page.getByTestId("rotation-submit").click();
    await page.getByText("overlaps another rotation of the same slot of this contingent").first().waitFor();

    await page.goto("/exercises");
    await page.getByTestId("exercise-row-CD-2001").waitFor();

    await page.goto("/operations/contributions");
    await page.getByTestId("contribution-2015-USD").waitFor();
    expect(await page.getByTestId("contribution-2016-USD").textContent()).toContain(
      "Afghan National Army Trust Fund",
    );
    expect(await page.getByTestId("contribution-totals").textContent()).toContain("2016");
  });

  it("reads the planning page in Azerbaijani and Russian", async () => {
    for (const [language, heading] of [
      ["az", "Dövlətlər matrisi"],
      ["ru", "Матрица стран"],
    ] as const) {
      const page = await e.newPage(language);
      await page.goto("/exercises");
      await page.getByTestId("exercise-link-CD-2001").click();
      await page.getByTestId("nation-matrix").getByText(heading).waitFor();
    }
  });
});
