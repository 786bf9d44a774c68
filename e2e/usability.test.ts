import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startsToday } from "../test/support/evaluations.js";
import { type E2E, startE2E } from "./support/browser.js";

/**
 * Defects a new user met in the demo (issue 20): each check reads what a person sees. One server and one browser
 * for the whole file keeps the suite fast.
 */
let e: E2E;
let crevalFuture: string;
let crevalPast: string;
let goalId: string;
let frameworkId: string;
let emptyPeriodId: string;
let planId: string;
let reEvaluationId: string;
let nominatedAze: { givenName: string; familyName: string };

/** Renders on a 2-core machine shared by many: wait for what a person would wait for, not the default second. */
const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 200 });

async function open(login?: string) {
  const page = await e.newPage();
  page.setDefaultTimeout(30_000);
  if (login) await e.login(page, login);
  return page;
}

const id = async (query: Promise<{ id: string } | undefined>) => (await query)!.id;

beforeAll(async () => {
  e = await startE2E();
  const db = e.t.db;
  const eventOf = (code: string) =>
    id(
      db
        .selectFrom("event")
        .innerJoin("activity", "activity.id", "event.activityId")
        .select("event.id")
        .where("activity.code", "=", code)
        .executeTakeFirst(),
    );
  crevalFuture = await eventOf("CREVAL-2027");
  crevalPast = await eventOf("CREVAL-2026");
  goalId = await id(
    db
      .selectFrom("partnershipGoal")
      .select("id")
      .where("areaCode", "=", "armed_forces_development")
      .executeTakeFirst(),
  );
  frameworkId = await id(
    db
      .selectFrom("frameworkDocument")
      .select("id")
      .where("kind", "=", "framework_document")
      .executeTakeFirst(),
  );
  planId = await id(db.selectFrom("plan").select("id").where("code", "=", "AZE-IPAP").executeTakeFirst());
  emptyPeriodId = await id(
    db
      .selectFrom("planPeriod")
      .select("id")
      .where("planId", "=", planId)
      .where("label", "=", "I")
      .executeTakeFirst(),
  );
  reEvaluationId = await id(
    db
      .selectFrom("evaluation")
      .select("id")
      .where("state", "=", "planned")
      .orderBy("startsOn")
      .executeTakeFirst(),
  );
  // Answers open on the evaluation's first day: the planned evaluation starts today for this test.
  await startsToday(e.t, reEvaluationId);
  // An Azerbaijani officer nominated to the 2027 course, for the person picker.
  const coordinator = await e.t.signIn({ role: "national_coordinator", nation: "AZE" });
  const person = await db
    .selectFrom("person")
    .innerJoin("nation", "nation.id", "person.nationId")
    .select(["person.id", "person.givenName", "person.familyName"])
    .where("nation.code", "=", "AZE")
    .where("person.archivedAt", "is", null)
    .orderBy("person.familyName")
    .executeTakeFirstOrThrow();
  const nominated = await coordinator.post(`/api/events/${crevalFuture}/nominations`, {
    personId: person.id,
  });
  expect(nominated.status, JSON.stringify(nominated.body)).toBe(201);
  nominatedAze = person;
}, 180_000);
afterAll(() => e?.close());

/** Text a badge cuts off ("PLAN…"): its label is wider than the room it is given. */
const truncatedBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".mantine-Badge-label")]
      .filter((label) => label.scrollWidth > label.clientWidth + 1)
      .map((label) => label.textContent),
  );

/** Words of the page written like codes (`framework_document`, `in_progress`): a person should never read them. */
const rawCodes = (page: Page) =>
  page.evaluate(() => document.querySelector("main")?.textContent.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []);

