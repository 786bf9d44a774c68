import type { ApiError } from "./api-error";

/**
 * Server field paths (`body.code`, `body.memberships.0.kind`) as Mantine form paths (`code`,
 * `memberships.0.kind`). Paths from elsewhere in the request (`query.limit`) are left as they are.
 */
export function fieldErrorsFromApi(error: ApiError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const path = field.startsWith("body.") ? field.slice("body.".length) : field;
    errors[path] ??= message;
  }
  return errors;
}

/** The part of a Mantine form this helper needs (structural, so any `useForm` result fits). */
export interface FormWithErrors {
  setErrors: (errors: Record<string, string>) => void;
  getValues: () => object;
}

/**
 * Puts the server's field errors beside the form's fields. Returns true when at least one error landed on a
 * field of the form; otherwise the caller should show the error another way (a notification).
 */
export function applyServerErrors(form: FormWithErrors, error: ApiError): boolean {
  const all = fieldErrorsFromApi(error);
  const values = form.getValues() as Record<string, unknown>;
  const known = Object.fromEntries(
    Object.entries(all).filter(([path]) => (path.split(".")[0] ?? "") in values),
  );
  if (Object.keys(known).length === 0) return false;
  form.setErrors(known);
  return true;
}
