import type { TFunction } from "i18next";

/*
 * Lists of words that pages translated one key at a time: each entry is the translation of its key (or value)
 * under one prefix of the namespace.
 */

/** A table's column titles: `columnTitles(t, "results", ["area", "yes"])` is `[t("results.area"), t("results.yes")]`. */
export function columnTitles(t: TFunction, prefix: string, keys: readonly string[]): string[] {
  return keys.map((key) => t(`${prefix}.${key}`));
}

/** A select's options for the values of an enum, each labelled `t("<prefix>.<value>")`: `enumOptions(t, "kinds", KINDS)`. */
export function enumOptions<V extends string>(t: TFunction, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