describe("broken or misleading", () => {
  it("draws calendar events with a visible colour in the month and week views", async () => {
    const page = await open();
    await page.goto("/catalogue/calendar");
    const calendar = page.getByTestId("catalogue-calendar");
    const eventColours = () =>
      calendar.evaluate((root) =>
        [...root.querySelectorAll<HTMLElement>("[role=button]")]
          .filter((el) => /[A-Z0-9]+-[A-Z0-9]+/.test(el.textContent ?? "") && !el.closest("[role=toolbar]"))
          .map((el) => getComputedStyle(el).backgroundColor),
      );
    // Step forward until a month with events shows (the demo has many in 2027).
    for (let i = 0; i < 6 && (await eventColours()).length === 0; i++) {
      await calendar.getByRole("button", { name: /next/i }).first().click();
      await page.waitForTimeout(300);
    }
    const month = await eventColours();
    expect(month.length).toBeGreaterThan(0);
    for (const colour of month) expect(colour).not.toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
    await calendar.locator("button", { hasText: /^Week$/ }).click();
    for (let i = 0; i < 8 && (await eventColours()).length === 0; i++) {
      await calendar.getByRole("button", { name: /next/i }).first().click();
      await page.waitForTimeout(300);
    }
    const week = await eventColours();
    expect(week.length).toBeGreaterThan(0);
    for (const colour of week) expect(colour).not.toMatch(/rgba\(0, 0, 0, 0\)|rgb\(255, 255, 255\)/);
    await page.context().close();
  });

  it("gives the organiser's nominations the page's width, whole badges, and says when attendance opens", async () => {
    const page = await open("director");
    await page.goto(`/catalogue/events/${crevalFuture}`);
    const table = page.getByTestId("nominations-table");
    await poll(() => table.isVisible()).toBe(true);
    const main = (await page.locator("main > div").first().boundingBox())!;
    const box = (await table.boundingBox())!;
    expect(box.width).toBeGreaterThan(main.width * 0.85);
    expect(await truncatedBadges(page)).toEqual([]);
    // Accepted participants of a course that has not begun: attendance is announced, not offered.
    await poll(() => page.getByTestId("attendance-opens-Fischer").textContent()).toContain(
      "Attendance opens on",
    );
    await poll(() => page.getByTestId("attendance-opens-Fischer").textContent()).toContain("2027");
    expect(
      await page.getByTestId("nomination-row-Fischer").getByRole("button", { name: "Attendance" }).count(),
    ).toBe(0);
    await page.context().close();
  });

  it("changes a readiness answer only by a deliberate choice, never by the arrow keys", async () => {
    const page = await open("evaluator");
    await page.goto(`/readiness/evaluations/${reEvaluationId}/checklist`);
    const first = page.locator("[data-testid^=criterion-]").first();
    await first.getByText("Yes", { exact: true }).click();
    await poll(() => first.getAttribute("data-save")).toBe("saved");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(500);
    expect(await first.getAttribute("data-answer")).toBe("yes");
    const code = (await first.getAttribute("data-testid"))!.replace("criterion-", "");
    const answers = await page.evaluate(
      async (evaluation) => (await fetch(`/api/readiness/evaluations/${evaluation}/checklist`)).json(),
      reEvaluationId,
    );
    const criteria = answers.areas.flatMap(
      (area: { criteria: { code: string; answer: string }[] }) => area.criteria,
    );
    expect(criteria.find((c: { code: string }) => c.code === code).answer).toBe("yes");
    await page.context().close();
  });

  it("names areas and kinds in words, cites public sources, and says when a period has nothing to report", async () => {
    const page = await open("coordinator");
    await page.goto(`/programmes/goals/${goalId}`);
    await poll(() => page.getByTestId("goal-area").textContent()).toContain("Armed forces development");
    expect(await rawCodes(page)).toEqual([]);
    expect(await truncatedBadges(page)).toEqual([]);
    const area = (await page.getByTestId("goal-area").boundingBox())!;
    const next = await page.getByTestId("goal-area").evaluate((el) => {
      const item = el.parentElement!.nextElementSibling as HTMLElement | null;
      const r = item?.getBoundingClientRect();
      return r ? { x: r.x } : null;
    });
    if (next) expect(area.x + area.width).toBeLessThanOrEqual(next.x + 1);

    await page.goto(`/programmes/frameworks/${frameworkId}`);
    await poll(() => page.getByTestId("framework-kind").textContent()).toBe("Framework document");
    expect(await rawCodes(page)).toEqual([]);
    const internal = /DOMAIN\.md|domain brief|Accord issue/i;
    expect(await page.locator("main").textContent()).not.toMatch(internal);

    await page.goto(`/programmes/plans/${planId}`);
    await poll(() => page.locator("main").textContent()).toContain(
      "Overview of Azerbaijan's cooperation with NATO",
    );
    expect(await page.locator("main").textContent()).not.toMatch(internal);

    await page.goto(`/programmes/periods/${emptyPeriodId}`);
    await poll(() => page.getByTestId("period-report-empty").isVisible()).toBe(true);
    expect(await page.locator("main").textContent()).not.toMatch(internal);
    // Only one navigation entry is highlighted: a plan's period belongs to "Plans and periods".
    const active = await page.locator("nav a[data-active]").allInnerTexts();
    expect(active).toEqual(["Plans and periods"]);
    await page.context().close();
  });

  it("highlights one navigation entry at a time", async () => {
    const page = await open("coordinator");
    for (const [path, entry] of [
      ["/programmes/plans", "Plans and periods"],
      ["/programmes", "Partnership timeline"],
      ["/catalogue/calendar", "Calendar"],
      ["/catalogue", "Activities"],
    ] as const) {
      await page.goto(path);
      await poll(() => page.locator("nav a[data-active]").allInnerTexts()).toEqual([entry]);
    }
    await page.context().close();
  });

  it("opens the new activity form without a failing request", async () => {
    const page = await open("organiser");
    const failures: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await page.goto("/catalogue/activities/new");
    await page.waitForLoadState("networkidle");
    expect(failures).toEqual([]);
    await page.context().close();
  });
});

