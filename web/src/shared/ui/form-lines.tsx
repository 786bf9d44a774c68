import { Group, type GroupProps, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { SmallAddButton } from "./inline-fields";

export interface FormLinesProps<T> {
  /** The list's heading, above its lines. */
  title: ReactNode;
  lines: T[];
  /** One line's fields, and its remove button (a RemoveLineButton) when it has one. */
  children: (line: T, index: number) => ReactNode;
  /** How a line's fields line up in their row. */
  align?: GroupProps["align"];
  wrap?: GroupProps["wrap"];
  /** `data-testid` of the line at `index`. */
  lineTestId?: (index: number) => string;
  /** Said, dimmed, when there are no lines. */
  empty?: { label: ReactNode; testId?: string };
  /** The form's error of the list as a whole, under the lines. */
  error?: ReactNode;
  errorTestId?: string;
  /** The "+ Add" button under the lines: its words, what it adds, its test id. */
  add: { label: ReactNode; onClick: () => void; testId?: string };
}

/**
 * A form's list of lines that are edited, added and removed in place (a rotation's strength by category, a
 * nation's contributions, an exercise's stages): the heading, a row of fields a line, the list's error and the
 * add button, which the dialogs wrote each time around their own fields.
 */
export function FormLines<T>({
  title,
  lines,
  children,
  align,
  wrap,
  lineTestId,
  empty,
  error,
  errorTestId,
  add,
}: FormLinesProps<T>) {
  return (
    <>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {lines.length === 0 && empty && (
        <Text size="sm" c="dimmed" data-testid={empty.testId}>
          {empty.label}
        </Text>
      )}
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their place
        <Group key={index} align={align} wrap={wrap} data-testid={lineTestId?.(index)}>
          {children(line, index)}
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red" data-testid={errorTestId}>
          {error}
        </Text>
      )}
      <Group>
        <SmallAddButton variant="subtle" onClick={add.onClick} testId={add.testId}>
          {add.label}
        </SmallAddButton>
      </Group>
    </>
  );
}
