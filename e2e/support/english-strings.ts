import { readFileSync } from "node:fs";

const SOURCES = [
  "web/src/shared/i18n/common.ts",
  "web/src/features/directory/i18n.ts",
  "web/src/features/directory/records-i18n.ts",
];

/** The string literals of one language's section of a feature's resources (`  en: {` up to the next language). */
function section(text: string, language: "en" | "az" | "ru"): string[] {
  const start = text.indexOf(`\n  ${language}: {`);
  const ends = ["en", "az", "ru"]
    .map((other) => text.indexOf(`\n  ${other}: {`, start + 1))
    .filter((index) => index > start);
  const body = text.slice(start, ends.length ? Math.min(...ends) : undefined);
  return [...body.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!);
}

/**
 * English texts of the shell and the directory that another language translates differently: phrases of two
 * words or more without placeholders, so that one on an Azerbaijani or Russian page is a fallback to English.
 */
export function englishOnlyPhrases(): string[] {
  const phrases = new Set<string>();
  for (const file of SOURCES) {
    const text = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
    const translated = new Set([...section(text, "az"), ...section(text, "ru")]);
    for (const phrase of section(text, "en")) {
      if (/\s/.test(phrase.trim()) && !phrase.includes("{{") && !translated.has(phrase)) phrases.add(phrase);
    }
  }
  return [...phrases];
}
