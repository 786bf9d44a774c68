import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

describe("an applicant never reviews or decides its own accreditation", () => {
  let centreId: string;
  let parentId: string;
  let applicant: Agent;

  beforeAll(async () => {
    parentId = await t.organisationId("AZE-NDU");
    centreId = (
      await t.db
        .insertInto("organisation")
        .values({
          code: "AZE-NDU-SELF",
          nameEn: "Self-review test centre",
          kind: "unit",
          parentId,
          nationId: await t.nationId("AZE"),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    // The applicant also holds the accrediting body: the worst case of a self-review.
    applicant = await t.signIn({
      role: "organiser",
      organisation: "AZE-NDU-SELF",
      extraRoles: [{ role: "organiser", organisation: "ACT" }],
    });
  });

  it("refuses an applicant who names the reviewer, its own centre above all", async () => {
    for (const reviewer of [centreId, await t.organisationId("ACT")]) {
      const reply = await applicant.post("/api/training/accreditation", {
        centreId,
        kind: "accreditation",
        reviewingOrganisationId: reviewer,
      });
      expect(reply.status).toBe(403);
      expect(reply.body.fields).toEqual([
        { field: "body.reviewingOrganisationId", message: "not in your scope" },
      ]);
    }
  });

  it("refuses an administrator who appoints the centre, or an organisation above or below it, as reviewer", async () => {
    for (const reviewer of [centreId, parentId]) {
      const reply = await admin.post("/api/training/accreditation", {
        centreId,
        kind: "partnership_training_centre_recognition",
        reviewingOrganisationId: reviewer,
      });
      expect(reply.status).toBe(422);
      expect(reply.body.fields[0].field).toBe("body.reviewingOrganisationId");
    }
  });

  it("lets the accrediting body review, but never the applicant's own managers, and the database refuses a self-review", async () => {
    const created = await applicant.post("/api/training/accreditation", { centreId, kind: "accreditation" });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.reviewingOrganisationId).toBe(await t.organisationId("ACT"));
    // Jump to the reviewer's part of the life cycle: the applicant may not plan the visit nor decide.
    await t.db
      .updateTable("accreditationApplication")
      .set({ state: "visited" })
      .where("id", "=", id)
      .execute();
    const dossier = await applicant.get(`/api/training/accreditation/${id}`);
    expect(dossier.body).toMatchObject({ canReview: false, allowedTransitions: [] });
    const decided = await applicant.post(`/api/training/accreditation/${id}/decision`, {
      decision: "accredited",
    });
    expect(decided.status).toBe(403);
    const act = await t.signIn({ role: "organiser", organisation: "ACT" });
    expect((await act.get(`/api/training/accreditation/${id}`)).body.canReview).toBe(true);

    await expect(
      t.db
        .updateTable("accreditationApplication")
        .set({ reviewingOrganisationId: parentId })
        .where("id", "=", id)
        .execute(),
    ).rejects.toMatchObject({ code: "23514" });
  });

  it("leaves the reviewer to an administrator when the accrediting body is the centre's own hierarchy", async () => {
    const actId = await t.organisationId("ACT");
    const ownCentre = (
      await t.db
        .insertInto("organisation")
        .values({
          code: "ACT-SELF-CENTRE",
          nameEn: "A centre of the accrediting body",
          kind: "unit",
          parentId: actId,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const created = await admin.post("/api/training/accreditation", {
      centreId: ownCentre,
      kind: "accreditation",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ reviewingOrganisationId: null, canReview: true });
    const act = await t.signIn({ role: "organiser", organisation: "ACT" });
    expect((await act.get(`/api/training/accreditation/${created.body.id}`)).body.canReview).toBe(false);
  });

  it("lets only an administrator appoint another, independent reviewer", async () => {
    const created = await applicant.post("/api/training/accreditation", {
      centreId,
      kind: "partnership_training_centre_recognition",
    });
    expect(created.status).toBe(201);
    const url = `/api/training/accreditation/${created.body.id}/reviewer`;
    const school = await t.organisationId("NATO-SCHOOL");
    expect((await applicant.put(url, { reviewingOrganisationId: centreId })).status).toBe(403);
    expect((await admin.put(url, { reviewingOrganisationId: centreId })).status).toBe(422);
    const appointed = await admin.put(url, { reviewingOrganisationId: school });
    expect(appointed.status).toBe(200);
    expect(appointed.body.reviewingOrganisationId).toBe(school);
    expect(appointed.body.releaseOrganisationIds).toContain(school);
  });
});
