import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** Picks an option of a Mantine Select (or RemoteSelect) whose input carries the test id. */
async function choose(page: Page, scope: Locator, testId: string, option: string | RegExp, type?: string) {
  const input = scope.getByTestId(testId);
  await input.click();
  if (type) await input.fill(type);
  await page
    .getByRole("option", { name: option, exact: type === undefined })
    .first()
    .click();
}

describe("plans, goals and programmes authored in the browser", () => {
  it("the coordinator writes a plan with a period dated by two disagreeing sources, an objective, an action and its evidence", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "coordinator");
    await page.goto("/programmes/plans");
    await poll(() => page.getByTestId("nation-select").inputValue()).toContain("AZE");

    // A code that another plan has: the server's 409 stands beside the code field and the input stays.
    await page.getByTestId("plan-form-open").click();
    const form = page.getByTestId("plan-form");
    await form.getByTestId("plan-form-code").fill("AZE-IPAP");
    await choose(page, form, "plan-form-kind", "Programme of cooperation");
    await form.getByTestId("plan-form-title").fill("Partnership plan written in the browser");
    await form.getByTestId("plan-form-save").click();
    await poll(() => form.getByTestId("plan-form-code").getAttribute("aria-invalid")).toBe("true");
    expect(await form.textContent()).toContain("A record with these values already exists");
    expect(await form.getByTestId("plan-form-title").inputValue()).toBe(
      "Partnership plan written in the browser",
    );
    await form.getByTestId("plan-form-code").fill("AZE-E2E-PLAN");
    await form.getByTestId("plan-form-save").click();
    await page.waitForURL(/\/programmes\/plans\/[0-9a-f-]{36}$/);
    await poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Partnership plan written in the browser",
    );

    // A period, then an objective within it.
    await page.getByTestId("period-form-open").click();
    const period = page.getByTestId("period-form");
    expect(await period.getByTestId("period-form-number").inputValue()).toBe("1");
    await period.getByTestId("period-form-label").fill("I");
    await period.getByTestId("period-form-save").click();
    await poll(() => page.getByTestId("period-row-I").count()).toBe(1);
    await page.getByTestId("objective-form-open").click();
    const objective = page.getByTestId("objective-form");
    await objective.getByTestId("objective-form-code").fill("E2E-1");
    await choose(page, objective, "objective-form-areaCode", "Logistics");
    await objective.getByTestId("objective-form-title").fill("Deployable logistics");
    await choose(page, objective, "objective-form-periodId", "I");
    await objective.getByTestId("objective-form-save").click();
    await poll(() => page.getByTestId("objective-row-E2E-1").count()).toBe(1);
    const planUrl = page.url();

    // The period's dates as two sources state them: they disagree, and both are kept.
    await page.getByTestId("period-row-I").getByRole("link", { name: "I", exact: true }).click();
    await page.waitForURL(/\/programmes\/periods\//);
    // loop runs: two literal sources
    for (const [startsOn, source] of [
      ["2025-01-01", "Presidential decree"],
      ["2025-07-01", "Alliance summary"],
    ] as const) {
      await page.getByTestId("statement-form-open").click();
      const statement = page.getByTestId("statement-form");
      await statement.getByTestId("statement-form-startsOn").fill(startsOn);
      await statement.getByTestId("statement-form-endsOn").fill("2026-12-31");
      await statement.getByTestId("statement-form-source").fill(source);
      await statement.getByTestId("statement-form-save").click();
      await poll(() => page.getByTestId(`statement-${source}`).count()).toBe(1);
    }
    await poll(() => page.getByTestId("period-statements").locator("tr").count()).toBe(2);
    await poll(() => page.getByTestId("period-discrepancy").count()).toBe(1);

    // An action of the objective and its evidence.
    await page.goto(planUrl);
    await page.getByTestId("objective-row-E2E-1").getByTestId("objective-link").click();
    await page.waitForURL(/\/programmes\/objectives\//);
    await page.getByTestId("action-form-open").click();
    const action = page.getByTestId("action-form");
    await action.getByTestId("action-form-title").fill("Stand up a logistics cell");
    await action.getByTestId("action-form-dueOn").fill("2026-06-30");
    await action.getByTestId("action-form-save").click();
    const row = page.getByTestId("action-row").filter({ hasText: "Stand up a logistics cell" });
    await poll(() => row.count()).toBe(1);
    await row.locator('[data-testid^="evidence-form-"][data-testid$="-open"]').click();
    const evidence = page.locator('form[data-testid^="evidence-form-"]');
    await evidence.locator('[data-testid$="-url"]').fill("https://example.org/logistics-cell");
    await evidence.locator('[data-testid$="-save"]').click();
    await poll(() => row.textContent()).toContain("https://example.org/logistics-cell");
    await page.context().close();
  });

  it("the coordinator writes a goal, links an activity to it, and adds and removes a milestone", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "coordinator");
    await page.goto("/programmes/goals");
    // The page is about the coordinator's nation; the new goal starts with it.
    await poll(() => page.getByTestId("nation-select").inputValue()).toContain("AZE");
    await page.getByTestId("goal-form-open").click();
    const form = page.getByTestId("goal-form");
    await poll(() => form.getByTestId("goal-form-nationId").inputValue()).toContain("AZE");
    await form.getByTestId("goal-form-code").fill("E2E-G1");
    await form.getByTestId("goal-form-title").fill("Interoperable logistics units");
    await choose(page, form, "goal-form-areaCode", "Logistics");
    await form.getByTestId("goal-form-save").click();
    await page.waitForURL(/\/programmes\/goals\/[0-9a-f-]{36}$/);
    await choose(page, page.locator("main"), "goal-activity", /CREVAL/, "CREVAL");
    await page.getByTestId("goal-activity-link").click();
    await poll(() => page.locator('[data-testid^="goal-activity-CREVAL"]').count()).toBe(1);

    await page.goto("/programmes");
    await page.getByTestId("milestone-form-open").click();
    const milestone = page.getByTestId("milestone-form");
    await milestone.getByTestId("milestone-form-occurredOn").fill("2026-03-15");
    await milestone.getByTestId("milestone-form-titleEn").fill("Browser-written milestone");
    await milestone.getByTestId("milestone-form-source").fill("Ministry press release");
    await milestone.getByTestId("milestone-form-save").click();
    const entry = page
      .getByTestId("timeline-entry-milestone")
      .filter({ hasText: "Browser-written milestone" });
    await poll(() => entry.count()).toBe(1);
    await entry.locator('[data-testid^="milestone-delete-"]').click();
    await page.locator('[data-testid^="milestone-delete-"][data-testid$="-confirm"]').click();
    await poll(() => entry.count()).toBe(0);
    await page.context().close();
  });

  it("the coordinator changes a programme's status and adds several catalogue activities at once; one already there is refused by name", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "coordinator");
    await page.goto("/programmes/annual");
    await page.getByTestId("programme-title").fill("Programme 2036");
    await page.getByLabel("First year").fill("2036");
    await page.getByLabel("Last year").fill("2036");
    await page.getByTestId("programme-create").click();
    await page.waitForURL(/\/programmes\/annual\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId("programme-status").textContent()).toBe("Draft");

    await page.getByTestId("programme-submit").click();
    await page.getByTestId("programme-submit-confirm").click();
    await poll(() => page.getByTestId("programme-status").textContent()).toBe("Submitted");

    await page.getByTestId("item-bulk-add").click();
    const bulk = page.getByTestId("bulk-add");
    await bulk.getByTestId("bulk-search").fill("M27-LOG");
    const options = bulk.getByTestId("bulk-option");
    // The first page of the catalogue shows until the search has answered: wait for the logistics menu.
    await poll(async () => (await options.count()) >= 3 && (await options.nth(2).textContent())).toMatch(
      /^M27-LOG-/,
    );
    const chosen: string[] = [];
    // loop runs: three literal indexes
    for (const index of [0, 1, 2]) {
      chosen.push((await options.nth(index).textContent()) ?? "");
      await options.nth(index).click();
    }
    expect(new Set(chosen.filter((label) => /^M27-LOG-\d+ — .+ \(2027\)$/.test(label))).size).toBe(3);
    await bulk.getByTestId("bulk-save").click();
    await poll(() => page.getByTestId("programme-item").count()).toBe(3);
    await poll(() => page.getByTestId("total-planned").textContent()).toBe("3");

    // The same activity again: the whole selection is refused and the activity is named beside the selection.
    const code = chosen[0]!.split(" — ")[0]!;
    expect(await page.getByTestId(`programme-item-activity-${code}`).count()).toBe(1);
    await page.getByTestId("item-bulk-add").click();
    await bulk.getByTestId("bulk-search").fill(code);
    const again = options.filter({ hasText: code });
    await poll(() => again.count()).toBe(1);
    await again.click();
    await poll(() => bulk.getByTestId("bulk-selected").textContent()).toContain(code);
    await bulk.getByTestId("bulk-save").click();
    await poll(() => bulk.getByTestId("bulk-error").textContent()).toBe(
      `${code} is already on the programme`,
    );
    expect(await page.getByTestId("programme-item").count()).toBe(3);
    await page.context().close();
  });
});
