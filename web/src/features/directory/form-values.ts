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
