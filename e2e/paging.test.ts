import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("lists page and pickers reach beyond the first hundred records", () => {
  it("pages the plans list instead of stopping at a hundred", async () => {
    const { t } = e2e;
    const coordinator = await t.signIn({
      role: "national_coordinator",
      nation: "AZE",
      username: "paged.plans",
    });
    const nationId = await t.nationId("AZE");
    for (let i = 1; i <= 110; i++) {
      const plan = await coordinator.post("/api/plans", {
        code: `AZE-PAGED-${String(i).padStart(3, "0")}`,
        title: `Paged plan ${i}`,
        kind: "cooperation_programme",
        nationId,
      });
      expect(plan.status).toBe(201);
    }
    const total = (await coordinator.get("/api/plans?limit=1")).body.total as number;
    expect(total).toBeGreaterThan(100);
    expect(total).toBeLessThanOrEqual(150);

    const page = await e2e.newPage();
    await e2e.login(page, "paged.plans", TEST_PASSWORD);
    await page.goto("/programmes/plans");
    await poll(() => page.getByTestId("table-range").textContent()).toBe(`1–50 of ${total}`);
    await poll(() => page.locator('[data-testid^="plan-row-"]').count()).toBe(50);
    await page.getByTestId("pagination").getByRole("button", { name: "3" }).click();
    await poll(() => page.getByTestId("table-range").textContent()).toBe(`101–${total} of ${total}`);
    await poll(() => page.locator('[data-testid^="plan-row-"]').count()).toBe(total - 100);
    await page.context().close();
  });

  it("finds a recipient organisation beyond the first hundred by typing its code", async () => {
    const { t } = e2e;
    const admin = await t.signIn({ role: "administrator" });
    for (let i = 1; i <= 105; i++) {
      const organisation = await admin.post("/api/organisations", {
        code: `ZZ-PAGED-${String(i).padStart(3, "0")}`,
        nameEn: `Paged centre ${i}`,
        kind: "ministry",
      });
      expect(organisation.status).toBe(201);
    }
    // Sorted by code, the last one is not among the first hundred organisations.
    const first = await admin.get("/api/organisations?sort=code&limit=100");
    expect(first.body.total).toBeGreaterThan(100);
    expect(first.body.items.map((o: { code: string }) => o.code)).not.toContain("ZZ-PAGED-105");

    await t.signIn({ role: "organiser", organisation: "CIS-ATC", username: "paged.sender" });
    const page = await e2e.newPage();
    await e2e.login(page, "paged.sender", TEST_PASSWORD);
    // The picker asks the server for what is typed; it never walks through every page of organisations.
    const asked: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname === "/api/organisations") asked.push(url.search);
    });
    await page.goto("/exchange/new");
    const picker = page.getByTestId("compose-recipients");
    await picker.click();
    await picker.fill("ZZ-PAGED-105");
    await poll(() => page.getByRole("option", { name: /ZZ-PAGED-105/ }).count()).toBe(1);
    await page.getByRole("option", { name: /ZZ-PAGED-105/ }).click();
    await poll(() => page.locator("main").textContent()).toContain("Paged centre 105");
    expect(asked.some((search) => new URLSearchParams(search).get("q") === "ZZ-PAGED-105")).toBe(true);
    expect(asked.filter((search) => new URLSearchParams(search).has("offset"))).toEqual([]);
    await page.context().close();
  });
});
