import dayjs from "dayjs";
import "dayjs/locale/en-gb.js";
import "dayjs/locale/az.js";
import "dayjs/locale/ru.js";

/**
 * Dates in the words of each language of the app, for documents people read (PDFs, e-mails), with the same
 * library and the same forms as the web app (web/src/shared/i18n/format.ts): English as written in Britain
 * (`8 March 2027`, day first), Azerbaijani `8 mart 2027` (no Russian "г."), Russian `8 марта 2027 г.` (dayjs
 * writes the month in the genitive after a day); times on the 24-hour clock. dayjs carries its own month names,
 * so a runtime whose ICU lacks Azerbaijani still writes them.
 */
export type DateLanguage = "en" | "az" | "ru";

const LOCALE: Record<DateLanguage, string> = { en: "en-gb", az: "az", ru: "ru" };
const DAY_FORMAT: Record<DateLanguage, string> = {
  en: "D MMMM YYYY",
  az: "D MMMM YYYY",
  ru: "D MMMM YYYY г.",
};

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

/** A calendar date (`YYYY-MM-DD`, or the date part of an ISO timestamp) in the language's words. */
export function formatDateText(iso: string, language: DateLanguage): string {
  const match = ISO_DATE.exec(iso);
  // The date part alone, so that no time zone moves it to another day.
  const date = match ? dayjs(match[1]) : null;
  if (!date?.isValid()) return iso;
  return date.locale(LOCALE[language]).format(DAY_FORMAT[language]);
}

/** An instant as a date and a 24-hour time in a time zone (UTC unless given): `8 March 2027, 14:30`. */
export function formatDateTimeText(instant: Date | string, language: DateLanguage, timeZone = "UTC"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
  // The wall-clock reading in the zone, from Intl (which knows every zone), then written by dayjs.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${formatDateText(`${parts.year}-${parts.month}-${parts.day}`, language)}, ${parts.hour}:${parts.minute}`;
}
