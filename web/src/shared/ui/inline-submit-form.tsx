import { Button, Group, type MantineSpacing } from "@mantine/core";
import type { ComponentPropsWithoutRef, FormEventHandler, ReactNode } from "react";

export interface InlineSubmitFormProps
  extends Omit<ComponentPropsWithoutRef<"form">, "onSubmit" | "children"> {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The submit button at the end of the row: its words, and whether the form's write runs. */
  submit: { label: ReactNode; loading: boolean };
  /** Space above the row (under the list it adds to). */
  mt?: MantineSpacing;
  /** The fields, in one row. */
  children: ReactNode;
}

/**
 * A small form of one row: its fields, then its submit button, aligned on their inputs. The browser's own
 * validation is off: the form's messages and the server's field errors show beside the fields.
 */
export function InlineSubmitForm({ onSubmit, submit, mt, children, ...form }: InlineSubmitFormProps) {
  return (
    <form noValidate onSubmit={onSubmit} {...form}>
      <Group align="flex-end" mt={mt}>
        {children}
        <Button type="submit" loading={submit.loading}>
          {submit.label}
        </Button>
      </Group>
    </form>
  );
}
