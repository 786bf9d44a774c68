/**
 * A table's column titles from their keys under one translation prefix:
 * `columnTitles(t, "memberships", ["kind", "startedOn"])` is `[t("memberships.kind"), t("memberships.startedOn")]`.
 */
export const columnTitles = (t: (key: string) => string, prefix: string, keys: readonly string[]): string[] =>
  keys.map((key) => t(`${prefix}.${key}`));
