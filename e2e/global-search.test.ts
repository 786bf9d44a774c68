import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD } from "../test/support/test-app.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;

beforeAll(async () => {
  // Each kind counted up to 10 (1,000 in use), so that a handful of records shows a capped count.
  e = await startE2E({ searchCountCap: 10 });
  await e.t.signIn({ role: "organiser", organisation: "CIS-ATC", username: "atc.search" });
});
afterAll(() => e?.close());

describe("the global search in the browser", () => {
  it("finds a meeting decision by a misspelt Russian word typed in the header and opens it", async () => {
    const page = await e.newPage("ru");
    await e.login(page, "atc.search", TEST_PASSWORD);

    // "Бишкекском" with one letter wrong: neither the words as typed nor their Russian stem are in any record.
    await page.getByTestId("header-search").fill("Бешкекском");
    await page.getByTestId("header-search").press("Enter");
    await page.waitForURL(/\/search\?q=/);
    const decisions = page.getByTestId("search-group-decision");
    await decisions.waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Бешкекском");
    expect(await decisions.textContent()).toContain("Решения");
    const hit = decisions.getByTestId("search-hit-decision");
    expect(await hit.allTextContents()).toEqual(["Programme of regional expert consultations (sample)"]);
    // Found by a close spelling, and said so.
    expect(await decisions.textContent()).toContain("близкое написание");

    await hit.click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}#decision-[0-9a-f-]{36}$/);
    const decisionId = new URL(page.url()).hash.slice(1);
    const card = page.locator(`[id="${decisionId}"]`);
    await card.waitFor();
    expect(await card.getAttribute("data-testid")).toBe("decision");
    expect(await card.textContent()).toContain("Programme of regional expert consultations (sample)");
    expect(await card.textContent()).toContain("Бишкекском");
    await page.context().close();
  });

  it("shows a kind's count as capped when more match than are counted", async () => {
    const lead = await e.t.organisationId("NATO-SCHOOL");
    const owner = await e.t.nationId("AZE");
    await sql`insert into exercise
        (code, name, kind, lead_organisation_id, starts_on, ends_on, owner_nation_id, releasability)
      select 'CORV-' || i, 'Corvathen drill ' || i, 'table_top', ${lead}, '2027-01-01', '2027-01-05', ${owner}, 'public'
      from generate_series(1, 12) i`.execute(e.t.db);
    const page = await e.newPage("en");
    await e.login(page, "atc.search", TEST_PASSWORD);
    await page.getByTestId("header-search").fill("Corvathen");
    await page.getByTestId("header-search").press("Enter");
    const exercises = page.getByTestId("search-group-exercise");
    await exercises.waitFor();
    expect(await exercises.getByTestId("search-hit-exercise").count()).toBe(10);
    expect(await exercises.getByTestId("search-group-total").textContent()).toBe("10 of 10+ shown");
    expect(await page.getByTestId("search-total").textContent()).toBe("Records found: more than 10");
    await page.context().close();
  });
});
