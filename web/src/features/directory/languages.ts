import type { Language } from "../../shared/i18n/languages";

/** Working languages offered for a person (ISO 639-1); the server accepts any two-letter code. */
export const SPOKEN_LANGUAGES = [
  "en",
  "fr",
  "az",
  "ru",
  "tr",
  "de",
  "es",
  "it",
  "pl",
  "ro",
  "uk",
  "ka",
  "hy",
  "kk",
  "ky",
  "uz",
  "tg",
  "tk",
  "be",
  "fa",
  "ar",
  "zh",
  "sr",
  "bg",
  "el",
  "hu",
  "cs",
  "nl",
  "pt",
] as const;

/** The name of a language in the UI language, from the browser's own data (no strings to translate). */
export function languageName(code: string, uiLanguage: Language): string {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
