import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Agent, createTestApp, type TestApp } from "../../../test/support/test-app.js";
import { formatDateText } from "../../platform/dates.js";

/**
 * Issue 20: dates people read in the server's PDFs follow the language (`8 March 2027`, `8 mart 2027`,
 * `8 марта 2027 г.`), never ISO or dd.mm.yyyy; CSV keeps ISO dates as data.
 */
let t: TestApp;
let admin: Agent;

const LANGUAGES = ["en", "az", "ru"] as const;
const MONTH = {
  en: "(?:January|February|March|April|May|June|July|August|September|October|November|December)",
  az: "(?:yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr)",
  ru: "(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)",
};
const pdfText = async (data: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(data) });
  const text = (await parser.getText()).text.replace(/\s+/g, " ");
  await parser.destroy();
  return text;
};

beforeAll(async () => {
  t = await createTestApp();
  await t.seed();
  admin = await t.signIn({ role: "administrator" });
});
afterAll(() => t.close());

describe("dates in the server's documents", () => {
  it("writes the annual programme PDF's dates in each language's own form", async () => {
    const programme = await t.db
      .selectFrom("annualProgramme as p")
      .innerJoin("programmeItem as i", "i.programmeId", "p.id")
      .select(["p.id", "i.plannedStartsOn"])
      .where("i.plannedStartsOn", "is not", null)
      .executeTakeFirstOrThrow();
    const planned = String(programme.plannedStartsOn);
    const seen: string[] = [];
    for (const language of LANGUAGES) {
      const reply = await t.app.inject({
        method: "GET",
        url: `/api/annual-programmes/${programme.id}/report/export?format=pdf&language=${language}`,
        headers: { cookie: admin.cookie! },
      });
      expect(reply.statusCode).toBe(200);
      const text = await pdfText(reply.rawPayload);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
      expect(text).toContain(formatDateText(planned, language));
      const dated = text.match(new RegExp(`\\b\\d{1,2} ${MONTH[language]} \\d{4}( г\\.)?`, "g")) ?? [];
      expect(dated.length).toBeGreaterThanOrEqual(2);
      // Russian writes "г." after the year; Azerbaijani and English never do.
      expect(dated.every((date) => date.endsWith(" г.") === (language === "ru"))).toBe(true);
      seen.push(language);
    }
    expect(seen).toEqual([...LANGUAGES]);
  });

  it("writes a certificate's dates in its language: issued, valid until and the course's dates", async () => {
    const certificate = await t.db
      .selectFrom("certificate")
      .select(["id", "issuedOn", "validUntil"])
      .where("revokedAt", "is", null)
      .where("validUntil", "is not", null)
      .executeTakeFirstOrThrow();
    const expected = {
      en: formatDateText(String(certificate.issuedOn), "en"),
      az: formatDateText(String(certificate.issuedOn), "az"),
      ru: formatDateText(String(certificate.issuedOn), "ru"),
    };
    expect(expected.en).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    const texts: Record<string, string> = {};
    for (const language of LANGUAGES) {
      const reply = await t.app.inject({
        method: "GET",
        url: `/api/training/certificates/${certificate.id}/pdf?lang=${language}`,
        headers: { cookie: admin.cookie! },
      });
      expect(reply.statusCode).toBe(200);
      texts[language] = await pdfText(reply.rawPayload);
    }
    for (const language of LANGUAGES) {
      const text = texts[language]!;
      expect(text).toContain(expected[language]);
      expect(text).toContain(formatDateText(String(certificate.validUntil), language));
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(text).not.toMatch(/\b\d{2}\.\d{2}\.\d{4}\b/);
    }
    expect(texts.az).not.toContain(" г.");
    expect(texts.ru).toContain(" г.");
  });
});
