import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("directory in the browser", () => {
  it("switches between English, Azerbaijani and Russian", async () => {
    const page = await e2e.newPage();
    await page.goto("/nations");
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("en");
    for (const [language, nationName] of [
      ["az", "Azərbaycan"],
      ["ru", "Азербайджан"],
      ["en", "Azerbaijan"],
    ] as const) {
      await page.getByTestId("language-switch").first().click();
      await page.getByTestId(`language-${language}`).click();
      await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(language);
      await expect.poll(() => page.getByTestId("nation-row-AZE").textContent()).toContain(nationName);
    }
    await page.context().close();
  });

  it("creates an institution, shows field errors for a bad and a taken code, and finds it by search", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "admin");
    await page.goto("/organisations/new");

    const code = page.getByTestId("organisation-code");
    await page.getByTestId("organisation-name-en").fill("Mine Action Training Centre (e2e)");
    await page.getByTestId("organisation-kind").click();
    await page.getByRole("option", { name: "Training centre" }).click();

    await code.fill("bad code!");
    await page.getByTestId("organisation-submit").click();
    await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");

    // A code that exists already: the server's 409 is shown beside the field.
    await code.fill("AZE-NDU");
    await page.getByTestId("organisation-submit").click();
    await expect.poll(() => code.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.getByTestId("organisation-form").textContent()).toMatch(/already exists/i);

    await code.fill("AZE-E2E-MINE-ACTION");
    await page.getByTestId("organisation-submit").click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);

    await page.goto("/organisations");
    await page.getByTestId("organisation-search").fill("Mine Action");
    await expect.poll(() => page.getByTestId("organisation-row-AZE-E2E-MINE-ACTION").count()).toBe(1);
    await page.context().close();
  });
});
