import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { navigationPages, settle } from "./support/pages.js";

/**
 * A phone 390 px wide (issue 20): no page scrolls sideways (wide tables scroll inside their own frame), the language
 * and user menus stay on screen, and the navigation opens from a burger button.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

const WIDTH = 390;

describe("small screens (390 × 844)", () => {
  for (const role of [undefined, "coordinator", "admin"] as const) {
    it(`fits every page ${role ?? "a visitor"} can open into the width of a phone`, async () => {
      const page = await e.newPage();
      page.setDefaultTimeout(30_000);
      if (role) await e.login(page, role);
      const paths = await navigationPages(page);
      expect(paths.length).toBeGreaterThan(3);
      await page.setViewportSize({ width: WIDTH, height: 844 });
      const overflowing: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        await settle(page);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > WIDTH) overflowing.push(`${path}: ${width}px`);
      }
      expect(overflowing).toEqual([]);

      // The header's menus stay on screen and the navigation is one tap away.
      await page.goto("/");
      const language = (await page.getByTestId("language-switch").boundingBox())!;
      expect(language.x + language.width).toBeLessThanOrEqual(WIDTH);
      const nav = page.locator("nav a[href]").nth(1);
      const onScreen = () => nav.evaluate((link) => link.getBoundingClientRect().right > 0);
      expect(await onScreen()).toBe(false);
      await page.getByTestId("nav-burger").click();
      await expect.poll(onScreen, { timeout: 10_000 }).toBe(true);
      await nav.click();
      await page.waitForURL((url) => url.pathname !== "/");
      await page.context().close();
    }, 600_000);
  }

  it("links each item of an annual programme to its activity, on a phone too", async () => {
    const item = await e.t.db
      .selectFrom("programmeItem as i")
      .innerJoin("activity as a", "a.id", "i.activityId")
      .innerJoin("annualProgramme as p", "p.id", "i.programmeId")
      .innerJoin("nation as n", "n.id", "p.nationId")
      .select(["i.programmeId", "a.id as activityId", "a.code"])
      .where("n.code", "=", "AZE")
      .executeTakeFirstOrThrow();
    const page = await e.newPage();
    page.setDefaultTimeout(30_000);
    await e.login(page, "coordinator");
    await page.setViewportSize({ width: WIDTH, height: 844 });
    await page.goto(`/programmes/annual/${item.programmeId}`);
    const link = page.getByTestId(`programme-item-activity-${item.code}`).first();
    await link.waitFor();
    await settle(page);
    await link.click();
    await page.waitForURL(new RegExp(`/catalogue/activities/${item.activityId}$`));
    await page.context().close();
  }, 120_000);
});
