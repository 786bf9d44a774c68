/** A record's field as a form holds it: a missing value (null or undefined) as an empty input (""). */
export type FormValueOf<T> = null extends T
  ? NonNullable<T> | ""
  : undefined extends T
    ? NonNullable<T> | ""
    : T;

/**
 * The named fields of a record as an edit form's values, each missing one as an empty input: the
 * `field: record.field ?? ""` lines that filled the forms one field a line.
 */
export function formValuesOf<T, K extends keyof T>(record: T, keys: readonly K[]) {
  return Object.fromEntries(keys.map((key) => [key, record[key] ?? ""])) as { [P in K]: FormValueOf<T[P]> };
}
