import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let activityId: string;
let courseId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  const course = await t.db
    .selectFrom("course")
    .select(["id", "activityId"])
    .orderBy("id")
    .executeTakeFirstOrThrow();
  courseId = course.id;
  activityId = course.activityId;
});
afterAll(() => t.close());

const snapshot = async () => ({
  activity: await t.db.selectFrom("activity").selectAll().where("id", "=", activityId).executeTakeFirst(),
  course: await t.db.selectFrom("course").selectAll().where("id", "=", courseId).executeTakeFirst(),
});

describe("text that cannot be stored or exported", () => {
  it.each([
    [
      "a NUL in a value stored as JSON (prerequisites)",
      "activity",
      { prerequisites: { languageLevel: "B2\u0000" } },
      "body.prerequisites.languageLevel",
    ],
    [
      "a NUL in a value stored as JSON (external references)",
      "activity",
      {
        externalRefs: [
          { label: "ok", value: "v" },
          { label: "x\u0000y", value: "v" },
        ],
      },
      "body.externalRefs.1.label",
    ],
    [
      "a NUL in a course module's title",
      "course",
      { modules: [{ title: "Module \u0000", hours: 2 }] },
      "body.modules.0.title",
    ],
    ["a NUL in a text column", "activity", { titleEn: "Title\u0000" }, "body.titleEn"],
    [
      "a control character other than tab and line breaks",
      "activity",
      { venue: "Hall\u0007B" },
      "body.venue",
    ],
    ["a DEL character", "course", { objectives: ["fine", "bad\u007f"] }, "body.objectives.1"],
    ["a lone high surrogate", "activity", { city: "Baku\ud800" }, "body.city"],
    ["a lone low surrogate", "activity", { city: "\udc00Baku" }, "body.city"],
  ])("refuses %s with 400 naming the field, and changes nothing", async (_name, kind, patch, field) => {
    const before = await snapshot();
    const url = kind === "activity" ? `/api/activities/${activityId}` : `/api/training/courses/${courseId}`;
    const reply = await admin.patch(url, patch);
    expect(reply.status, reply.text).toBe(400);
    expect(reply.body.code).toBe("VALIDATION_FAILED");
    expect(reply.body.fields[0].field).toBe(field);
    expect(reply.body.message).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts tabs, line breaks, emoji and other scripts (valid surrogate pairs)", async () => {
    const reply = await admin.patch(`/api/activities/${activityId}`, {
      descriptionEn: "Line one\r\nLine two\twith a tab: Azərbaycan, Россия, 👩🏽‍✈️🇦🇿",
      externalRefs: [{ label: "Ref 🇦🇿", value: "v\n2" }],
    });
    expect(reply.status, reply.text).toBe(200);
    const read = await admin.get(`/api/activities/${activityId}`);
    expect(read.body.descriptionEn).toBe("Line one\r\nLine two\twith a tab: Azərbaycan, Россия, 👩🏽‍✈️🇦🇿");
  });

  it("refuses a NUL in a query-string value and names it query.<name>", async () => {
    const reply = await admin.get("/api/activities?q=a%00b");
    expect(reply.status).toBe(400);
    expect(reply.body.fields[0].field).toBe("query.q");
  });

  it("names query-string fields query.<name>, as documented, for schema errors too", async () => {
    const reply = await admin.get("/api/activities?limit=1000");
    expect(reply.status).toBe(400);
    expect(reply.body.fields[0].field).toBe("query.limit");
    expect(reply.body.message).toMatch(/^query\.limit /);
  });
});
