import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPdf, squash } from "../../../test/support/pdf.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let reader: Agent;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  reader = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  meetingId = (
    await t.db
      .selectFrom("meeting")
      .innerJoin("meetingSeries as s", "s.id", "meeting.seriesId")
      .select("meeting.id")
      .where("s.code", "=", "CIS-ATC-HEADS-NATC")
      .where("meeting.number", "=", 12)
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe("the meeting's minutes (PDF)", () => {
  it("prints the agenda, the record, the decisions and the action items raised and carried over", async () => {
    const pdf = await getPdf(reader, `/api/meetings/${meetingId}/minutes.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe("application/pdf");
    const text = squash(pdf.text);
    expect(text).toContain("Minutes: XII");
    expect(text).toContain("Review of the action items of the XI meeting");
    expect(text).toContain("reviewed the action items of the XI meeting and adopted three decisions");
    expect(text).toContain("XII/3");
    expect(text).toContain("To hold the XIII meeting in 2020 (sample text).");
    const raised = text.slice(text.indexOf("Action items raised"), text.indexOf("Action items carried over"));
    expect(raised).toContain("Propose topics for the regional expert consultations (sample)");
    const carried = text.slice(text.indexOf("Action items carried over"));
    expect(carried).toContain("Nominate a contact point for the common reporting format (sample)");
    expect(carried).toContain("In progress");
  });

  it("gives each decision in the report's language when it has a text in it", async () => {
    const ru = squash((await getPdf(reader, `/api/meetings/${meetingId}/minutes.pdf?lang=ru`)).text);
    expect(ru).toContain("Протокол: XII");
    expect(ru).toContain("Провести XIII совещание в 2020 году (образец).");
    expect(ru).toContain("Перешедшие поручения");
    expect(ru).toContain("16 октября 2019 г.");
    const az = squash((await getPdf(reader, `/api/meetings/${meetingId}/minutes.pdf?lang=az`)).text);
    expect(az).toContain("Protokol: XII");
    expect(az).toContain("Qərarlar");
    expect(az).toContain("Qaldırılmış tapşırıqlar");
    // No Azerbaijani text of the decision: the first one (the Russian original) is printed.
    expect(az).toContain("Провести XIII совещание в 2020 году (образец).");
  });

  it("hides a restricted meeting from those who may not see it, as the JSON read does", async () => {
    await t.db
      .updateTable("meeting")
      .set({ releasability: "restricted", releaseNations: [], releaseOrganisations: [] })
      .where("id", "=", meetingId)
      .execute();
    const georgian = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const json = await georgian.get(`/api/meetings/${meetingId}`);
    const pdf = await getPdf(georgian, `/api/meetings/${meetingId}/minutes.pdf`);
    expect(json.status).toBe(404);
    expect(pdf.status).toBe(404);
    expect(pdf.body?.code).toBe("NOT_FOUND");
    expect((await getPdf(t.anonymous, `/api/meetings/${meetingId}/minutes.pdf`)).status).toBe(404);
    const admin = await t.signIn({ role: "administrator" });
    expect(squash((await getPdf(admin, `/api/meetings/${meetingId}/minutes.pdf?lang=en`)).text)).toContain(
      "RESTRICTED",
    );
  });
});