describe("also seen", () => {
  it("shows anonymous visitors only pages they can open, and no error where nominations would be", async () => {
    const page = await open();
    await page.goto("/");
    await poll(() => page.getByTestId("home-section").count()).toBeGreaterThan(0);
    const home = await page.locator("main").textContent();
    for (const closed of ["People", "Nominations inbox", "My schedule", "My certificates", "Contributions"]) {
      expect(home).not.toContain(closed);
    }
    await page.goto(`/catalogue/events/${crevalFuture}`);
    await poll(() => page.getByTestId("nominations-sign-in").isVisible()).toBe(true);
    expect(await page.locator("main").textContent()).not.toContain("Something went wrong");
    await page.goto("/login");
    await page.getByTestId("login-back").click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    const favicon = await page.request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/icon/);
    await page.context().close();
  });

  it("shows in the person picker who is already nominated", async () => {
    const page = await open("coordinator");
    await page.goto(`/catalogue/events/${crevalFuture}`);
    const picker = page.getByTestId("nominate-person");
    await picker.click();
    await picker.fill(nominatedAze.familyName);
    await poll(() =>
      page
        .getByRole("option", { name: new RegExp(`${nominatedAze.givenName} ${nominatedAze.familyName}`) })
        .first()
        .textContent(),
    ).toContain("already nominated");
    await page.context().close();
  });

  it("refuses to record attendance of a past course's signed-off run from the event page", async () => {
    const page = await open("director");
    await page.goto(`/catalogue/events/${crevalPast}`);
    await poll(() => page.getByTestId("nominations-table").isVisible()).toBe(true);
    const row = page.locator("[data-testid^=nomination-row-]").first();
    await row.getByRole("button", { name: "Attendance" }).click();
    // The menu opens over the long table: a pointer click can land on a cell behind its opening animation.
    await page.getByRole("menuitem", { name: "Absent" }).dispatchEvent("click");
    await poll(() => page.locator(".mantine-Notification-root").first().textContent()).toContain(
      "signed off",
    );
    await page.context().close();
  });
});
