import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPdf, squash } from "../../../test/support/pdf.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let coordinator: Agent;
let cdId: string;
let restrictedId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  cdId = (
    await t.db.selectFrom("exercise").select("id").where("code", "=", "CD-2001").executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto("lesson")
    .values({
      exerciseId: cdId,
      title: "Связь между штабами: нужна единая таблица позывных",
      observation: "Qərargahlar arasında əlaqə gecikirdi.",
      recommendation: "Agree one call-sign table at the main planning conference.",
      status: "identified",
      ownerNationId: await t.nationId("AZE"),
    })
    .execute();
  const aze = await t.nationId("AZE");
  restrictedId = (
    await t.db
      .insertInto("exercise")
      .values({
        code: "REPORT-RESTRICTED-1",
        name: "Restricted staff exercise",
        kind: "table_top",
        leadOrganisationId: await t.organisationId("NATO"),
        startsOn: "2027-04-01",
        endsOn: "2027-04-02",
        ownerNationId: aze,
        releasability: "restricted",
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => t.close());

describe("the exercise report (PDF)", () => {
  it("prints the participating nations, contributions, and lessons identified and learned", async () => {
    const pdf = await getPdf(coordinator, `/api/exercises/${cdId}/report.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe("application/pdf");
    const text = squash(pdf.text);
    expect(text).toContain("Exercise report: Cooperative Determination 2001");
    expect(text).toContain("9 member, 10 partner, 0 observer (19 in all)");
    expect(text).toContain("Azerbaijan (AZE) Partner 160");
    expect(text).toContain("Türkiye (TUR) Member 25");
    expect(text).toContain("40 × staff officers (personnel)");
    expect(text).toContain("Peacekeeping company (sample)");
    const identified = text.slice(text.indexOf("Lessons identified"), text.indexOf("Lessons learned"));
    expect(identified).toContain("Host nation support arrangements were agreed late");
    expect(identified).toContain("Связь между штабами: нужна единая таблица позывных");
    expect(identified).toContain("Qərargahlar arasında əlaqə gecikirdi.");
    const learned = text.slice(text.indexOf("Lessons learned"));
    expect(learned).toContain("Staff officers need STANAG 6001 English before the exercise");
    expect(learned).not.toContain("Host nation support arrangements");
    expect(text).toContain("PUBLIC");
  });

  it("is written in Azerbaijani and in Russian", async () => {
    const az = squash((await getPdf(coordinator, `/api/exercises/${cdId}/report.pdf?lang=az`)).text);
    expect(az).toContain("Təlim haqqında hesabat");
    expect(az).toContain("Müəyyən edilmiş dərslər");
    expect(az).toContain("Tərəfdaş");
    expect(az).toContain("noyabr 2001");
    const ru = squash((await getPdf(coordinator, `/api/exercises/${cdId}/report.pdf?lang=ru`)).text);
    expect(ru).toContain("Отчёт об учении");
    expect(ru).toContain("Усвоенные уроки");
    expect(ru).toContain("ноября 2001 г.");
  });

  it("hides a restricted exercise from those who may not see it, as the JSON read does", async () => {
    const georgian = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    expect((await georgian.get(`/api/exercises/${restrictedId}`)).status).toBe(404);
    const hidden = await getPdf(georgian, `/api/exercises/${restrictedId}/report.pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body?.code).toBe("NOT_FOUND");
    expect((await getPdf(t.anonymous, `/api/exercises/${restrictedId}/report.pdf`)).status).toBe(404);
    const shown = await getPdf(coordinator, `/api/exercises/${restrictedId}/report.pdf?lang=en`);
    expect(squash(shown.text)).toContain("RESTRICTED — releasable to AZE");
  });
});
