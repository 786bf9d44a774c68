import type { TFunction } from "i18next";

/*
 * Lists of words that pages used to translate one key at a time: each entry is the translation of its key (or
 * value) under one prefix of the namespace.
 */

/**
 * A table's column titles from their keys under one prefix: `labelsUnder(t, "results", ["area", "yes"])` is
 * `[t("results.area"), t("results.yes")]`. A key that names its own namespace or path (`common:area`,
 * `items.title`) is taken whole; a null stays null (a column without a title).
 */
export function labelsUnder(t: TFunction, prefix: string, keys: readonly string[]): string[];
export function labelsUnder(
  t: TFunction,
  prefix: string,
  keys: readonly (string | null)[],
): (string | null)[];
export function labelsUnder(t: TFunction, prefix: string, keys: readonly (string | null)[]) {
  return keys.map((key) => (key === null ? null : t(/[.:]/.test(key) ? key : `${prefix}.${key}`)));
}

/** A select's options for the values of an enum, each labelled `t("<prefix>.<value>")`: `optionsUnder(t, "kinds", KINDS)`. */
export function optionsUnder<V extends string>(t: TFunction, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
