import { Textarea, type TextareaProps } from "@mantine/core";
import { useState } from "react";

export interface ReasonTextareaProps
  extends Omit<TextareaProps, "value" | "onChange" | "required" | "autosize" | "minRows"> {
  value: string;
  /** The words as typed (untrimmed). */
  onValue: (value: string) => void;
  testId: string;
}

/**
 * The reason a step requires (a cancellation, a rejection, an override of a double booking): a required text
 * area of two lines that grows with its words.
 */
export function ReasonTextarea({ onValue, testId, ...textarea }: ReasonTextareaProps) {
  return (
    <Textarea
      required
      autosize
      minRows={2}
      {...textarea}
      onChange={(event) => onValue(event.currentTarget.value)}
      data-testid={testId}
    />
  );
}

/**
 * A required reason with its message, for a `ReasonTextarea` (`{...reason.field}`): typing clears the message, and
 * `given(message)` is the trimmed reason, or null after showing `message` when the reason is empty.
 */
export function useRequiredReason() {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  return {
    setError,
    field: {
      value,
      error,
      onValue: (next: string) => {
        setValue(next);
        setError(null);
      },
    },
    given: (message: string) => {
      const trimmed = value.trim();
      if (!trimmed) setError(message);
      return trimmed || null;
    },
  };
}
