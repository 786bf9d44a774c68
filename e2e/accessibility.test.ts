import AxeBuilder from "@axe-core/playwright";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { navigationPages, settle } from "./support/pages.js";

/**
 * axe-core on every page of the navigation, as a visitor and as the demo roles (issue 20): no critical and no serious
 * violation (colour contrast, names of buttons and fields, landmarks, headings).
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

const ROLES = [undefined, "coordinator", "director", "admin"] as const;

describe("accessibility (axe-core)", () => {
  for (const role of ROLES) {
    it(`finds no serious or critical violation on the pages ${role ?? "a visitor"} can open`, async () => {
      const page = await e.newPage();
      page.setDefaultTimeout(30_000);
      if (role) await e.login(page, role);
      const paths = await navigationPages(page);
      expect(paths.length).toBeGreaterThan(3);
      if (!role) paths.push("/login");
      const found: string[] = [];
      for (const path of paths) {
        await page.goto(path);
        await settle(page);
        const result = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
          .analyze();
        for (const violation of result.violations) {
          if (violation.impact !== "serious" && violation.impact !== "critical") continue;
          const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" "));
          found.push(`${path}: ${violation.id} ×${violation.nodes.length} (${targets.join(" | ")})`);
        }
      }
      expect(found).toEqual([]);
      await page.context().close();
    }, 600_000);
  }
});
