/** The part of a Mantine form that tells which fields the user changed. */
export interface FormWithDirty {
  isDirty: (path?: string) => boolean;
}

/**
 * Only the fields the user changed, so an edit never overwrites what someone else changed meanwhile.
 * `all` maps each form field to the value the API takes for it.
 */
export function changedFields(form: FormWithDirty, all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(all).filter(([key]) => form.isDirty(key)));
}
