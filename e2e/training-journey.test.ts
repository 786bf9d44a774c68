import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe("training journey in the browser", () => {
  it("the course director runs CREVAL from its enrolled participants to certificates, and anyone verifies one signed out", async () => {
    // Attendance, results and certificates are recorded once a course has taken place: move the 2027 course into
    // the recent past, as if its week had gone by (the API tests check the refusals before it).
    const { sql } = await import("kysely");
    const creval = await e2e.t.db
      .selectFrom("event")
      .innerJoin("activity", "activity.id", "event.activityId")
      .select(["event.id", "event.startsOn"])
      .where("activity.code", "=", "CREVAL-2027")
      .executeTakeFirstOrThrow();
    const startsOn = new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10);
    const shift = Math.round((Date.parse(creval.startsOn) - Date.parse(startsOn)) / 86_400_000);
    await sql`update event set starts_on = starts_on - ${shift}::int, ends_on = ends_on - ${shift}::int,
      nominations_close_on = nominations_close_on - ${shift}::int where id = ${creval.id}`.execute(e2e.t.db);
    await sql`update event_session set starts_at = starts_at - make_interval(days => ${shift}::int),
      ends_at = ends_at - make_interval(days => ${shift}::int) where event_id = ${creval.id}`.execute(
      e2e.t.db,
    );

    const director = await e2e.newPage();
    await e2e.login(director, "director");
    await director.goto("/training");
    await director.getByTestId("course-search").fill("CREVAL-2027");
    await director.getByTestId("course-row-CREVAL-2027").click();
    await director.waitForURL(/\/training\/courses\/[0-9a-f-]{36}$/);
    await expect.poll(() => director.getByTestId("assessment-scheme").textContent()).toContain("70%");
    await director.getByTestId(`run-open-${startsOn}`).click();
    await director.waitForURL(/\/training\/runs\/[0-9a-f-]{36}$/);
    const runUrl = director.url();
    const eventId = runUrl.split("/").pop()!;

    // The enrolled participants are the catalogue's accepted nominations.
    const enrolled = (
      await e2e.t.db
        .selectFrom("nomination")
        .select("id")
        .where("eventId", "=", eventId)
        .where("status", "=", "accepted")
        .execute()
    ).length;
    expect(enrolled).toBeGreaterThan(2);
    await expect
      .poll(() => director.getByTestId("run-summary").textContent())
      .toContain(`${enrolled} enrolled`);

    // Attendance sheet: everyone present every day.
    await director.getByTestId("tab-attendance").click();
    const boxes = director.getByTestId("attendance-sheet").locator('input[type="checkbox"]');
    const count = await boxes.count();
    expect(count).toBe(enrolled * 5);
    for (let i = 0; i < count; i++) await boxes.nth(i).check();
    await director.getByTestId("save-attendance").click();
    await expect.poll(() => director.getByText("Saved").count()).toBeGreaterThan(0);

    // Results: the first participant fails the exercise minimum, everyone else passes.
    await director.getByTestId("tab-results").click();
    for (let row = 0; row < enrolled; row++) {
      await director.getByTestId(`score-${row}-TEST`).fill(row === 0 ? "80" : "85");
      await director.getByTestId(`score-${row}-EXERCISE`).fill(row === 0 ? "40" : "90");
    }
    await director.getByTestId("save-results").click();
    await expect.poll(() => director.getByTestId("result-row-0").textContent()).toContain("Failed");
    await expect.poll(() => director.getByTestId("result-row-1").textContent()).toContain("Passed");

    await director.getByTestId("sign-off").click();
    await director.getByTestId("sign-off-confirm").click();
    await expect.poll(() => director.getByTestId("signed-off").count()).toBe(1);

    await director.getByTestId("tab-certificates").click();
    await director.getByTestId("issue-certificates").click();
    await expect
      .poll(() => director.getByTestId("run-summary").textContent())
      .toContain(`${enrolled - 1} certificates`);
    await expect
      .poll(() => director.getByTestId("run-certificates").textContent())
      .toMatch(/ACC-\d{4}-\d{6}/);

    // The QR code of a certificate points to the public page; open it signed out.
    const certificate = await e2e.t.db
      .selectFrom("certificate")
      .select(["verificationCode", "holderName", "number"])
      .where("eventId", "=", eventId)
      .executeTakeFirstOrThrow();
    const anyone = await e2e.newPage("az");
    await anyone.goto(`/verify/${certificate.verificationCode}`);
    await expect.poll(() => anyone.getByTestId("verify-result").getAttribute("data-status")).toBe("valid");
    await expect.poll(() => anyone.getByTestId("verify-status").textContent()).toContain("etibarlıdır");
    await expect
      .poll(() => anyone.getByTestId("verify-result").textContent())
      .toContain(certificate.holderName);

    // The director revokes it with a reason; the public page now says so.
    await director.getByTestId(`revoke-${certificate.number}`).click();
    await director.getByTestId("certificate-reason").fill("Issued to the wrong person");
    await director.getByTestId("certificate-action-confirm").click();
    await expect.poll(() => director.getByTestId(`revoke-${certificate.number}`).count()).toBe(0);
    await anyone.reload();
    await expect.poll(() => anyone.getByTestId("verify-result").getAttribute("data-status")).toBe("revoked");

    await anyone.goto("/verify/not-a-real-code");
    await expect.poll(() => anyone.getByTestId("verify-not-found").count()).toBe(1);
  });

  it("the participant finds his CREVAL certificate and chooses its language", async () => {
    const participant = await e2e.newPage();
    await e2e.login(participant, "participant");
    await participant.goto("/training/certificates");
    await expect.poll(() => participant.getByTestId("my-certificates").textContent()).toContain("CREVAL");
    const number = (await participant.getByTestId("my-certificates").textContent())!.match(
      /ACC-\d{4}-\d{6}/,
    )![0];
    await participant.getByTestId(`certificate-language-${number}`).click();
    await participant.getByRole("option", { name: "Русский" }).click();
    await expect
      .poll(
        async () =>
          (
            await e2e.t.db
              .selectFrom("certificate")
              .select("language")
              .where("number", "=", number)
              .executeTakeFirst()
          )?.language,
      )
      .toBe("ru");
  });

  it("the coordinator sees exactly what the Anti-Terror Training Centre's dossier is missing", async () => {
    const coordinator = await e2e.newPage();
    await e2e.login(coordinator, "coordinator");
    await coordinator.goto("/training/accreditation");
    await coordinator.getByTestId("application-row-AZE-SSS-ATTC").click();
    await coordinator.waitForURL(/\/training\/accreditation\/[0-9a-f-]{36}$/);
    await expect.poll(() => coordinator.getByTestId("dossier-state").textContent()).toBe("Self-assessment");
    await expect.poll(() => coordinator.getByTestId("progress-progress").textContent()).toContain("14 / 31");
    await expect.poll(() => coordinator.getByTestId("missing-LM.1").textContent()).toBe("Nothing missing");
    await expect.poll(() => coordinator.getByTestId("missing-ET.6").textContent()).toBe("No evidence");
    await expect
      .poll(() => coordinator.getByTestId("missing-CA.8").textContent())
      .toBe("No self-assessmentNo evidence");
  });
});
