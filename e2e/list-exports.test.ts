import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("downloading a list", () => {
  it("downloads the exercises list as XLSX with the filter it shows, every row of it, headers in the UI language", async () => {
    const page = await e2e.newPage("ru");
    await e2e.login(page, "admin");
    await page.goto("/exercises");
    const range = page.getByTestId("table-range");
    await range.waitFor();
    const total = async () => Number((await range.textContent())!.trim().split(/\s+/).pop());
    const everything = await total();
    await page.goto("/exercises?kind=live");
    await expect.poll(total).toBeLessThan(everything);
    const shown = await total();
    expect(shown).toBeGreaterThan(0);

    await page.getByTestId("download-exercises").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-exercises-xlsx").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^accord-exercises-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Код");
    expect(sheet.rowCount - 1).toBe(shown);
    // The filter the page shows, not the whole list: every row is a live exercise.
    const kinds = new Set<unknown>();
    sheet.eachRow((row, index) => {
      if (index > 1) kinds.add(row.getCell(3).value);
    });
    expect([...kinds]).toEqual(["live"]);
    await page.context().close();
  });
});

describe("printing a record's report", () => {
  it("opens the PDF report of an event, an evaluation, an exercise and a meeting in the UI language from their pages", async () => {
    const page = await e2e.newPage("az");
    await e2e.login(page, "admin");
    const api = async (url: string) => (await page.request.get(url)).json();
    const creval = (await api("/api/activities?q=CREVAL-2027")).items[0];
    const eventId = (await api(`/api/activities/${creval.id}`)).events[0].id;
    const evaluationId = (await api("/api/readiness/evaluations?state=reported&limit=1")).items[0].id;
    const exerciseId = (await api("/api/exercises?q=CD-2001")).items[0].id;
    const meetingId = (await api("/api/meetings?limit=1")).items[0].id;
    const reports = [
      { path: `/catalogue/events/${eventId}`, testId: "event-roster-pdf" },
      { path: `/readiness/evaluations/${evaluationId}`, testId: "evaluation-report-pdf" },
      { path: `/exercises/${exerciseId}`, testId: "exercise-report-pdf" },
      { path: `/meetings/${meetingId}`, testId: "meeting-minutes-pdf" },
    ];
    for (const { path, testId } of reports) {
      await page.goto(path);
      const link = page.getByTestId(testId);
      await link.waitFor();
      const href = await link.getAttribute("href");
      expect(href, path).toMatch(/\.pdf\?lang=az$/);
      const answer = await page.request.get(href!);
      expect(answer.status(), href!).toBe(200);
      expect(answer.headers()["content-type"]).toBe("application/pdf");
      expect((await answer.body()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    await page.context().close();
  });
});
