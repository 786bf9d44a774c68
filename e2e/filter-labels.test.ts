import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { navigationPages, settle } from "./support/pages.js";

/**
 * Filters say what they filter (issue 20): every search box and select of a list page has an accessible name and a
 * placeholder (what an empty filter means), in each language.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

describe("filters of the list pages", () => {
  for (const language of ["en", "az", "ru"] as const) {
    it(`names every filter input of the navigation's pages and gives it a placeholder (${language})`, async () => {
      const page = await e.newPage(language);
      page.setDefaultTimeout(30_000);
      await e.login(page, "admin");
      const paths = await navigationPages(page);
      expect(paths.length).toBeGreaterThan(10);
      const missing: string[] = [];
      let inputs = 0;
      for (const path of paths) {
        await page.goto(path);
        await settle(page);
        const found = await page.evaluate(() =>
          [
            ...document.querySelectorAll<HTMLInputElement>(
              "main input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=date]):not([type=file])",
            ),
          ]
            .filter(
              (input) => input.getClientRects().length > 0 && !input.closest("form, tbody, [role=dialog]"),
            )
            .map((input) => {
              const labelled = input.labels?.[0]?.textContent?.trim() || input.getAttribute("aria-label");
              const by = input.getAttribute("aria-labelledby");
              const name = labelled || (by && document.getElementById(by)?.textContent?.trim()) || "";
              return { name, placeholder: input.placeholder.trim(), id: input.dataset.testid ?? input.id };
            }),
        );
        inputs += found.length;
        for (const input of found) {
          if (!input.name || !input.placeholder)
            missing.push(`${path} ${input.id}: name "${input.name}", placeholder "${input.placeholder}"`);
        }
      }
      expect(inputs).toBeGreaterThan(15);
      expect(missing).toEqual([]);
      await page.context().close();
    }, 600_000);
  }
});
