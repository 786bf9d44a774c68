export const LANGUAGES = ["en", "az", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", az: "Azərbaycanca", ru: "Русский" };

export const LANGUAGE_STORAGE_KEY = "accord.language";

/**
 * Resources of one i18next namespace in the three languages. Each feature's `i18n.ts` exports one of these
 * (`satisfies FeatureResources`), so a missing language is a type error.
 */
export type FeatureResources = Record<Language, Record<string, unknown>>;

/** A feature's namespace, bundled with the app (small ones) or loaded with its first page. */
export type FeatureI18n = FeatureResources | (() => Promise<FeatureResources>);
