import { useEffect } from "react";

/** The part of a Mantine form that a reset uses. */
interface ResettableForm<V> {
  setValues: (values: V) => void;
  resetDirty: (values?: V) => void;
  clearErrors: () => void;
}

/**
 * A dialog's form back at its record's values, nothing changed and no errors, each time the dialog opens: when
 * `opening` turns to a truthy value (the dialog's `opened`, or the id of the record it edits).
 */
export function useFormReset<V>(form: ResettableForm<V>, opening: unknown, values: () => V): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an opening resets the form
  useEffect(() => {
    if (!opening) return;
    form.setValues(values());
    form.resetDirty(values());
    form.clearErrors();
  }, [opening]);
}

/** The close of a dialog for a new record: its form is cleared as it closes, so that it opens empty again. */
export function closeClearing(form: { reset: () => void }, onClose: () => void): () => void {
  return () => {
    form.reset();
    onClose();
  };
}
