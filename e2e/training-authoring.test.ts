import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e: E2E;
let reviewedId: string;
let findingId: string;
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
  // A course activity of the NATO School with no course definition yet.
  const school = await e.t.db
    .selectFrom("organisation")
    .select(["id", "nationId"])
    .where("code", "=", "NATO-SCHOOL")
    .executeTakeFirstOrThrow();
  await e.t.db
    .insertInto("activity")
    .values({
      code: "E2E-WARGAME",
      titleEn: "Wargame design course (e2e)",
      kind: "course",
      menuYear: 2027,
      organiserId: school.id,
      ownerNationId: school.nationId,
      ownerOrganisationId: school.id,
      releasability: "public",
      status: "published",
    })
    .execute();
  // A finding the reviewer recorded on the training centre's application after the visit.
  const application = await e.t.db
    .selectFrom("accreditationApplication as a")
    .innerJoin("organisation as o", "o.id", "a.centreId")
    .select("a.id")
    .where("o.code", "=", "AZE-SSS-ATTC")
    .executeTakeFirstOrThrow();
  reviewedId = application.id;
  // The review team has visited it (findings are recorded from the visit on).
  await e.t.db
    .updateTable("accreditationApplication")
    .set({ state: "visited" })
    .where("id", "=", reviewedId)
    .execute();
  const admin = await e.t.signIn({ role: "administrator" });
  const finding = await admin.post(`/api/training/accreditation/${reviewedId}/findings`, {
    kind: "finding",
    text: "The simulation room has no fire exit sign (e2e)",
  });
  expect(finding.status, finding.text).toBe(201);
  const all = [
    ...finding.body.generalFindings,
    ...finding.body.areas.flatMap((a: { standards: { findings: unknown[] }[] }) =>
      a.standards.flatMap((s) => s.findings),
    ),
  ] as { id: string; text: string }[];
  findingId = all.find((f) => f.text.includes("fire exit sign"))!.id;
}, 180_000);
afterAll(() => e?.close());

async function signedIn(username: string): Promise<Page> {
  const page = await e.newPage();
  await e.login(page, username);
  return page;
}

async function pick(page: Page, testId: string, text: string, option: RegExp) {
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(text);
  await page.getByRole("option", { name: option }).first().click();
}

