/**
 * Dates in the words of each language of the app, for documents people read (PDFs, e-mails): the same forms as the
 * web app (web/src/shared/i18n/format.ts). English as written in Britain (`8 March 2027`, day first), Azerbaijani
 * `8 mart 2027` (no Russian "г."), Russian `8 марта 2027 г.`; times on the 24-hour clock. Month names are written
 * out here rather than asked of ICU, whose Azerbaijani data a runtime may lack.
 */
export type DateLanguage = "en" | "az" | "ru";

const MONTHS: Record<DateLanguage, readonly string[]> = {
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
  // The genitive, as a date says it: "8 марта".
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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date (`YYYY-MM-DD`, or the date part of an ISO timestamp) in the language's words. */
export function formatDateText(iso: string, language: DateLanguage): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const text = `${Number(day)} ${MONTHS[language][Number(month) - 1]} ${year}`;
  return language === "ru" ? `${text} г.` : text;
}

/** An instant as a date and a 24-hour time in a time zone (UTC unless given): `8 March 2027, 14:30`. */
export function formatDateTimeText(instant: Date | string, language: DateLanguage, timeZone = "UTC"): string {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return String(instant);
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
