import { Button, Group } from "@mantine/core";
import type { ReactNode } from "react";

export interface FormButtonsProps {
  /** The submit button's words (each form says "save", "create", "grant"… in its own namespace). */
  submit: ReactNode;
  /** True while the form's write runs: the button shows it and cannot be pressed twice. */
  loading: boolean;
  testId?: string;
  /** A cancel button before the submit one (the modal's close), with its words. */
  cancel?: { label: ReactNode; onClick: () => void; testId?: string };
}

/** The foot of a form, right-aligned: an optional cancel, then submit. Written once for the app's forms. */
export function FormButtons({ submit, loading, testId, cancel }: FormButtonsProps) {
  return (
    <Group justify="flex-end">
      {cancel && (
        <Button variant="default" onClick={cancel.onClick} data-testid={cancel.testId}>
          {cancel.label}
        </Button>
      )}
      <Button type="submit" loading={loading} data-testid={testId}>
        {submit}
      </Button>
    </Group>
  );
}
