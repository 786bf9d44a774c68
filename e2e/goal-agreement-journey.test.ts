import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
let goalId: string;
// The machine is shared and slow at times: give the page time to answer.
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.t.db;
  const aze = (await db.selectFrom("nation").select("id").where("code", "=", "AZE").executeTakeFirstOrThrow())
    .id;
  const nato = (
    await db.selectFrom("organisation").select("id").where("code", "=", "NATO").executeTakeFirstOrThrow()
  ).id;
  goalId = (
    await db
      .insertInto("partnershipGoal")
      .values({
        nationId: aze,
        code: "PG-E2E-AGREE",
        title: "A goal agreed by both sides in the browser",
        areaCode: "logistics",
        agreedYear: 2026,
        status: "proposed",
        ownerNationId: aze,
        releasability: "restricted",
        releaseOrganisations: [nato],
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => e2e?.close());

describe("a partnership goal agreed by both sides (issue 22)", () => {
  it("the partner's coordinator agrees on a phone, then alliance staff agree and the goal is agreed", async () => {
    const partner = await e2e.newPage();
    await partner.setViewportSize({ width: 390, height: 844 });
    await e2e.login(partner, "coordinator");
    await partner.goto(`/programmes/goals/${goalId}`);
    const panel = partner.getByTestId("goal-agreement");
    await poll(() => panel.getByTestId("goal-agreement-partner").textContent()).toContain("Not yet agreed");
    // The partner speaks for its own side only.
    expect(await partner.getByTestId("goal-agree-alliance").count()).toBe(0);
    await partner.getByTestId("goal-agree-partner").click();
    await poll(() => panel.getByTestId("goal-agreement-partner").textContent()).toContain("Agreed by");
    expect(await panel.getByTestId("goal-agreement-alliance").textContent()).toContain("Not yet agreed");
    await poll(() => partner.getByTestId("goal-withdraw-partner").count()).toBe(1);
    // Nothing sticks out of the phone's width.
    expect(await partner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const staff = await e2e.newPage();
    await e2e.login(staff, "admin");
    await staff.goto(`/programmes/goals/${goalId}`);
    expect(await staff.getByTestId("goal-agree-partner").count()).toBe(0);
    await staff.getByTestId("goal-agree-alliance").click();
    await poll(() => staff.getByTestId("goal-agreement-alliance").textContent()).toContain("Agreed by");
    await poll(() => staff.getByTestId("goal-history").textContent()).toContain("Agreed");
    await partner.reload();
    await poll(() => partner.getByTestId("goal-agreement-alliance").textContent()).toContain(
      "Agreed by Demo Administrator",
    );
    expect(await partner.getByTestId("goal-withdraw-partner").count()).toBe(0);
  });
});
