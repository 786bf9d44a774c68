import type { TFunction } from "i18next";

/**
 * The translations of `keys` that sit under one `prefix` of the namespace (`prefix.key` each; a null stays null,
 * a column without a title): a table's column titles, written as the list of their keys instead of a `t(…)` call
 * a line.
 */
export function labelsUnder(t: TFunction, prefix: string, keys: readonly string[]): string[];
export function labelsUnder(
  t: TFunction,
  prefix: string,
  keys: readonly (string | null)[],
): (string | null)[];
export function labelsUnder(t: TFunction, prefix: string, keys: readonly (string | null)[]) {
  return keys.map((key) => (key === null ? null : t(`${prefix}.${key}`)));
}

/** A select's options for the values of an enum, each labelled by its translation `prefix.value`. */
export function optionsUnder<V extends string>(t: TFunction, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
