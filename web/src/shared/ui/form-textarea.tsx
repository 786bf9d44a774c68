import { Textarea, type TextareaProps } from "@mantine/core";
import type { LooseKeys, UseFormReturnType } from "@mantine/form";

export interface FormTextareaProps<V> extends Omit<TextareaProps, "form" | "name"> {
  /** The Mantine form (only its field binding is used). */
  form: Pick<UseFormReturnType<V>, "getInputProps">;
  /** The form's field it shows and changes (its error shows beneath). */
  name: LooseKeys<V>;
  testId?: string;
}

/**
 * A text area bound to one field of a Mantine form that grows with its text from `minRows` (two) rows: the note,
 * description and statement fields that the forms wrote as an autosized Textarea and a `getInputProps` spread.
 */
export function FormTextarea<V>({ form, name, testId, minRows = 2, ...props }: FormTextareaProps<V>) {
  return (
    <Textarea autosize minRows={minRows} {...props} data-testid={testId} {...form.getInputProps(name)} />
  );
}
