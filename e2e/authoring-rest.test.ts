import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

/** Issue 19, the rest: contributions to an exercise, attendance read back, a message's release list widened. */
let e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe("the rest of the authoring in the browser", () => {
  it("an administrator edits a nation's contributions to an exercise: a category twice is refused beside the list, a line removed, one added", async () => {
    const page = await e.newPage();
    await e.login(page, "admin");
    await page.goto("/exercises");
    await page.getByTestId("exercise-link-BISHKEK-ANTITERROR-2027").click();
    const row = page.getByTestId("participant-KGZ");
    await poll(() => row.textContent()).toContain("72");

    await page.getByTestId("participant-edit-KGZ").click();
    const form = page.getByTestId("participant-edit-form");
    // Lines by kind then category: special forces 60, staff officers 12, the Alpha unit.
    expect(await form.getByTestId("contribution-category-0").inputValue()).toBe("special forces");
    await form.getByTestId("contribution-quantity-0").fill("70");
    await form.getByTestId("contribution-add").click();
    await form.getByTestId("contribution-category-3").fill("staff officers");
    await form.getByTestId("contribution-quantity-3").fill("3");
    await form.getByTestId("participant-edit-save").click();
    await poll(() => form.getByTestId("participant-edit-contributions-error").textContent()).toContain(
      "a category is listed twice for one kind",
    );
    // The input is kept: correct the new line, remove the staff officers, save.
    expect(await form.getByTestId("contribution-quantity-0").inputValue()).toBe("70");
    await form.getByTestId("contribution-category-3").fill("medics");
    await form.getByTestId("contribution-description-3").fill("field hospital team (test)");
    await form.getByTestId("contribution-remove-1").click();
    await form.getByTestId("participant-edit-save").click();
    await poll(() => page.getByTestId("participant-edit-form").count()).toBe(0);
    await poll(() => row.textContent()).toContain("73");
    expect(await row.textContent()).toContain("Alpha special unit (sample)");

    const lines = await e.t.db
      .selectFrom("exerciseContribution as c")
      .innerJoin("exerciseParticipant as p", "p.id", "c.participantId")
      .innerJoin("exercise as x", "x.id", "p.exerciseId")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .select(["c.kind", "c.category", "c.quantity", "c.description"])
      .where("x.code", "=", "BISHKEK-ANTITERROR-2027")
      .where("n.code", "=", "KGZ")
      .orderBy("c.kind")
      .orderBy("c.category")
      .execute();
    expect(lines).toEqual([
      { kind: "personnel", category: "medics", quantity: 3, description: "field hospital team (test)" },
      { kind: "personnel", category: "special forces", quantity: 70, description: "sample" },
      { kind: "unit", category: "Alpha special unit (sample)", quantity: 1, description: "sample" },
    ]);
    await page.context().close();
  });
});
