import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2E, startE2E } from "./support/browser.js";

/**
 * Dates, times and numbers in each language's own format (issue 20): English as in Britain (day before month, never
 * "Mar 8, 2027"), Azerbaijani without the Russian "г." and with its own month names (Chromium has no Azerbaijani
 * date data, so the calendar showed "2026 M12"), Russian with genitive months; 24-hour time everywhere.
 */
let e: E2E;
let eventId: string;
let startsOn: string;

const poll = <T>(value: () => Promise<T> | T) => expect.poll(value, { timeout: 30_000, interval: 200 });

beforeAll(async () => {
  e = await startE2E();
  const event = await e.t.db
    .selectFrom("event")
    .innerJoin("activity", "activity.id", "event.activityId")
    .select(["event.id", "event.startsOn"])
    .where("activity.code", "=", "CREVAL-2027")
    .executeTakeFirstOrThrow();
  eventId = event.id;
  startsOn = String(event.startsOn).slice(0, 10);
  await e.t.db
    .insertInto("eventSession")
    .values({
      eventId,
      title: "Opening",
      startsAt: `${startsOn}T14:30:00Z`,
      endsAt: `${startsOn}T16:05:00Z`,
    })
    .execute();
}, 180_000);
afterAll(() => e?.close());

async function open(language: "en" | "az" | "ru"): Promise<Page> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: "en-US", timezoneId: "UTC" });
  await context.addInitScript((lang) => window.localStorage.setItem("accord.language", lang), language);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  await e.login(page, "director");
  return page;
}

const SHORT = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  az: ["yan", "fev", "mar", "apr", "may", "iyn", "iyl", "avq", "sen", "okt", "noy", "dek"],
  ru: ["янв.", "февр.", "мар.", "апр.", "мая", "июня", "июля", "авг.", "сент.", "окт.", "нояб.", "дек."],
};
const LONG = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  az: [
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avqust",
    "sentyabr",
    "oktyabr",
    "noyabr",
    "dekabr",
  ],
  ru: [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
  ],
};

describe("locale formats", () => {
  for (const language of ["en", "az", "ru"] as const) {
    it(`writes the event's dates and session times the ${language} way`, async () => {
      const page = await open(language);
      await page.goto(`/catalogue/events/${eventId}`);
      const [year, month, day] = startsOn.split("-").map(Number) as [number, number, number];
      const short = `${day} ${SHORT[language][month - 1]} ${year}${language === "ru" ? " г." : ""}`;
      const long = `${day} ${LONG[language][month - 1]} ${year}${language === "ru" ? " г." : ""}`;
      await poll(() => page.locator("main").textContent()).toContain(short);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).toContain("Opening");
      // The timetable writes the day once, then the session's times.
      const timetable = (await page.getByTestId("event-sessions").textContent()) ?? "";
      expect(timetable).toContain(long);
      expect(timetable).toContain("14:30 – 16:05");
      expect(main).not.toMatch(/\b(AM|PM)\b/);
      if (language !== "ru") expect(main).not.toContain(" г.");
      await page.context().close();
    });
  }

  it("names months and weekdays in Azerbaijani in the calendar", async () => {
    const page = await open("az");
    await page.goto("/catalogue/calendar");
    const calendar = page.getByTestId("catalogue-calendar");
    // The title (between the "Bu gün" and "Ay" buttons) and the day headers a person reads; FullCalendar's
    // screen-reader labels still come from Chromium's Intl.
    const months = "yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr";
    await poll(() => calendar.textContent()).toMatch(new RegExp(`Bu gün(${months}) \\d{4}Ay`));
    const text = (await calendar.textContent()) ?? "";
    for (const weekday of ["BzE", "ÇAx", "Çər", "CAx", "Cüm", "Şən", "Baz"]) expect(text).toContain(weekday);
    await page.context().close();
  });
});
