export const LANGUAGES = ["en", "az", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);

/** Each language named in itself, as a language switch shows it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", az: "Azərbaycanca", ru: "Русский" };

export const LANGUAGE_STORAGE_KEY = "accord.language";

/** Resources of one i18next namespace in the three languages (see `defineResources`). */
export type FeatureResources = Record<Language, Record<string, unknown>>;

type PluralCategory = "zero" | "one" | "two" | "few" | "many" | "other";
type PluralKey = `${string}_${PluralCategory}`;
type Strings = { [key: string]: string | Strings };

/**
 * The keys another language must have: every key of the English tree, with string leaves. Plural forms are
 * exempt both ways, because each language has its own plural categories (Russian adds `_few` and `_many`).
 */
export type SameKeys<E> = {
  [K in keyof E as K extends PluralKey ? never : K]: E[K] extends string ? string : SameKeys<E[K]>;
} & { [key: PluralKey]: string | undefined };

/**
 * Each feature's `i18n.ts` exports its namespace through this, so that a key missing in Azerbaijani or Russian,
 * or one they have that English does not, is a type error (and a missing language too).
 */
export function defineResources<E extends Strings>(resources: {
  en: E;
  az: SameKeys<NoInfer<E>>;
  ru: SameKeys<NoInfer<E>>;
}) {
  return resources;
}

/** A feature's namespace, bundled with the app (small ones) or loaded with its first page. */
export type FeatureI18n = FeatureResources | (() => Promise<FeatureResources>);
