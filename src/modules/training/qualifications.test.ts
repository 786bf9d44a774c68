import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;
let organiser: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  organiser = await t.signIn({ role: "organiser", organisation: "AZE-NDU" });
}, 120_000);
afterAll(() => t.close());

const auditOf = (code: string) =>
  t.db
    .selectFrom("auditEntry")
    .select(["action"])
    .where("recordType", "=", "qualification")
    .where("recordId", "=", code)
    .orderBy("seq")
    .execute();

describe("qualifications", () => {
  it("course staff define one with a unique code, audited; the registry lists it", async () => {
    const created = await organiser.post("/api/training/qualifications", {
      code: "GAME-DESIGNER",
      name: { en: "Certified wargame designer", ru: "Сертифицированный разработчик военных игр" },
      validityYears: 4,
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({
      code: "GAME-DESIGNER",
      name: { en: "Certified wargame designer", az: null, ru: "Сертифицированный разработчик военных игр" },
      validityYears: 4,
    });
    expect(await auditOf("GAME-DESIGNER")).toEqual([{ action: "qualification.create" }]);
    const list = await organiser.get("/api/training/qualifications");
    expect(list.body.find((q: { code: string }) => q.code === "GAME-DESIGNER")).toMatchObject({
      validityYears: 4,
      holders: 0,
    });

    const again = await admin.post("/api/training/qualifications", {
      code: "GAME-DESIGNER",
      name: { en: "Another" },
      validityYears: 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.fields).toEqual([
      { field: "body.code", message: expect.stringContaining("GAME-DESIGNER") },
    ]);
  });

  it("refuses a malformed code, a blank name and an out-of-range validity, naming each field", async () => {
    const reply = await organiser.post("/api/training/qualifications", {
      code: "lower case",
      name: { en: "Fine" },
      validityYears: 3,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.fields.map((f: { field: string }) => f.field)).toContain("body.code");
    const blank = await organiser.post("/api/training/qualifications", {
      code: "BLANK-NAME",
      name: { en: "   " },
      validityYears: 3,
    });
    expect(blank.status).toBe(400);
    expect(blank.body.fields.map((f: { field: string }) => f.field)).toContain("body.name.en");
    const long = await organiser.post("/api/training/qualifications", {
      code: "TOO-LONG",
      name: { en: "Fine" },
      validityYears: 51,
    });
    expect(long.status).toBe(400);
    expect(long.body.fields.map((f: { field: string }) => f.field)).toContain("body.validityYears");
  });

  it("is refused to participants and coordinators, and nothing is stored", async () => {
    const participant = await t.signIn({ role: "participant" });
    const coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
    const body = { code: "NOT-MINE", name: { en: "Not mine" }, validityYears: 2 };
    expect((await participant.post("/api/training/qualifications", body)).status).toBe(403);
    expect((await coordinator.post("/api/training/qualifications", body)).status).toBe(403);
    const stored = await t.db
      .selectFrom("qualification")
      .select("code")
      .where("code", "=", "NOT-MINE")
      .execute();
    expect(stored).toEqual([]);
  });

  it("is edited by the staff of every course conferring it, not by another organisation's", async () => {
    const created = await organiser.post("/api/training/qualifications", {
      code: "STAFF-PLANNER",
      name: { en: "Staff planner" },
      validityYears: 3,
    });
    expect(created.status).toBe(201);
    const renamed = await organiser.patch("/api/training/qualifications/STAFF-PLANNER", {
      name: { en: "Certified staff planner", az: "Sertifikatlı qərargah planlayıcısı" },
      validityYears: 5,
    });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toEqual({
      code: "STAFF-PLANNER",
      name: { en: "Certified staff planner", az: "Sertifikatlı qərargah planlayıcısı", ru: null },
      validityYears: 5,
    });
    // The seeded CREVAL-EVALUATOR is conferred by a course the NATO School organises at the War Games Centre:
    // an organiser of the Turkish General Staff runs neither.
    const other = await t.signIn({ role: "organiser", organisation: "TUR-TGS" });
    const foreign = await other.patch("/api/training/qualifications/CREVAL-EVALUATOR", {
      validityYears: 9,
    });
    expect(foreign.status).toBe(403);
    const kept = await t.db
      .selectFrom("qualification")
      .select("validityYears")
      .where("code", "=", "CREVAL-EVALUATOR")
      .executeTakeFirstOrThrow();
    expect(kept.validityYears).not.toBe(9);
    const missing = await admin.patch("/api/training/qualifications/NO-SUCH-CODE", { validityYears: 2 });
    expect(missing.status).toBe(404);
    expect(await auditOf("STAFF-PLANNER")).toEqual([
      { action: "qualification.create" },
      { action: "qualification.update" },
    ]);
  });
});
