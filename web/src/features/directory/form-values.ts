import type { ReactNode } from "react";

/** Trimmed text, or null when blank: optional text fields clear on PATCH rather than store "". */
export const textOrNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};

/** A form's check of an end date (ISO) against its start: none, or not before the start. */
export const endNotBeforeStart =
  (message: string) =>
  (value: string | null, values: { startedOn: string | null }): string | null =>
    value && values.startedOn && value < values.startedOn ? message : null;

/** The value, change and error of a record select (nation, organisation) bound to a form field holding an id. */
export function recordSelectField<Name extends string>(
  form: {
    values: Record<Name, string | null>;
    errors: Record<string, ReactNode>;
    setFieldValue: (name: Name, value: string | null) => void;
  },
  name: Name,
) {
  return {
    value: form.values[name],
    onChange: (value: string | null) => form.setFieldValue(name, value),
    error: form.errors[name],
  };
}
