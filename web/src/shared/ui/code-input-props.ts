import type { ChangeEvent } from "react";

/** The part of a Mantine form that a code field uses, for a form whose values have a string field `code`. */
interface CodeForm {
  getInputProps: (path: "code") => object;
  setFieldValue: (path: "code", value: string) => void;
}

/**
 * The input props of a record's code field: the form's own, except that what is typed is kept in capitals, since
 * codes (of operations, series, qualifications…) are upper case.
 */
export function codeInputProps(form: CodeForm) {
  return {
    ...form.getInputProps("code"),
    onChange: (event: ChangeEvent<HTMLInputElement>) =>
      form.setFieldValue("code", event.currentTarget.value.toUpperCase()),
  };
}
