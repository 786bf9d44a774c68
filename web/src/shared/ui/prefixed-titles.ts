import type { TFunction } from "i18next";

/**
 * The translated titles of keys under one prefix (`prefix.key` each), in order: a table's column titles written
 * as the list of their keys.
 */
export const prefixedTitles = (t: TFunction, prefix: string, keys: readonly string[]): string[] =>
  keys.map((key) => t(`${prefix}.${key}`));
