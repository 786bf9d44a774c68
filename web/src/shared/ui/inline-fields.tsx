import { Button, Group, TextInput, type TextInputProps } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import type { ReactNode } from "react";

export interface TextFieldProps extends Omit<TextInputProps, "value" | "onChange"> {
  value: string;
  /** Called with the new text on every change. */
  onValue: (value: string) => void;
  testId?: string;
}

/** A text input bound to a string state: `onValue` gets the text itself rather than the change event. */
export function TextField({ onValue, testId, ...props }: TextFieldProps) {
  return (
    <TextInput {...props} onChange={(event) => onValue(event.currentTarget.value)} data-testid={testId} />
  );
}

export interface InlineAddFormProps {
  /** `data-testid` of the row. */
  testId?: string;
  /** The fields, in a wrapping row. */
  children: ReactNode;
  /** The add button at the end of the row: its words, action, state and test id. */
  submit: { label: ReactNode; onClick: () => void; disabled?: boolean; loading?: boolean; testId?: string };
}

/** A row of fields under a section's list with a "+ Add" button at its end (wraps on a phone). */
export function InlineAddForm({ testId, children, submit }: InlineAddFormProps) {
  return (
    <Group align="flex-end" mt="md" wrap="wrap" data-testid={testId}>
      {children}
      <Button
        leftSection={<IconPlus size={14} />}
        onClick={submit.onClick}
        disabled={submit.disabled}
        loading={submit.loading}
        data-testid={submit.testId}
      >
        {submit.label}
      </Button>
    </Group>
  );
}

export interface SmallAddButtonProps {
  children: ReactNode;
  onClick: () => void;
  /** `subtle` for "add a line" inside a form, `default` for a secondary add; filled otherwise. */
  variant?: "subtle" | "default";
  testId?: string;
}

/** The small "+ Add …" button of a section header or of a form's list of lines. */
export function SmallAddButton({ children, onClick, variant, testId }: SmallAddButtonProps) {
  return (
    <Button
      variant={variant}
      size="xs"
      leftSection={<IconPlus size={14} />}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
