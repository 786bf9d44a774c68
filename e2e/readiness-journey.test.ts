import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startsToday } from "../test/support/evaluations.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

/** Types into a searchable select and picks the option. */
async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

beforeAll(async () => {
  e = await startE2E();
  const admin = await e.t.signIn({ role: "administrator" });
  const checklist = await admin.post("/api/readiness/checklists", {
    code: "JOURNEY-L1",
    title: "Journey checklist (sample)",
    areas: [
      {
        code: "C2",
        title: "Command and control",
        criteria: [
          { code: "C2-01", text: "Orders follow the alliance format", critical: true },
          { code: "C2-02", text: "Reports reach the battalion on time" },
          { code: "C2-03", text: "The command post runs around the clock" },
        ],
      },
      {
        code: "LOG",
        title: "Logistics",
        criteria: [
          { code: "LOG-01", text: "Supplies for the required days are held" },
          { code: "LOG-02", text: "Casualty evacuation is rehearsed" },
        ],
      },
    ],
  });
  expect(checklist.status).toBe(201);
}, 180_000);
afterAll(() => e?.close());

describe("readiness evaluation in the browser", () => {
  it("plans, staffs, scores and reports an evaluation", async () => {
    // The partner's national coordinator plans the evaluation and staffs the team.
    const coordinator = await e.newPage();
    await e.login(coordinator, "coordinator");
    // A checklist import names the row and column of each error.
    await coordinator.goto("/readiness/checklists");
    const template = coordinator.getByTestId("checklist-JOURNEY-L1");
    await template.locator('input[type="file"]').setInputFiles({
      name: "next.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("area,criterion code,criterion text\nCommand,,Orders\n"),
    });
    await coordinator.getByTestId("import-submit-JOURNEY-L1").click();
    await expect
      .poll(() => coordinator.getByTestId("import-errors").textContent())
      .toContain('row 2, column "criterion code": is empty');

    await coordinator.goto("/readiness");
    await coordinator.getByTestId("evaluation-plan").click();
    await pick(coordinator, "plan-unit", "AZE-LF-IC1", /AZE-LF-IC1/);
    await pick(coordinator, "plan-version", "JOURNEY", /JOURNEY-L1 v1/);
    await coordinator.getByTestId("plan-title").fill("Self-evaluation level 1 (journey)");
    await coordinator.getByTestId("plan-starts-on").fill("2027-09-06");
    await coordinator.getByTestId("plan-ends-on").fill("2027-09-17");
    await coordinator.getByTestId("plan-submit").click();
    await coordinator.waitForURL(/\/readiness\/evaluations\/[0-9a-f-]{36}$/);
    const url = new URL(coordinator.url());
    const evaluationPath = url.pathname;
    expect(await coordinator.getByTestId("evaluation-state").textContent()).toBe("Planned");

    // The evaluator is already accepted for a course over the same days: the team refuses the double booking,
    // lists the course, and assigns anyway only with a reason (issue 22, item 4).
    const admin = await e.t.signIn({ role: "administrator" });
    const yilmaz = await e.t.db
      .selectFrom("person")
      .select("id")
      .where("familyName", "=", "Yılmaz")
      .executeTakeFirstOrThrow();
    const activity = await admin.post("/api/activities", {
      code: "TEAM-OVERLAP",
      titleEn: "Overlapping course",
      kind: "course",
      menuYear: 2027,
      organiserId: await e.t.organisationId("NATO-SCHOOL"),
    });
    expect(activity.status, activity.text).toBe(201);
    await admin.post(`/api/activities/${activity.body.id}/status`, { status: "published" });
    const event = await admin.post(`/api/activities/${activity.body.id}/events`, {
      startsOn: "2027-09-15",
      endsOn: "2027-09-20",
      acceptance: "manual",
    });
    expect(event.status, event.text).toBe(201);
    const nomination = await admin.post(`/api/events/${event.body.id}/nominations`, {
      personId: yilmaz.id,
    });
    expect(nomination.status, nomination.text).toBe(201);
    const accepted = await admin.post(`/api/nominations/${nomination.body.id}/decision`, {
      decision: "accept",
    });
    expect(accepted.status, accepted.text).toBe(200);

    await pick(coordinator, "team-person", "Yılmaz", /Yılmaz \(TUR\)/);
    await coordinator.getByTestId("team-role").click();
    await coordinator.getByRole("option", { name: "Team lead" }).click();
    await coordinator.getByTestId("team-add").click();
    await expect
      .poll(() => coordinator.getByTestId("team-double-booking").textContent())
      .toContain("Course: TEAM-OVERLAP Overlapping course · 15 September 2027");
    await coordinator.getByTestId("team-assign-anyway").click();
    await coordinator.getByText("Give the reason for assigning despite the overlap").waitFor();
    expect(await coordinator.getByTestId("team-table").count()).toBe(0);
    await coordinator
      .getByTestId("team-override-reason")
      .fill("Joins the course after the evaluation's first week");
    await coordinator.getByTestId("team-assign-anyway").click();
    await coordinator.getByTestId("team-table").getByText("Mehmet Yılmaz").waitFor();
    expect(await coordinator.getByTestId("team-double-booking").count()).toBe(0);
    await coordinator.getByTestId("evaluation-start").click();
    await expect.poll(() => coordinator.getByTestId("evaluation-state").textContent()).toBe("In progress");

    // The calendar reaches the evaluation (no answer is taken before its first day).
    await startsToday(e.t, evaluationPath.split("/").pop()!);
    // The evaluator answers the checklist from the keyboard; every answer is saved as it goes.
    const evaluator = await e.newPage();
    await e.login(evaluator, "evaluator");
    await evaluator.goto(`${evaluationPath}/checklist`);
    await evaluator.getByTestId("criterion-C2-01").waitFor();
    await evaluator.getByTestId("criterion-C2-01").focus();
    for (const key of ["y", "y", "n"]) await evaluator.keyboard.press(key);
    await evaluator.keyboard.press("ArrowRight");
    await evaluator.getByTestId("criterion-LOG-01").waitFor();
    await evaluator.getByTestId("criterion-LOG-01").focus();
    for (const key of ["y", "x"]) await evaluator.keyboard.press(key);
    await expect.poll(() => evaluator.getByTestId("entry-progress").textContent()).toBe("5 of 5 answered");
    await expect
      .poll(() => evaluator.getByTestId("criterion-LOG-02").getAttribute("data-save"))
      .toBe("saved");
    expect(await evaluator.getByTestId("criterion-LOG-02").getAttribute("data-answer")).toBe("not_evaluated");

    // Results: area C2 has 2 of 3 "yes" (66.7 %, below 80 %), so the company is not combat ready.
    await evaluator.goto(`${evaluationPath}/results`);
    await evaluator.getByTestId("results-chart").waitFor();
    await expect.poll(() => evaluator.getByTestId("results-overall").textContent()).toBe("75 %");
    expect(await evaluator.getByTestId("area-C2").textContent()).toContain("66.7 %");
    expect(await evaluator.getByTestId("results-computed").textContent()).toBe("Not combat ready");
    await evaluator.getByTestId("finding-text").fill("The command post was not manned at night (journey).");
    await evaluator.getByTestId("finding-add").click();
    await evaluator
      .getByTestId("findings")
      .getByText("The command post was not manned at night (journey).")
      .waitFor();
    await evaluator.getByTestId("report-submit").click();
    await expect.poll(() => evaluator.getByTestId("results-outcome").textContent()).toBe("Not combat ready");

    // The coordinator sees the outcome in the unit's history.
    await coordinator.goto(evaluationPath);
    await expect.poll(() => coordinator.getByTestId("evaluation-state").textContent()).toBe("Reported");
    await coordinator
      .getByRole("link", { name: /1st Infantry Company/ })
      .first()
      .click();
    await coordinator.getByTestId("unit-history").getByText("Self-evaluation level 1 (journey)").waitFor();
    expect(await coordinator.getByTestId("unit-declaration").first().textContent()).toContain(
      "Operational Capabilities Concept pool of forces",
    );
  }, 180_000);
});
