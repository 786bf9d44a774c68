/** Trimmed text, or null when blank: optional text fields clear on PATCH rather than store "". */
export const textOrNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
};
