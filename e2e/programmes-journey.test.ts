import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe("programmes in the browser", () => {
  it("goes from the partnership timeline to a plan period, an objective and the activities that serve it", async () => {
    const page = await e.newPage();
    await e.login(page, "coordinator");

    await page.goto("/programmes");
    await page.getByTestId("timeline").waitFor();
    const milestones = page.getByTestId("timeline-entry-milestone");
    await expect
      .poll(() => milestones.filter({ hasText: "Partnership for Peace framework document" }).count())
      .toBe(1);
    expect(await milestones.filter({ hasText: /May 4, 1994|4 May 1994/ }).count()).toBe(1);
    // Period III is dated differently by two sources: the timeline says so.
    const periods = page.getByTestId("timeline-entry-plan_period");
    expect(await periods.count()).toBe(6);
    const third = periods.filter({ hasText: "Action Plan of Azerbaijan III" });
    expect(await third.getByTestId("timeline-discrepancy").count()).toBe(1);

    // Only goals: the filter narrows the timeline.
    for (const kind of ["milestone", "framework", "plan_period", "programme"]) {
      await page.getByTestId(`timeline-kind-${kind}`).click();
    }
    await expect.poll(() => page.getByTestId("timeline-entry-plan_period").count()).toBe(0);
    expect(await page.getByTestId("timeline-entry-goal").count()).toBeGreaterThan(0);
    await page.getByTestId("timeline-kind-plan_period").click();
    await expect.poll(() => page.getByTestId("timeline-entry-plan_period").count()).toBe(6);

    await page
      .getByTestId("timeline-entry-plan_period")
      .filter({ hasText: "Action Plan of Azerbaijan VI" })
      .getByTestId("timeline-link")
      .click();
    await page.waitForURL(/\/programmes\/periods\//);
    await page.getByTestId("period-statements").waitFor();
    expect(await page.getByTestId("period-statements").textContent()).toContain("2020 – 2021");
    await page.getByTestId("period-report").waitFor();
    expect(Number(await page.getByTestId("report-late").textContent())).toBeGreaterThan(0);

    await page.getByTestId("objective-row-VI-2").getByTestId("objective-link").click();
    await page.waitForURL(/\/programmes\/objectives\//);
    await page.getByTestId("actions-table").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Logistic support");
    const late = page.getByTestId("action-row").filter({ hasText: "New equipment for declared units" });
    expect(await late.getByTestId("action-late").count()).toBe(1);
    const activities = page.getByTestId("objective-activity");
    await expect.poll(() => activities.filter({ hasText: "Logistics seminar in Baku" }).count()).toBe(1);
    expect(await activities.filter({ hasText: "Logistics seminar in Baku" }).textContent()).toMatch(/yes/);
  });

  it("shows the plan's periods with both sources of period III and the gap that depends on the source", async () => {
    const page = await e.newPage("ru");
    await e.login(page, "coordinator");
    await page.goto("/programmes/plans");
    await page.getByTestId("plan-row-AZE-IPAP").getByRole("link").click();
    await page.getByTestId("periods-table").waitFor();
    const third = page.getByTestId("period-row-III");
    expect(await third.getByTestId("period-discrepancy").textContent()).toBe("Источники расходятся");
    expect(await third.locator("[data-testid=period-statements] tr").count()).toBe(2);
    expect(await page.getByTestId("join-II-III").textContent()).toContain("зависит от источника");
  });

  it("lets the coordinator start a programme and add an item of the nation's own", async () => {
    const page = await e.newPage();
    await e.login(page, "coordinator");
    await page.goto("/programmes/annual");
    await page.getByTestId("programme-title").fill("Programme 2034–2035");
    await page.getByLabel("First year").fill("2034");
    await page.getByLabel("Last year").fill("2035");
    await page.getByTestId("programme-create").click();
    await page.waitForURL(/\/programmes\/annual\/[0-9a-f-]{36}$/);
    await page.getByTestId("item-add").click();
    await page.getByText("The nation's own").click();
    await page.getByTestId("item-title").fill("Maritime security seminar");
    await page.getByTestId("item-area").click();
    await page.getByRole("option", { name: "Maritime security" }).click();
    await page.getByTestId("item-save").click();
    await expect.poll(() => page.getByTestId("programme-item").count()).toBe(1);
    expect(await page.getByTestId("programme-item").textContent()).toContain("Maritime security seminar");
    expect(await page.getByTestId("total-planned").textContent()).toBe("1");
  });
});
