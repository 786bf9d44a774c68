import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPdf, squash } from "../../../test/support/pdf.js";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let organiser: Agent;
let coordinator: Agent;
let eventId: string;
let restrictedEventId: string;

async function activityWithEvent(code: string, releasability: "public" | "restricted") {
  const organiserId = await t.organisationId("NATO-SCHOOL");
  const activity = await t.db
    .insertInto("activity")
    .values({
      code,
      titleEn: `Staff officers course ${code}`,
      titleAz: `Qərargah zabitləri kursu ${code}`,
      titleRu: `Курс штабных офицеров ${code}`,
      kind: "course",
      menuYear: 2027,
      organiserId,
      ownerOrganisationId: organiserId,
      releasability,
      status: "published",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const event = await t.db
    .insertInto("event")
    .values({
      activityId: activity.id,
      startsOn: "2027-05-10",
      endsOn: "2027-05-14",
      city: "Baku",
      capacity: 40,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return event.id;
}

async function nominate(event: string, nation: string, given: string, family: string, status: string) {
  const nationId = await t.nationId(nation);
  const person = await t.db
    .insertInto("person")
    .values({
      givenName: given,
      familyName: family,
      nationId,
      ownerNationId: nationId,
      releasability: "internal",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto("nomination")
    .values({ eventId: event, personId: person.id, nationId, status })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  coordinator = await t.signIn({ role: "national_coordinator", nation: "AZE" });
  eventId = await activityWithEvent("ROSTER-1", "public");
  await nominate(eventId, "AZE", "Aysel", "Məmmədova", "accepted");
  await nominate(eventId, "AZE", "Elşən", "Qılıncov", "waitlisted");
  await nominate(eventId, "KAZ", "Алибек", "Нурланов", "accepted");
  await nominate(eventId, "GEO", "Nino", "Beridze", "declined");
  restrictedEventId = await activityWithEvent("ROSTER-R", "restricted");
  await nominate(restrictedEventId, "AZE", "Rauf", "Həsənov", "nominated");
});
afterAll(() => t.close());

describe("the event's participant roster (PDF)", () => {
  it("lists every nomination by nation with its status, for the organiser, in English", async () => {
    const pdf = await getPdf(organiser, `/api/events/${eventId}/roster.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.contentType).toBe("application/pdf");
    expect(pdf.disposition).toContain("roster-ROSTER-1-2027-05-10-en.pdf");
    const text = squash(pdf.text);
    expect(text).toContain("Participant roster: Staff officers course ROSTER-1");
    expect(text).toContain("Azerbaijan (AZE) (2)");
    expect(text).toContain("Kazakhstan (KAZ) (1)");
    expect(text).toContain("Georgia (GEO) (1)");
    expect(text).toContain("Məmmədova, Aysel");
    expect(text).toContain("Нурланов, Алибек");
    expect(text).toMatch(/Beridze, Nino declined/);
    expect(text).toMatch(/Qılıncov, Elşən waitlisted/);
    expect(text).toContain("Page 1 of 1");
    expect(text).toContain("PUBLIC");
  });

  it("is written in Azerbaijani or Russian as asked, and in the account's language otherwise", async () => {
    const az = squash((await getPdf(organiser, `/api/events/${eventId}/roster.pdf?lang=az`)).text);
    expect(az).toContain("İştirakçıların siyahısı: Qərargah zabitləri kursu ROSTER-1");
    expect(az).toContain("Azərbaycan (AZE)");
    expect(az).toContain("qəbul edilib");
    expect(az).toContain("Səhifə 1 / 1");
    const ru = squash((await getPdf(organiser, `/api/events/${eventId}/roster.pdf?lang=ru`)).text);
    expect(ru).toContain("Список участников: Курс штабных офицеров ROSTER-1");
    expect(ru).toContain("Казахстан (KAZ)");
    expect(ru).toContain("принят");
    expect(ru).toContain("10 мая 2027 г.");
    const russian = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
    await t.db
      .updateTable("appUser")
      .set({ preferredLanguage: "ru" })
      .where("id", "=", russian.userId!)
      .execute();
    expect(squash((await getPdf(russian, `/api/events/${eventId}/roster.pdf`)).text)).toContain(
      "Список участников",
    );
  });

  it("shows a national coordinator only their nation's nominations", async () => {
    const pdf = await getPdf(coordinator, `/api/events/${eventId}/roster.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    const text = squash(pdf.text);
    expect(text).toContain("Məmmədova, Aysel");
    expect(text).not.toContain("Нурланов");
    expect(text).not.toContain("Beridze");
    expect(text).not.toContain("Kazakhstan");
  });

  it("refuses the signed-out (401) and hides a restricted event from those who may not see it (404)", async () => {
    expect((await getPdf(t.anonymous, `/api/events/${eventId}/roster.pdf`)).status).toBe(401);
    const georgian = await t.signIn({ role: "national_coordinator", nation: "GEO" });
    const hidden = await getPdf(georgian, `/api/events/${restrictedEventId}/roster.pdf`);
    expect(hidden.status).toBe(404);
    expect(hidden.body?.code).toBe("NOT_FOUND");
    expect((await georgian.get(`/api/events/${restrictedEventId}`)).status).toBe(404);
    const shown = await getPdf(organiser, `/api/events/${restrictedEventId}/roster.pdf`);
    expect(squash(shown.text)).toContain("RESTRICTED — releasable to NATO-SCHOOL");
    expect(squash(shown.text)).toContain("Həsənov, Rauf");
    expect((await getPdf(organiser, `/api/events/${crypto.randomUUID()}/roster.pdf`)).status).toBe(404);
  });

  it("breaks a roster of 300 across pages with the table's header on each", async () => {
    const big = await activityWithEvent("ROSTER-300", "public");
    const nations = ["AZE", "GEO", "KAZ"];
    const nationIds = await Promise.all(nations.map((code) => t.nationId(code)));
    const people = await t.db
      .insertInto("person")
      .values(
        Array.from({ length: 300 }, (_, index) => ({
          givenName: `Given${index}`,
          familyName: `Family${String(index).padStart(3, "0")}`,
          nationId: nationIds[index % 3]!,
          ownerNationId: nationIds[index % 3]!,
          releasability: "internal" as const,
        })),
      )
      .returning(["id", "nationId"])
      .execute();
    await t.db
      .insertInto("nomination")
      .values(people.map((p) => ({ eventId: big, personId: p.id, nationId: p.nationId, status: "accepted" })))
      .execute();
    const pdf = await getPdf(organiser, `/api/events/${big}/roster.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.pages).toBeGreaterThanOrEqual(6);
    for (let index = 0; index < 300; index++) {
      expect(pdf.text).toContain(`Family${String(index).padStart(3, "0")}, Given${index}`);
    }
    // Every page after the first opens with a table's header, and counts itself in the footer.
    pdf.pageTexts.forEach((page, index) => {
      expect(squash(page)).toMatch(/# Name Status Priority Attendance/);
      expect(squash(page)).toContain(`Page ${index + 1} of ${pdf.pages}`);
    });
  });

  it("wraps a long word in a cell instead of running it off the page", async () => {
    const long = await activityWithEvent("ROSTER-LONG", "public");
    const word = "Ə".repeat(10) + "x".repeat(90);
    await nominate(long, "AZE", "Long", word, "accepted");
    const pdf = await getPdf(organiser, `/api/events/${long}/roster.pdf?lang=en`);
    expect(pdf.status).toBe(200);
    // All of it is printed, over more than one line of its cell.
    expect(pdf.text.replace(/\s+/g, "")).toContain(`${word},Long`);
    expect(pdf.text).not.toContain(word);
  });
});
