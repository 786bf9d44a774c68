import type { Language } from "../../shared/i18n/languages";
import type { PersonRef, Titles } from "./types";

export const localTitle = (titles: Titles, language: Language): string =>
  (language === "az" ? titles.az : language === "ru" ? titles.ru : titles.en) || titles.en;

export const personName = (person: Pick<PersonRef, "givenName" | "familyName" | "rankTitle">) =>
  [person.rankTitle, person.givenName, person.familyName].filter(Boolean).join(" ");

export const STATUS_COLOURS = { valid: "green", expired: "orange", revoked: "red" } as const;
export const OUTCOME_COLOURS = { pass: "green", fail: "red", incomplete: "gray" } as const;
