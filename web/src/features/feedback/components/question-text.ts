import type { Language } from "../../../shared/i18n/languages";

type Worded = { textEn: string; textAz: string | null; textRu: string | null };

/** A question in the reader's language, English where it has not been translated. */
export const questionText = (question: Worded, language: Language) =>
  (language === "az" ? question.textAz : language === "ru" ? question.textRu : null) ?? question.textEn;
