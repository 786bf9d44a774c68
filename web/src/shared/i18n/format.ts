import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { isLanguage, type Language } from "./languages";

export type DatePrecision = "day" | "month" | "year";

/** Formats an ISO date (`YYYY-MM-DD`) at the precision it is known: `1994`, `March 1992`, `4 May 1994`. */
export function formatDate(
  value: string | null | undefined,
  language: Language,
  precision: DatePrecision = "day",
): string {
  if (!value) return "";
  const date = dayjs(value).locale(language);
  if (!date.isValid()) return value;
  if (precision === "year") return date.format("YYYY");
  if (precision === "month") return date.format("MMMM YYYY");
  return date.format("LL");
}

/** Formats an ISO timestamp as a date and time in the user's language. */
export function formatDateTime(value: string | null | undefined, language: Language): string {
  if (!value) return "";
  const date = dayjs(value).locale(language);
  return date.isValid() ? date.format("LLL") : value;
}

/** Formatters bound to the current language; components re-render when the language changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : "en";
  return {
    language,
    date: (value: string | null | undefined, precision?: DatePrecision) =>
      formatDate(value, language, precision),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
    number: (value: number) => new Intl.NumberFormat(language).format(value),
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
