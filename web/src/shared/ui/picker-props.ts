import type { ReactNode } from "react";

/** The part of a Mantine form that a picker uses, for a form whose field `K` holds an id or nothing. */
interface PickerForm<K extends string> {
  values: Record<K, string | null>;
  errors: Record<string, ReactNode>;
  setFieldValue: (path: K, value: string | null) => void;
}

/**
 * The props that bind a picker (a RemoteSelect: NationPicker, PartySelect…) to one field of a Mantine form: its
 * value, its change (the picked id, not an event) and its error. Forms wrote these three lines for every picker.
 */
export function pickerProps<K extends string>(form: PickerForm<K>, field: K) {
  return {
    value: form.values[field],
    onChange: (value: string | null) => form.setFieldValue(field, value),
    error: form.errors[field],
  };
}
