import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

/** Types into a searchable select and picks the option. */
async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

/** The bodies of the PATCH requests the page sends to paths matching `path`. */
function patchesTo(page: Page, path: RegExp) {
  const bodies: unknown[] = [];
  page.on("request", (request) => {
    if (request.method() === "PATCH" && path.test(new URL(request.url()).pathname))
      bodies.push(request.postDataJSON());
  });
  return bodies;
}

beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe("operations authored in the browser", () => {
  it("an administrator starts an operation (an end before the start is refused beside the field), edits it, and a coordinator records a contingent with a rotation", async () => {
    const admin = await e.newPage();
    await e.login(admin, "admin");
    await admin.goto("/operations");
    await admin.getByTestId("operation-new").click();
    const form = admin.getByTestId("operation-form");
    await form.getByTestId("operation-code").fill("eufor-test");
    await form.getByTestId("operation-name").fill("Stabilisation Force Test");
    await pick(admin, "operation-lead", "CIS-ATC", /^CIS-ATC — /);
    await form.getByTestId("operation-starts").fill("2026-03-01");
    await form.getByTestId("operation-ends").fill("2026-02-01");
    await form.getByTestId("operation-save").click();
    await poll(() => form.getByTestId("operation-ends").getAttribute("aria-invalid")).toBe("true");
    expect(await form.textContent()).toContain("must not be before the start date");
    expect(await form.getByTestId("operation-name").inputValue()).toBe("Stabilisation Force Test");
    await form.getByTestId("operation-ends").fill("");
    await form.getByTestId("operation-save").click();
    await admin.waitForURL(/\/operations\/[0-9a-f-]{36}$/);
    await poll(() => admin.getByTestId("operation-title").textContent()).toBe("Stabilisation Force Test");
    const operationUrl = admin.url();

    // The list's row opens the operation's page.
    await admin.goto("/operations");
    await admin.getByTestId("operation-EUFOR-TEST").click();
    await admin.waitForURL(operationUrl);

    // Edit: only the changed field is sent.
    const patches = patchesTo(admin, /^\/api\/operations\//);
    await admin.getByTestId("operation-edit").click();
    await admin.getByTestId("operation-description").fill("Monitors the ceasefire line (test).");
    await admin.getByTestId("operation-save").click();
    await poll(() => admin.getByTestId("operation-description-shown").textContent()).toBe(
      "Monitors the ceasefire line (test).",
    );
    expect(patches).toEqual([{ description: "Monitors the ceasefire line (test)." }]);
    await admin.context().close();

    // The coordinator of Azerbaijan records the nation's contingent; no operation edit for them.
    const coordinator = await e.newPage();
    await e.login(coordinator, "coordinator");
    await coordinator.goto(operationUrl);
    await coordinator.getByTestId("operation-contingents").waitFor();
    expect(await coordinator.getByTestId("operation-edit").count()).toBe(0);
    await coordinator.getByTestId("contingent-new").click();
    const contingentForm = coordinator.getByTestId("contingent-form");
    await contingentForm.getByTestId("contingent-name").fill("Azerbaijani peacekeeping platoon (test)");
    await contingentForm.getByTestId("contingent-save").click();
    await coordinator.waitForURL(/\/operations\/contingents\/[0-9a-f-]{36}$/);

    // A rotation, then corrected: a refused end date beside its field, then a new strength.
    await coordinator.getByTestId("rotation-starts").fill("2026-04-01");
    await coordinator.getByTestId("rotation-count-0").fill("30");
    await coordinator.getByTestId("rotation-submit").click();
    await poll(() => coordinator.getByTestId("rotation-total").allTextContents()).toEqual(["30"]);
    await coordinator.getByTestId("rotation-edit").click();
    const rotationForm = coordinator.getByTestId("rotation-edit-form");
    await rotationForm.getByTestId("rotation-edit-ends").fill("2026-03-01");
    await rotationForm.getByTestId("rotation-edit-count-0").fill("42");
    await rotationForm.getByTestId("rotation-edit-save").click();
    await poll(() => rotationForm.getByTestId("rotation-edit-ends").getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await rotationForm.textContent()).toContain("must not be before the start date");
    expect(await rotationForm.getByTestId("rotation-edit-count-0").inputValue()).toBe("42");
    await rotationForm.getByTestId("rotation-edit-ends").fill("2026-10-01");
    await rotationForm.getByTestId("rotation-edit-save").click();
    await poll(() => coordinator.getByTestId("rotation-edit-form").count()).toBe(0);
    await poll(() => coordinator.getByTestId("rotation-total").allTextContents()).toEqual(["42"]);

    // The contingent itself edited, and listed on the operation's page.
    await coordinator.getByTestId("contingent-edit").click();
    await coordinator.getByTestId("contingent-framework-unit").fill("Turkish battalion (test)");
    await coordinator.getByTestId("contingent-save").click();
    await poll(() => coordinator.getByTestId("contingent-framework").textContent()).toBe(
      "Turkish battalion (test)",
    );
    await coordinator.goto(operationUrl);
    await poll(() => coordinator.getByTestId("contingent-row-AZE").textContent()).toContain(
      "Azerbaijani peacekeeping platoon (test)",
    );
    await coordinator.context().close();
  });

  it("the contributing nation's coordinator edits a fund contribution; paying more than pledged is refused beside the field", async () => {
    const page = await e.newPage();
    await e.login(page, "coordinator");
    await page.goto("/operations/contributions");
    await page.getByTestId("contribution-edit-2016-USD").click();
    const form = page.getByTestId("contribution-edit-form");
    await form.getByTestId("contribution-edit-paid").fill("2000000");
    await form.getByTestId("contribution-edit-save").click();
    await poll(() => form.getByTestId("contribution-edit-paid").getAttribute("aria-invalid")).toBe("true");
    expect(await form.textContent()).toContain("must not exceed the pledged amount");
    await form.getByTestId("contribution-edit-paid").fill("750000");
    await form.getByTestId("contribution-edit-save").click();
    await poll(() => page.getByTestId("contribution-edit-form").count()).toBe(0);
    await poll(() => page.getByTestId("contribution-2016-USD").textContent()).toContain("250,000");
    const row = await e.t.db
      .selectFrom("fundContribution")
      .select(["paid", "pledged"])
      .where("year", "=", 2016)
      .where("currency", "=", "USD")
      .executeTakeFirstOrThrow();
    expect([Number(row.paid), Number(row.pledged)]).toEqual([750000, 1000000]);
    await page.context().close();
  });

  it("an administrator adds a stage outside the exercise's dates (refused beside the field), then within them, removes it, and changes a nation's role", async () => {
    const page = await e.newPage();
    await e.login(page, "admin");
    await page.goto("/exercises");
    await page.getByTestId("exercise-link-BISHKEK-ANTITERROR-2027").click();
    const stages = page.getByTestId("stages");
    await stages.getByTestId("stage-2").waitFor();
    await pick(page, "stage-nation", "UZB", /UZB — Uzbekistan/);
    await stages.getByTestId("stage-starts").fill("2027-09-25");
    await stages.getByTestId("stage-ends").fill("2027-09-26");
    await stages.getByTestId("stage-add").click();
    await poll(() => stages.getByTestId("stage-starts").getAttribute("aria-invalid")).toBe("true");
    expect(await stages.textContent()).toContain("a stage must run within the exercise's dates");
    expect(await stages.getByTestId("stage-no").inputValue()).toBe("3");
    await stages.getByTestId("stage-starts").fill("2027-09-18");
    await stages.getByTestId("stage-ends").fill("2027-09-20");
    await stages.getByTestId("stage-add").click();
    await poll(() => stages.getByTestId("stage-3").textContent()).toContain("Uzbekistan");
    await stages.getByTestId("stage-remove-3").click();
    await page.getByTestId("stage-remove-3-confirm").click();
    await poll(() => stages.getByTestId("stage-3").count()).toBe(0);
    expect(await stages.getByTestId("stage-2").textContent()).toContain("Kazakhstan");

    // A member nation becomes an observer.
    const member = await e.t.db
      .selectFrom("exerciseParticipant")
      .innerJoin("exercise", "exercise.id", "exerciseParticipant.exerciseId")
      .innerJoin("nation", "nation.id", "exerciseParticipant.nationId")
      .select("nation.code")
      .where("exercise.code", "=", "BISHKEK-ANTITERROR-2027")
      .where("exerciseParticipant.role", "=", "member")
      .orderBy("nation.code")
      .executeTakeFirstOrThrow();
    const before = await page.getByTestId("count-observer").textContent();
    await page.getByTestId(`participant-edit-${member.code}`).click();
    await page.getByTestId("participant-edit-role").click();
    await page.getByRole("option", { name: "Observer" }).click();
    await page.getByTestId("participant-edit-save").click();
    await poll(() => page.getByTestId(`participant-${member.code}`).textContent()).toContain("Observer");
    expect(before).not.toBe(await page.getByTestId("count-observer").textContent());
    await page.context().close();
  });
});
