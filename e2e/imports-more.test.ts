import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function xlsx(rows: string[][]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Sheet1");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
  await page.getByTestId("import-preview").click();
}

describe("importing the menu and nominations in the browser", () => {
  it("imports activities, then a nominations XLSX: sees the bad row, fixes the file, imports, finds the nominees", async () => {
    const page = await e2e.newPage();
    await e2e.login(page, "admin");
    const stamp = Date.now().toString(36).toUpperCase();

    // People to nominate, through the same page with the kind chooser on "people".
    await page.goto("/imports?kind=people");
    const people = [
      "Given name,Family name,Nation,Email",
      `Ilkin,Importov${stamp},AZE,ilkin.${stamp}@e2e-more.example`,
      `Sevda,Importova${stamp},AZE,sevda.${stamp}@e2e-more.example`,
    ].join("\n");
    await upload(page, "people.csv", "text/csv", Buffer.from(people));
    await expect.poll(() => page.getByTestId("import-summary").textContent()).toContain("2");
    await page.getByTestId("import-commit-all").click();
    await expect.poll(() => page.getByTestId("import-summary").count()).toBe(0);

    // The menu: from the catalogue's Import button, the chooser set to activities.
    await page.goto("/catalogue");
    await page.getByTestId("activities-import").click();
    await page.waitForURL(/\/imports\?kind=activities$/);
    expect(await page.getByTestId("import-kind").inputValue()).toContain("Activities");
    const code = `E2E-MENU-${stamp}`;
    const menu = (organiser: string) =>
      [
        "Code;Title;Kind;Menu year;Organiser;Starts on;Ends on",
        `${code};Imported course;course;2027;NATO-SCHOOL;2027-05-03;2027-05-07`,
        `${code}-2;Second imported course;seminar;2027;${organiser};;`,
      ].join("\r\n");
    await upload(page, "menu.csv", "text/csv", Buffer.from(menu("NO-SUCH-ORG")));
    await expect.poll(() => page.getByTestId("import-errors-row-3").textContent()).toContain("NO-SUCH-ORG");
    expect(await page.getByTestId("import-commit-all").isDisabled()).toBe(true);
    await upload(page, "menu.csv", "text/csv", Buffer.from(menu("NATO-SCHOOL")));
    await expect.poll(() => page.getByTestId("import-errors").count()).toBe(0);
    await page.getByTestId("import-commit-all").click();
    await expect.poll(() => page.getByTestId("import-summary").count()).toBe(0);
    const imported = await page.request.get(`/api/activities?q=${code}&limit=10`);
    const codes = (await imported.json()).items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining([code, `${code}-2`]));

    // Nominations for a published event, from the event page's Import button.
    const found = await page.request.get("/api/activities?q=CREVAL-2027&limit=5");
    const creval = (await found.json()).items.find((a: { code: string }) => a.code === "CREVAL-2027");
    const detail = await (await page.request.get(`/api/activities/${creval.id}`)).json();
    const eventId = detail.events[0].id as string;
    await page.goto(`/catalogue/events/${eventId}`);
    await page.getByTestId("nominations-import").click();
    await page.waitForURL(/\/imports\?kind=nominations$/);
    const list = (secondEmail: string) =>
      xlsx([
        ["Activity code", "Email", "Note"],
        ["CREVAL-2027", `ilkin.${stamp}@e2e-more.example`, "From the list"],
        ["CREVAL-2027", secondEmail, "From the list"],
      ]);
    await upload(page, "nominations.xlsx", XLSX, await list(`sevda.${stamp}@e2e-more.exampel`));
    await expect
      .poll(() => page.getByTestId("import-errors-row-3").textContent())
      .toContain("e2e-more.exampel");
    expect(await page.getByTestId("import-errors-row-3").textContent()).toContain("Email");
    expect(await page.getByTestId("import-commit-all").isDisabled()).toBe(true);

    // The fixed file imports in full.
    await upload(page, "nominations.xlsx", XLSX, await list(`sevda.${stamp}@e2e-more.example`));
    await expect.poll(() => page.getByTestId("import-errors").count()).toBe(0);
    expect(await page.getByTestId("import-summary").textContent()).toContain("2");
    await page.getByTestId("import-commit-all").click();
    await expect.poll(() => page.getByTestId("import-summary").count()).toBe(0);

    await page.goto(`/catalogue/events/${eventId}`);
    const table = page.getByTestId("event-nominations");
    await expect.poll(() => table.textContent(), { timeout: 10_000 }).toContain(`Importov${stamp}`);
    expect(await table.textContent()).toContain(`Importova${stamp}`);

    // The event's nominations export as CSV: the imported people are in it, headers the import reads back.
    const href = (await page.getByTestId("nominations-export-csv").getAttribute("href"))!;
    expect(href).toContain(`eventId=${eventId}`);
    const exported = await page.request.get(href);
    expect(exported.status()).toBe(200);
    const text = await exported.text();
    expect(text).toContain("Activity code,Starts on,Nation,Family name,Given name");
    expect(text).toContain(`Importova${stamp}`);
    await page.context().close();
  });
});
