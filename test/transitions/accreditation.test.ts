import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APPLICATION_STEPS,
  APPLICATION_TRANSITIONS,
  type ApplicationStep,
  FINDING_TRANSITIONS,
} from "../../src/modules/training/accreditation.transitions.js";
import { type Agent, createTestApp, type TestApp } from "../support/test-app.js";
import { describeTransitions } from "../support/transitions.js";

let t: TestApp;
let admin: Agent;
let applicationId: string;
let findingId: string;
let personId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
  const centre = await t.db
    .insertInto("organisation")
    .values({
      code: "AZE-TRANSITIONS",
      nameEn: "Transitions centre",
      kind: "unit",
      nationId: await t.nationId("AZE"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const created = await admin.post("/api/training/accreditation", {
    centreId: centre.id,
    kind: "accreditation",
  });
  applicationId = created.body.id;
  if (!applicationId) throw new Error(`fixture not created: ${created.text}`);
  // A complete self-assessment with evidence, so that submitting is refused (or not) for the state alone.
  const file = await t.db
    .insertInto("storedFile")
    .values({
      filename: "evidence.pdf",
      contentType: "application/pdf",
      sizeBytes: 1,
      sha256: "0",
      content: Buffer.from("x"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`insert into accreditation_self_assessment (application_id, standard_id, rating)
    select a.id, st.id, 'met' from accreditation_application a join standard_area ar on ar.standard_set_id = a.standard_set_id
      join standard st on st.area_id = ar.id where a.id = ${applicationId}`.execute(t.db);
  await sql`insert into accreditation_evidence (application_id, standard_id, file_id)
    select application_id, standard_id, ${file.id}::uuid from accreditation_self_assessment
    where application_id = ${applicationId}`.execute(t.db);
  const finding = await t.db
    .insertInto("accreditationFinding")
    .values({ applicationId, kind: "finding", text: "Exit signs unlit" })
    .returning("id")
    .executeTakeFirstOrThrow();
  findingId = finding.id;
  personId = (await t.db.selectFrom("person").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

const url = (id: string) => `/api/training/accreditation/${id}`;

/** Each state is asked for through its step's route. */
const request = {
  self_assessment: (id: string) => admin.post(`${url(id)}/start`, {}),
  submitted: (id: string) => admin.post(`${url(id)}/submit`, {}),
  visit_planned: (id: string) =>
    admin.post(`${url(id)}/visit`, {
      startsOn: "2040-03-02",
      endsOn: "2040-03-03",
      team: [{ personId, role: "lead" }],
    }),
  visited: (id: string) => admin.post(`${url(id)}/visited`, {}),
  decided: (id: string) => admin.post(`${url(id)}/decision`, { decision: "accredited" }),
};

describeTransitions(
  "accreditation application",
  APPLICATION_TRANSITIONS,
  () => ({
    place: async (state) => {
      const decision = state === "decided" ? "accredited" : null;
      await t.db
        .updateTable("accreditationApplication")
        .set({ state, decision })
        .where("id", "=", applicationId)
        .execute();
      return applicationId;
    },
    move: (id, state) => request[state as keyof typeof request](id),
    read: async (id) => (await admin.get(url(id))).body.state,
    // The dossier names the steps it allows; each leads to a state (a re-planned visit stays where it is).
    allowed: async (id) => {
      const dossier = (await admin.get(url(id))).body;
      return (dossier.allowedTransitions as ApplicationStep[])
        .map((step) => APPLICATION_STEPS[step].to as string)
        .filter((state) => state !== dossier.state);
    },
  }),
  { unrequested: ["draft"] },
);

const findingOf = async (id: string) =>
  (await admin.get(url(applicationId))).body.generalFindings.find((f: { id: string }) => f.id === id);

describeTransitions(
  "accreditation finding",
  FINDING_TRANSITIONS,
  () => ({
    place: async (status) => {
      await t.db
        .updateTable("accreditationFinding")
        .set({ status, closedAt: status === "closed" ? new Date() : null })
        .where("id", "=", findingId)
        .execute();
      return findingId;
    },
    move: (id) => admin.post(`${url(applicationId)}/findings/${id}/close`, { closureNote: "Fitted" }),
    read: async (id) => (await findingOf(id)).status,
  }),
  { unrequested: ["open"] },
);

describe("a closed finding", () => {
  it("is not closed again: the route exists to change its status", async () => {
    await t.db
      .updateTable("accreditationFinding")
      .set({ status: "closed", closedAt: new Date() })
      .where("id", "=", findingId)
      .execute();
    const again = await admin.post(`${url(applicationId)}/findings/${findingId}/close`, {
      closureNote: "Again",
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: "ILLEGAL_TRANSITION",
      transition: { field: "status", current: "closed", requested: "closed" },
    });
    expect((await findingOf(findingId)).closureNote).not.toBe("Again");
  });
});
