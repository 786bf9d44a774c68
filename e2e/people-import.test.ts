import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("people import in the browser", () => {
  it("uploads a file, shows the bad row's error, imports the valid rows and finds them in the list", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "admin");
    await page.goto("/people");
    await page.getByTestId("people-import").click();
    await page.waitForURL(/\/people\/import$/);

    const csv = [
      "Ad;Soyad;Ölkə;E-poçt",
      "Importina;Browserova;AZE;importina@e2e-import.example",
      "Badrow;Browserov;QQQ;badrow@e2e-import.example",
    ].join("\r\n");
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByTestId("import-preview").click();

    await expect.poll(() => page.getByTestId("import-summary").textContent()).toContain("2");
    const errorRow = page.getByTestId("import-errors-row-3");
    await expect.poll(() => errorRow.textContent()).toContain("QQQ");
    expect(await errorRow.textContent()).toContain("Ölkə");
    // All-or-nothing is not offered while a row has errors; the valid rows can be imported.
    expect(await page.getByTestId("import-commit-all").isDisabled()).toBe(true);
    await page.getByTestId("import-commit-valid").click();
    await expect.poll(() => page.getByTestId("import-summary").count()).toBe(0);

    await page.goto("/people");
    await page.getByTestId("person-search").fill("Browserova");
    await expect.poll(() => page.getByTestId("people-table").textContent()).toContain("Importina");
    expect(await page.getByTestId("people-table").textContent()).not.toContain("Badrow");

    // The export buttons carry the list's filters: the CSV holds the person just found.
    await expect
      .poll(() => page.getByTestId("people-export-csv").getAttribute("href"))
      .toContain("q=Browserova");
    const href = (await page.getByTestId("people-export-csv").getAttribute("href"))!;
    const exported = await page.request.get(href);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain("importina@e2e-import.example");

    await page.goto("/catalogue?kind=course");
    await expect
      .poll(() => page.getByTestId("activities-export-xlsx").getAttribute("href"))
      .toContain("kind=course");
    const activities = await page.request.get(
      (await page.getByTestId("activities-export-xlsx").getAttribute("href"))!,
    );
    expect(activities.status()).toBe(200);
    expect(activities.headers()["content-type"]).toContain("spreadsheetml");
    await page.context().close();
  });
});
