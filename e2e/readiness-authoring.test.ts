import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startsToday } from "../test/support/evaluations.js";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;
let evaluationId: string;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
  const admin = await e.t.signIn({ role: "administrator" });
  const checklist = await admin.post("/api/readiness/checklists", {
    code: "AUTHOR-L1",
    title: "Authoring checklist (sample)",
    areas: [
      {
        code: "C2",
        title: "Command and control",
        criteria: [
          { code: "C2-01", text: "Orders follow the alliance format", critical: true },
          { code: "C2-02", text: "Reports reach the battalion on time" },
        ],
      },
    ],
  });
  expect(checklist.status).toBe(201);
  // An evaluation of version 1 with the demo evaluator (Mehmet Yılmaz) as lead, under way today.
  const coordinator = await e.t.signIn({ role: "national_coordinator", nation: "AZE" });
  const planned = await coordinator.post("/api/readiness/evaluations", {
    unitId: await e.t.organisationId("AZE-LF-IC1"),
    kind: "alliance_evaluation_l1",
    title: "Authoring evaluation (e2e)",
    checklistVersionId: checklist.body.versions[0].id,
    startsOn: "2027-09-06",
    endsOn: "2027-09-17",
  });
  expect(planned.status, planned.text).toBe(201);
  evaluationId = planned.body.id;
  const mehmet = await e.t.db
    .selectFrom("person")
    .select("id")
    .where("email", "=", "m.yilmaz@example.tr")
    .executeTakeFirstOrThrow();
  const team = await coordinator.post(`/api/readiness/evaluations/${evaluationId}/team`, {
    personId: mehmet.id,
    role: "lead",
  });
  expect(team.status, team.text).toBe(201);
  await startsToday(e.t, evaluationId);
}, 180_000);
afterAll(() => e?.close());

async function signedIn(username: string): Promise<Page> {
  const page = await e.newPage();
  await e.login(page, username);
  return page;
}

