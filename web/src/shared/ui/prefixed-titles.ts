import type { TFunction } from "i18next";

/**
 * The translated titles of keys under one prefix (`prefix.key` each; a key with a dot of its own, such as
 * `common.area`, is taken whole), in order: a table's column titles written as the list of their keys.
 */
export const prefixedTitles = (t: TFunction, prefix: string, keys: readonly string[]): string[] =>
  keys.map((key) => t(key.includes(".") ? key : `${prefix}.${key}`));
