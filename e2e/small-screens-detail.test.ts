import { sql } from "kysely";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";
import { settle } from "./support/pages.js";

/**
 * Detail pages on a phone 390 px wide (issue 20): the page itself never scrolls sideways (long breadcrumbs and titles
 * wrap, wide tables scroll in their own frame) and the navigation stays one tap away.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

const WIDTH = 390;

/** The document's width, and when it is wider than the phone the element that sticks out furthest (to name it). */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate((width) => {
    const total = document.documentElement.scrollWidth;
    if (total <= width) return null;
    let widest: Element | null = null;
    let right = 0;
    for (const element of document.body.querySelectorAll("*")) {
      const box = element.getBoundingClientRect();
      if (box.right > right && !element.closest("[data-scroll-frame], .mantine-ScrollArea-viewport")) {
        right = box.right;
        widest = element;
      }
    }
    const name = widest
      ? `${widest.tagName.toLowerCase()}.${String(widest.className).slice(0, 80)} "${(widest.textContent ?? "").slice(0, 40)}"`
      : "?";
    return `${total}px, widest ${name} to ${Math.round(right)}px`;
  }, WIDTH);
}

describe("detail pages on a small screen (390 × 844)", () => {
  it("fits an annual programme, an event, a plan, meetings, an evaluation with its checklist and results, a user, an activity, a unit, a course, an accreditation dossier and a certificate into a phone", async () => {
    const db = e.t.db;
    const programme = await db
      .selectFrom("annualProgramme")
      .select("id")
      .orderBy(sql`length(title)`, "desc")
      .executeTakeFirstOrThrow();
    const event = await db
      .selectFrom("eventSession")
      .select("eventId")
      .groupBy("eventId")
      .orderBy(sql`count(*)`, "desc")
      .executeTakeFirstOrThrow();
    // The plan with the most objectives: its objectives table is wide.
    const plan = await db
      .selectFrom("planObjective")
      .select("planId as id")
      .groupBy("planId")
      .orderBy(sql`count(*)`, "desc")
      .executeTakeFirstOrThrow();
    const meeting = await db
      .selectFrom("meeting")
      .select("id")
      .orderBy(sql`coalesce(length(title), 0)`, "desc")
      .executeTakeFirstOrThrow();
    // Its tables (agenda, delegations) are wide: they must scroll in their own frame.
    const busyMeeting = await db
      .selectFrom("meetingDelegation")
      .innerJoin("meetingAgendaItem", "meetingAgendaItem.meetingId", "meetingDelegation.meetingId")
      .select("meetingDelegation.meetingId")
      .executeTakeFirstOrThrow();
    const evaluation = await db.selectFrom("evaluation").select("id").executeTakeFirstOrThrow();
    const certificate = await db
      .selectFrom("certificate")
      .select("verificationCode")
      .where("revokedAt", "is", null)
      .executeTakeFirstOrThrow();
    // Pages whose tables are wider than a phone: a user's roles, an activity's events, a unit's evaluation history,
    // a course's assessment and runs, an accreditation dossier's standards.
    const admin = await db
      .selectFrom("appUser")
      .select("id")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    const activity = await db.selectFrom("event").select("activityId").executeTakeFirstOrThrow();
    const unit = await db.selectFrom("evaluation").select("unitId").executeTakeFirstOrThrow();
    const course = await db.selectFrom("course").select("id").executeTakeFirstOrThrow();
    const dossier = await db.selectFrom("accreditationApplication").select("id").executeTakeFirstOrThrow();
    const paths = [
      `/programmes/annual/${programme.id}`,
      `/catalogue/events/${event.eventId}`,
      `/programmes/plans/${plan.id}`,
      `/meetings/${meeting.id}`,
      `/meetings/${busyMeeting.meetingId}`,
      `/readiness/evaluations/${evaluation.id}`,
      `/readiness/evaluations/${evaluation.id}/results`,
      `/readiness/evaluations/${evaluation.id}/checklist`,
      `/admin/users/${admin.id}`,
      `/catalogue/activities/${activity.activityId}`,
      `/readiness/units/${unit.unitId}`,
      `/training/courses/${course.id}`,
      `/training/accreditation/${dossier.id}`,
      `/verify/${certificate.verificationCode}`,
    ];

    const page = await e.newPage();
    page.setDefaultTimeout(30_000);
    await e.login(page, "admin");
    await page.setViewportSize({ width: WIDTH, height: 844 });
    const overflowing: string[] = [];
    const unreachable: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await settle(page);
      await page.locator("h1").first().waitFor();
      const wide = await overflow(page);
      if (wide) overflowing.push(`${path}: ${wide}`);
      // The navigation is one tap away: the burger is on screen (the certificate's public page is bare: no menu).
      const burger = path.startsWith("/verify/") ? null : await page.getByTestId("nav-burger").boundingBox();
      if (!path.startsWith("/verify/") && (!burger || burger.x < 0 || burger.x + burger.width > WIDTH))
        unreachable.push(path);
    }
    expect(overflowing).toEqual([]);
    expect(unreachable).toEqual([]);

    // From a detail page the burger opens the navigation.
    await page.goto(paths[0]!);
    const nav = page.locator("nav a[href]").nth(1);
    await page.getByTestId("nav-burger").click();
    await expect
      .poll(() => nav.evaluate((link) => link.getBoundingClientRect().right > 0), { timeout: 10_000 })
      .toBe(true);
    await page.context().close();
  }, 300_000);
});