describe("readiness authored in the browser", () => {
  it("the coordinator adds a checklist version and corrects a criterion (a refused text stays beside the field)", async () => {
    const page = await signedIn("coordinator");
    await page.goto("/readiness/checklists");
    const template = page.getByTestId("checklist-AUTHOR-L1");
    await template.getByTestId("version-new-AUTHOR-L1").click();
    await page.getByTestId("version-note").fill("Reports now name the battalion duty officer");
    await page.getByTestId("version-create").click();
    await poll(() => template.getByTestId("version-show-AUTHOR-L1-2").count()).toBe(1);

    // Version 1 is used by an evaluation: its criteria are read-only; version 2 is open to corrections.
    await template.getByTestId("version-show-AUTHOR-L1-1").click();
    await template.getByTestId("version-criteria-1").waitFor();
    expect(await template.getByTestId("criterion-edit-C2-02").count()).toBe(0);
    await template.getByTestId("version-show-AUTHOR-L1-2").click();
    await template.getByTestId("version-criteria-2").waitFor();
    await template.getByTestId("criterion-edit-C2-02").click();
    const form = page.getByTestId("criterion-form");
    await form.getByTestId("criterion-text").fill("x".repeat(2001));
    await form.getByTestId("criterion-save").click();
    await poll(() => form.textContent()).toContain("2000");
    expect((await form.getByTestId("criterion-text").inputValue()).length).toBe(2001);
    await form.getByTestId("criterion-text").fill("Reports reach the battalion duty officer within the hour");
    await form.getByTestId("criterion-save").click();
    await poll(() => page.getByTestId("criterion-form").count()).toBe(0);
    await poll(() => template.getByTestId("version-criterion-C2-02").textContent()).toContain(
      "battalion duty officer within the hour",
    );
    await page.context().close();
  });

  it("the evaluator answers with a comment and evidence, kept after a reload", async () => {
    const page = await signedIn("evaluator");
    await page.goto(`/readiness/evaluations/${evaluationId}/checklist`);
    await page.getByTestId("answer-C2-01-no").click();
    await poll(() => page.getByTestId("criterion-C2-01").getAttribute("data-save")).toBe("saved");
    await page.getByTestId("notes-toggle-C2-01").click();
    await page.getByTestId("comment-C2-01").fill("Orders of the night shift used the national format");
    await page.getByTestId("evidence-C2-01").fill("Order log 7 Sept, entries 12-15");
    await page.getByTestId("notes-save-C2-01").click();
    await poll(() => page.getByTestId("notes-C2-01").count()).toBe(0);
    await page.getByTestId("answer-C2-02-yes").click();
    await poll(() => page.getByTestId("criterion-C2-02").getAttribute("data-save")).toBe("saved");

    await page.reload();
    await page.getByTestId("notes-toggle-C2-01").click();
    expect(await page.getByTestId("comment-C2-01").inputValue()).toBe(
      "Orders of the night shift used the national format",
    );
    expect(await page.getByTestId("evidence-C2-01").inputValue()).toBe("Order log 7 Sept, entries 12-15");
    expect(await page.getByTestId("criterion-C2-01").getAttribute("data-answer")).toBe("no");
    await page.context().close();
  });

  it("before an evaluation's first day the page says when answering opens and takes no answer", async () => {
    const again = await e.t.db
      .selectFrom("evaluation")
      .select(["id", "startsOn"])
      .where("title", "=", "Re-evaluation level 1 of the infantry company (sample)")
      .executeTakeFirstOrThrow();
    const page = await signedIn("evaluator");
    await page.goto(`/readiness/evaluations/${again.id}/checklist`);
    await poll(() => page.getByTestId("entry-not-open").textContent()).toContain(
      "Answering opens on 17 May 2027",
    );
    const first = page.locator('[data-testid^="answer-"][data-testid$="-yes"]').first();
    expect(await first.isDisabled()).toBe(true);
    // The server refuses it too, saying when answering opens.
    const refused = await page.evaluate(async (id) => {
      const session = await fetch("/api/auth/session").then((r) => r.json());
      const checklist = await fetch(`/api/readiness/evaluations/${id}/checklist`).then((r) => r.json());
      const reply = await fetch(
        `/api/readiness/evaluations/${id}/answers/${checklist.areas[0].criteria[0].id}`,
        {
          method: "PATCH",
          headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
          body: JSON.stringify({ answer: "yes", version: 0 }),
        },
      );
      return { status: reply.status, body: await reply.json() };
    }, again.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain(`Answering opens on ${again.startsOn}`);
    await page.context().close();
  });

  it("the results print without navigation or forms, export as CSV and XLSX, and a finding is deleted after a confirmation", async () => {
    const page = await signedIn("evaluator");
    await page.goto(`/readiness/evaluations/${evaluationId}/results`);
    await page.getByTestId("results-chart").waitFor();
    await page.getByTestId("finding-text").fill("Night orders in the national format (e2e)");
    await page.getByTestId("finding-add").click();
    const findings = page.getByTestId("findings");
    await poll(() => findings.textContent()).toContain("Night orders in the national format (e2e)");

    // Print: the figures and findings stay, navigation, buttons and entry forms go.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("results-print").isVisible()).toBe(false);
    expect(await page.locator(".mantine-AppShell-navbar").isVisible()).toBe(false);
    expect(await page.getByTestId("finding-text").isVisible()).toBe(false);
    expect(await page.getByTestId("results-areas").isVisible()).toBe(true);
    expect(await findings.isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await page.getByTestId("results-print").isVisible()).toBe(true);

    const csv = await page.request.get((await page.getByTestId("results-export-csv").getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text).toContain("Orders of the night shift used the national format");
    expect(text).toContain("Order log 7 Sept, entries 12-15");
    const xlsx = await page.request.get(
      (await page.getByTestId("results-export-xlsx").getAttribute("href"))!,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

    await findings.locator('[data-testid^="finding-delete-"]').first().click();
    await page.locator('[data-testid^="finding-delete-"][data-testid$="-confirm"]').click();
    await poll(() => findings.textContent()).not.toContain("Night orders in the national format (e2e)");
    await page.context().close();
  });
});
