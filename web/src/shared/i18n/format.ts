import dayjs from "dayjs";
import "dayjs/locale/en-gb";
import "dayjs/locale/az";
import "dayjs/locale/ru";
import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./languages";

export type DatePrecision = "day" | "month" | "year";

/**
 * Each language's own date order and 24-hour time: English as written in Britain and NATO (`8 March 2027`, never
 * month first), Azerbaijani without the Russian "г." that dayjs' az locale carries, Russian with it.
 */
export const DAYJS_LOCALE: Record<Language, string> = { en: "en-gb", az: "az", ru: "ru" };
const FORMATS: Record<Language, { day: string; short: string; month: string; time: string }> = {
  en: { day: "D MMMM YYYY", short: "D MMM YYYY", month: "MMMM YYYY", time: "HH:mm" },
  az: { day: "D MMMM YYYY", short: "D MMM YYYY", month: "MMMM YYYY", time: "HH:mm" },
  ru: { day: "D MMMM YYYY г.", short: "D MMM YYYY г.", month: "MMMM YYYY", time: "HH:mm" },
};

/** Formats an ISO date (`YYYY-MM-DD`) at the precision it is known: `1994`, `March 1992`, `4 May 1994`. */
export function formatDate(
  value: string | null | undefined,
  language: Language,
  precision: DatePrecision | "short" = "day",
): string {
  if (!value) return "";
  const date = dayjs(value).locale(DAYJS_LOCALE[language]);
  if (!date.isValid()) return value;
  if (precision === "year") return date.format("YYYY");
  return date.format(FORMATS[language][precision]);
}

/** Formats an ISO timestamp as a date and a 24-hour time in the user's language: `8 March 2027, 14:30`. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return "";
  const date = dayjs(value).locale(DAYJS_LOCALE[language]);
  const formats = FORMATS[language];
  return date.isValid() ? date.format(`${formats.day}, ${formats.time}`) : value;
}

/** The local 24-hour time of an ISO timestamp (`14:30`); its day is written once above, by `formatDate`. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = dayjs(value);
  return date.isValid() ? date.format("HH:mm") : value;
}

/** The local calendar day (`YYYY-MM-DD`) of an ISO timestamp, to group what happens on one day. */
export function localDay(value: string): string {
  return dayjs(value).format("YYYY-MM-DD");
}

/**
 * A number as the language writes it: `1,234.5` (en), `1 234,5` (ru), `1.234,5` (az). Browsers without Azerbaijani
 * locale data (Chromium's ICU) would write it the English way, so az swaps the separators of the English form.
 */
export function formatNumber(value: number, language: Language, options?: Intl.NumberFormatOptions): string {
  if (language !== "az") return new Intl.NumberFormat(DAYJS_LOCALE[language], options).format(value);
  return new Intl.NumberFormat("en", options)
    .format(value)
    .replace(/[,.]/g, (separator) => (separator === "," ? "." : ","));
}

/** Formatters bound to the current language; components re-render when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : "en";
  return {
    language,
    date: (value: string | null | undefined, precision?: DatePrecision | "short") =>
      formatDate(value, language, precision),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
    time: formatTime,
    number: (value: number) => formatNumber(value, language),
  };
}

/** Picks the name in the current language from a record with `nameEn`/`nameAz`/`nameRu`, falling back to English. */
export function localName(
  record: { nameEn: string; nameAz?: string | null; nameRu?: string | null },
  language: Language,
): string {
  if (language === "az" && record.nameAz) return record.nameAz;
  if (language === "ru" && record.nameRu) return record.nameRu;
  return record.nameEn;
}
