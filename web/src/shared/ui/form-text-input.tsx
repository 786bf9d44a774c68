import { TextInput, type TextInputProps } from "@mantine/core";
import type { LooseKeys, UseFormReturnType } from "@mantine/form";

export interface FormTextInputProps<V> extends Omit<TextInputProps, "form" | "name"> {
  /** The Mantine form (only its field binding is used). */
  form: Pick<UseFormReturnType<V>, "getInputProps">;
  /** The form's field it shows and changes (its error shows beneath). */
  name: LooseKeys<V>;
  testId?: string;
}

/** A text input bound to one field of a Mantine form: the `getInputProps` spread that the forms wrote each time. */
export function FormTextInput<V>({ form, name, testId, ...props }: FormTextInputProps<V>) {
  return <TextInput {...props} data-testid={testId} {...form.getInputProps(name)} />;
}
