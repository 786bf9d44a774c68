import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

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
    await page.getByTestId("exercise-link-BISHKEK-ANTITERROR-2027").click();
    await page.getByTestId("nation-matrix").waitFor();
    expect(await page.getByTestId("count-member").textContent()).toBe("Member: 6");
    expect(await page.getByTestId("stage-2").textContent()).toContain("Kazakhstan");

    // A nation joins as observer with its staff officers.
    await page.getByTestId("participant-nation").click();
    await page.getByTestId("participant-nation").fill("AZE");
    await page.getByRole("option", { name: /AZE — Azerbaijan/ }).click();
    await page.getByTestId("participant-role").click();
    await page.getByRole("option", { name: "Observer" }).click();
    await page.getByTestId("participant-category").fill("staff officers");
    await page.getByTestId("participant-quantity").fill("4");
    await page.getByTestId("participant-submit").click();
    await expect.poll(() => page.getByTestId("count-observer").textContent()).toBe("Observer: 2");
    expect(await page.getByTestId("participant-AZE").textContent()).toContain("4");

    // The overdue milestone is done; a new one is planned.
    const overdue = page.getByTestId("milestone-row").filter({ hasText: "Host nation support agreement" });
    expect(await overdue.getByTestId("milestone-status").textContent()).toBe("Overdue");
    await overdue.getByTestId("milestone-toggle").click();
    await expect.poll(() => overdue.getByTestId("milestone-status").textContent()).toMatch(/^Done/);
    await page.getByTestId("milestone-title").fill("Final exercise instruction issued");
    await page.getByTestId("milestone-due").fill("2027-08-01");
    await page.getByTestId("milestone-submit").click();
    await page.getByTestId("milestone-row").filter({ hasText: "Final exercise instruction issued" }).waitFor();

    await page.getByTestId("lesson-title").fill("Interpreters for the stage 2 command post");
    await page.getByTestId("lesson-submit").click();
    await page.getByTestId("exercise-lesson").filter({ hasText: "Interpreters" }).waitFor();

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
    const card = page.locator('[data-testid^="lesson-card-"]').filter({ hasText: "Host nation support arrangements" });
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
    expect(await page.getByTestId("contribution-2016-USD").textContent()).toContain("Afghan National Army Trust Fund");
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
