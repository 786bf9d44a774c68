import type { LooseKeys, UseFormReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { FormTextInput } from "./form-text-input";

export interface FormPeriodInputsProps<V> {
  /** The Mantine form (only its field binding is used). */
  form: Pick<UseFormReturnType<V>, "getInputProps">;
  /** A day, or a day and a time. */
  type: "date" | "datetime-local";
  /** The form's fields of the start and of the end. */
  names: [LooseKeys<V>, LooseKeys<V>];
  labels: [ReactNode, ReactNode];
  testIds?: [string, string];
  required?: boolean;
}

/**
 * The start and end inputs of a period (an event's dates, a session's times), side by side in whatever row or grid
 * holds them: the pair of FormTextInputs that the forms wrote one after the other.
 */
export function FormPeriodInputs<V>({
  form,
  type,
  names,
  labels,
  testIds,
  required,
}: FormPeriodInputsProps<V>) {
  return (
    <>
      {names.map((name, index) => (
        <FormTextInput
          key={String(name)}
          form={form}
          name={name}
          type={type}
          required={required}
          label={labels[index]}
          testId={testIds?.[index]}
        />
      ))}
    </>
  );
}
