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
});
