import type { TFunction } from "i18next";

/**
 * A table's column titles, each the translation of its key under one prefix of the namespace:
 * `columnTitles(t, "results", ["area", "yes"])` is `[t("results.area"), t("results.yes")]`.
 */
export function columnTitles(t: TFunction, prefix: string, keys: readonly string[]): string[] {
  return keys.map((key) => t(`${prefix}.${key}`));
}
