import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";

let t: TestApp;
let organiser: Agent;

const codes = (reply: { body: { items: { code: string }[] } }) => reply.body.items.map((item) => item.code);

async function publish(code: string, titles: { titleEn: string; titleAz?: string; titleRu?: string }) {
  const created = await organiser.post<{ id: string }>("/api/activities", {
    code,
    ...titles,
    kind: "seminar",
    menuYear: 2028,
    areas: ["maritime_security"],
    organiserId: await t.organisationId("NATO-SCHOOL"),
    releasability: "public",
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(
    (await organiser.post(`/api/activities/${created.body.id}/status`, { status: "published" })).status,
  ).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  organiser = await t.signIn({ role: "organiser", organisation: "NATO-SCHOOL" });
  await publish("TYPO-EXACT", {
    titleEn: "Hydrography survey seminar",
    titleAz: "Hidroqrafiya tədqiqatı seminarı",
    titleRu: "Семинар по гидрографической съёмке",
  });
  // The same word misspelt in a record: found by the exact word too, as a close spelling, ranked below.
  await publish("TYPO-CLOSE", { titleEn: "Hydrograpy survey seminar" });
});
afterAll(() => t.close());

const search = (q: string, extra = "") =>
  t.anonymous.get<{ total: number; items: { code: string }[] }>(
    `/api/activities?q=${encodeURIComponent(q)}&limit=100${extra}`,
  );

describe("typo tolerance of the catalogue search", () => {
  it("finds an activity with one letter wrong, dropped or two swapped, in English, Azerbaijani and Russian", async () => {
    for (const q of [
      "hydrogrophy", // wrong
      "hydrogaphy", // dropped
      "hydrogrpahy", // swapped
      "hidroqrafiyya tedqiqati", // a letter added; ə and ı folded
      "Hidroqrafya", // dropped
      "tədqiqtı", // dropped, with ə and ı
      "гидрогрофической", // wrong
      "гидрографичской съёмке", // dropped
      "гидрогарфической", // swapped
    ]) {
      const reply = await search(q);
      expect(reply.status, q).toBe(200);
      expect(codes(reply), q).toContain("TYPO-EXACT");
      expect(reply.body.total, q).toBe(reply.body.items.length);
    }
  });

  it("ranks exact matches above close spellings", async () => {
    const reply = await search("hydrography");
    expect(codes(reply).slice(0, 2)).toEqual(["TYPO-EXACT", "TYPO-CLOSE"]);
    // Typed as in the misspelt record, that one is the exact match.
    expect(codes(await search("hydrograpy")).slice(0, 2)).toEqual(["TYPO-CLOSE", "TYPO-EXACT"]);
  });

  it("keeps the search cache: a repeated misspelt search answers the same page", async () => {
    const first = await search("hydrogrpahy", "&year=2028");
    const again = await search("hydrogrpahy", "&year=2028");
    expect(codes(again)).toEqual(codes(first));
    expect(again.body.total).toBe(first.body.total);
  });
});
