import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

/** Opens a select, types to narrow it and picks the option. */
async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

beforeAll(async () => {
  e = await startE2E();
  await e.t.signIn({ role: "organiser", organisation: "CIS-ATC", username: "atc.secretary" });
  await e.t.signIn({ role: "organiser", organisation: "KGZ-SCNS-ATC", username: "kgz.centre" });
  await e.t.signIn({ role: "organiser", organisation: "KAZ-NSC-ATC", username: "kaz.centre" });
});
afterAll(() => e?.close());

describe("meetings and information exchange in the browser", () => {
  it("lets the secretariat prepare a meeting, record a decision and chase action items", async () => {
    const page = await e.newPage();
    await e.login(page, "atc.secretary", TEST_PASSWORD);

    // The XII meeting of heads of national anti-terrorism centres, 2019.
    await page.goto("/meetings");
    await pick(
      page,
      "meeting-series-filter",
      "heads of national",
      /Meeting of the heads of national anti-terrorism centres/,
    );
    await page.getByRole("link", { name: /^XII meeting/ }).click();
    await page.getByTestId("meeting-decisions").waitFor();
    expect(await page.getByTestId("meeting-title").textContent()).toMatch(/^XII meeting/);
    expect(await page.getByTestId("decision-reference").allTextContents()).toEqual([
      "XII/1",
      "XII/2",
      "XII/3",
    ]);
    expect(await page.getByTestId("delegation").count()).toBe(4);
    const carried = page.getByTestId("actions-carried-over").getByTestId("action-row");
    await carried.first().waitFor();
    // Carried over from the XI meeting: one item still open and overdue on the meeting's date.
    const overdueRow = carried.filter({ hasText: "Nominate a contact point" });
    expect(await overdueRow.getAttribute("data-overdue")).toBe("true");

    // Prepare the XIII meeting.
    await page.goto("/meetings");
    await page.getByTestId("meeting-create").click();
    await pick(
      page,
      "meeting-form-series",
      "heads of national",
      /Meeting of the heads of national anti-terrorism centres/,
    );
    await page.getByTestId("meeting-form-starts").fill("2020-10-14");
    await page.getByTestId("meeting-form-city").fill("Tashkent");
    await page.getByTestId("meeting-form-save").click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId("meeting-title").textContent()).toMatch(/^XIII meeting/);

    await page.getByTestId("agenda-title").fill("Review of the action items of the XII meeting");
    await page.getByTestId("agenda-add").click();
    await page.getByTestId("agenda-item").first().waitFor();

    await page.getByTestId("decision-title").fill("Programme of consultations for 2021");
    await page.getByTestId("decision-text").fill("Утвердить программу консультаций на 2021 год.");
    await page.getByTestId("decision-add").click();
    await expect.poll(() => page.getByTestId("decision-reference").allTextContents()).toEqual(["XIII/1"]);

    await page.getByTestId("minutes-edit").click();
    await page.getByTestId("minutes-text").fill("The XIII meeting opened in Tashkent.");
    await page.getByTestId("minutes-save").click();
    await expect
      .poll(() => page.getByTestId("minutes-view").textContent())
      .toBe("The XIII meeting opened in Tashkent.");

    await page.getByTestId("action-title").fill("Send the national report");
    await pick(page, "action-owner", "KGZ-SCNS", /KGZ-SCNS-ATC/);
    await page.getByTestId("action-deadline").fill("2020-09-30");
    await page.getByTestId("action-add").click();
    const raised = page.getByTestId("actions-raised").getByTestId("action-row");
    await raised.first().waitFor();
    expect(await raised.first().getAttribute("data-overdue")).toBe("true");
    // Items of earlier meetings not yet closed are carried over to this one.
    const carriedTitles = await page
      .getByTestId("actions-carried-over")
      .getByTestId("action-row")
      .allTextContents();
    expect(carriedTitles.join(" | ")).toContain("Nominate a contact point");
    expect(carriedTitles.join(" | ")).not.toContain("Submit the first report");

    // The tracker across the series, overdue only.
    await page.goto("/meetings/actions");
    await page.getByTestId("tracker-overdue").click();
    const rows = page.getByTestId("tracker-table").getByTestId("action-row");
    await rows.first().waitFor();
    // Once the filtered page has arrived, every row is an overdue one.
    await expect
      .poll(async () => [
        ...new Set(
          await rows.evaluateAll((elements) => elements.map((el) => el.getAttribute("data-overdue"))),
        ),
      ])
      .toEqual(["true"]);
    const report = rows.filter({ hasText: "Send the national report" });
    expect(await report.count()).toBe(1);
    // Closing the item takes it off the overdue list.
    await report.getByTestId("action-status-select").click();
    await page.getByRole("option", { name: "Done", exact: true }).click();
    await expect.poll(() => rows.filter({ hasText: "Send the national report" }).count()).toBe(0);
  });

  it("sends a document to a named centre, which acknowledges it, and the sender sees the receipt", async () => {
    const sender = await e.newPage();
    await e.login(sender, "atc.secretary", TEST_PASSWORD);
    await sender.goto("/exchange/new");
    await pick(sender, "compose-recipients", "KGZ-SCNS", /KGZ-SCNS-ATC/);
    await sender.getByTestId("compose-subject").fill("Threat assessment for the XIII meeting");
    await sender.getByTestId("compose-body").fill("Please acknowledge receipt.");
    await sender.getByTestId("compose-send").click();
    await sender.waitForURL(/\/exchange\/[0-9a-f-]{36}$/);
    const messageUrl = sender.url();
    await sender.getByTestId("receipt-KGZ-SCNS-ATC").getByTestId("receipt-pending").waitFor();
    await sender
      .getByTestId("attachments")
      .locator("input[type=file]")
      .setInputFiles({
        name: "assessment.txt",
        mimeType: "text/plain",
        buffer: Buffer.from("Threat level: sample"),
      });
    await sender.getByRole("link", { name: "assessment.txt" }).waitFor();

    // Another centre does not see it, not even by searching.
    const other = await e.newPage();
    await e.login(other, "kaz.centre", TEST_PASSWORD);
    await other.goto("/exchange?box=all&q=assessment");
    await other.getByTestId("empty-state").waitFor();

    const recipient = await e.newPage("ru");
    await e.login(recipient, "kgz.centre", TEST_PASSWORD);
    await recipient.goto("/exchange");
    await recipient.getByTestId("messages-table").waitFor();
    const row = recipient.getByRole("row").filter({ hasText: "Threat assessment for the XIII meeting" });
    await row.getByTestId("awaiting-badge").waitFor();
    expect(await recipient.getByTestId("tab-inbox").textContent()).toMatch(/^Входящие \(\d+\)$/);
    await row.getByTestId("message-link").click();
    await recipient.getByRole("link", { name: "assessment.txt" }).waitFor();
    await recipient.getByTestId("acknowledge").click();
    await recipient.getByTestId("receipt-KGZ-SCNS-ATC").getByTestId("receipt-acknowledged").waitFor();
    expect(await recipient.getByTestId("acknowledge").count()).toBe(0);

    await sender.goto(messageUrl);
    const receipt = sender.getByTestId("receipt-KGZ-SCNS-ATC").getByTestId("receipt-acknowledged");
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain("kgz.centre");
  });
});