describe("training authored in the browser", () => {
  it("the organiser defines a course with a new qualification (a taken code refused beside the field), then edits both", async () => {
    const page = await signedIn("organiser");
    await page.goto("/training");
    await page.getByTestId("course-define").click();
    const form = page.getByTestId("course-form");
    await pick(page, "course-activity", "E2E-WARGAME", /E2E-WARGAME/);

    await form.getByTestId("qualification-new").click();
    const qualification = page.getByTestId("qualification-form");
    await qualification.getByTestId("qualification-code").fill("CREVAL-EVALUATOR");
    await qualification.getByTestId("qualification-name-en").fill("Certified wargame designer");
    await qualification.getByTestId("qualification-validity").fill("3");
    await qualification.getByTestId("qualification-save").click();
    await poll(() => qualification.textContent()).toContain("already exists");
    expect(await qualification.getByTestId("qualification-name-en").inputValue()).toBe(
      "Certified wargame designer",
    );
    await qualification.getByTestId("qualification-code").fill("E2E-WARGAMER");
    await qualification.getByTestId("qualification-save").click();
    await poll(() => page.getByTestId("qualification-form").count()).toBe(0);
    await poll(() => form.getByTestId("course-qualification").inputValue()).toContain("E2E-WARGAMER");

    await form
      .getByTestId("course-objectives")
      .fill("Design a computer-assisted exercise\nRun its white cell");
    await form.getByTestId("component-title-0").fill("Final wargame");
    await form.getByTestId("course-save").click();
    await page.waitForURL(/\/training\/courses\/[0-9a-f-]{36}$/);
    await poll(() => page.locator("main").textContent()).toContain(
      "Certified wargame designer (E2E-WARGAMER)",
    );
    expect(await page.getByTestId("assessment-scheme").textContent()).toContain("Final wargame");

    // Edit: only the pass mark changes.
    await page.getByTestId("course-edit").click();
    await page.getByTestId("course-form").getByTestId("course-pass-mark").fill("60");
    await page.getByTestId("course-form").getByTestId("course-save").click();
    await poll(() => page.getByTestId("course-form").count()).toBe(0);
    await poll(() => page.getByTestId("assessment-scheme").textContent()).toContain("60");
    // The qualification's validity changes for the courses that confer it.
    await page.getByTestId("qualification-edit").click();
    await page.getByTestId("qualification-validity").fill("5");
    await page.getByTestId("qualification-save").click();
    await poll(() => page.getByTestId("qualification-form").count()).toBe(0);
    const stored = await e.t.db
      .selectFrom("qualification")
      .select(["nameEn", "validityYears"])
      .where("code", "=", "E2E-WARGAMER")
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ nameEn: "Certified wargame designer", validityYears: 5 });
    await page.context().close();
  });

  it("the coordinator opens a renewal application, self-assesses a standard with evidence and deletes the evidence", async () => {
    const page = await signedIn("coordinator");
    await page.goto("/training/accreditation");
    await page.getByTestId("application-open").click();
    await pick(page, "application-centre", "AZE-NDU-WGC", /AZE-NDU-WGC/);
    await page.getByTestId("application-create").click();
    await page.waitForURL(/\/training\/accreditation\/[0-9a-f-]{36}$/);
    await poll(() => page.getByTestId("dossier-state").textContent()).toBe("Draft");
    await page.getByTestId("transition-start").click();
    await poll(() => page.getByTestId("dossier-state").textContent()).toBe("Self-assessment");

    const row = page.locator('[data-testid^="standard-"]').first();
    const code = ((await row.getAttribute("data-testid")) ?? "").replace("standard-", "");
    await row.getByTestId(`rating-${code}`).click();
    await page.getByRole("option", { name: "Met", exact: true }).click();
    await row
      .getByTestId(`narrative-${code}`)
      .fill("The centre's instructors hold current qualifications (e2e)");
    await row.getByTestId(`assess-${code}`).click();
    await poll(() => row.getByTestId(`assess-${code}`).count()).toBe(0);
    await row.locator('input[type="file"]').setInputFiles({
      name: "instructors.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("Instructor qualifications register (e2e)"),
    });
    await poll(() => row.getByTestId("evidence-instructors.txt").count()).toBe(1);
    await poll(() => page.getByTestId(`missing-${code}`).textContent()).toBe("Nothing missing");

    await row.locator('[data-testid^="evidence-delete-"]').first().click();
    await page.locator('[data-testid^="evidence-delete-"][data-testid$="-confirm"]').click();
    await poll(() => row.getByTestId("evidence-instructors.txt").count()).toBe(0);
    const id = page.url().split("/").pop()!;
    const assessed = await e.t.db
      .selectFrom("accreditationSelfAssessment")
      .select(["rating", "narrative"])
      .where("applicationId", "=", id)
      .execute();
    expect(assessed).toEqual([
      { rating: "met", narrative: "The centre's instructors hold current qualifications (e2e)" },
    ]);
    await page.context().close();
  });

  it("the reviewer closes a finding with a note (required)", async () => {
    const page = await signedIn("admin");
    await page.goto(`/training/accreditation/${reviewedId}`);
    await page.getByTestId(`finding-close-${findingId}`).click();
    const form = page.getByTestId("finding-close-form");
    await form.getByTestId("finding-close-confirm").click();
    await poll(() => form.getByTestId("finding-closure-note").getAttribute("aria-invalid")).toBe("true");
    await form.getByTestId("finding-closure-note").fill("A lit exit sign was fitted on 3 December");
    await form.getByTestId("finding-close-confirm").click();
    await poll(() => page.getByTestId(`finding-close-${findingId}`).count()).toBe(0);
    const closed = await e.t.db
      .selectFrom("accreditationFinding")
      .select(["status", "closureNote"])
      .where("id", "=", findingId)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: "closed", closureNote: "A lit exit sign was fitted on 3 December" });
    await page.context().close();
  });
});
