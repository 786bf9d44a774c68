import { TextInput } from "@mantine/core";
import type { GetInputPropsReturnType } from "@mantine/form";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "../../../shared/ui";

export interface DateFieldState {
  value: string;
  onValue: (value: string) => void;
  error?: ReactNode;
  testId: string;
}

/** The "From" and "Until" date fields of an inline form (a rotation's, a conference's), each bound to a state. */
export function FromUntilFields({ from, until }: { from: DateFieldState; until: DateFieldState }) {
  const { t } = useTranslation("operations");
  return (
    <>
      <TextField type="date" label={t("contingents.from")} {...from} />
      <TextField type="date" label={t("contingents.until")} {...until} />
    </>
  );
}

const WORDS = {
  fromUntil: ["contingents.from", "contingents.until"],
  startsEnds: ["authoring.startsOn", "authoring.endsOn"],
} as const;

/**
 * A start and an end date in a Mantine form, bound to its fields `<at>startsOn` and `<at>endsOn` (`at` names a
 * line of a list, `stages.0.`): "From" and "Until", or "Starts on" and "Ends on" (`words`); which of the two must
 * be given is `required`.
 */
export function FromUntilInputs({
  form,
  at = "",
  words = "fromUntil",
  required = "from",
  testIds,
}: {
  form: { getInputProps(path: string): GetInputPropsReturnType };
  at?: string;
  words?: keyof typeof WORDS;
  required?: "from" | "both" | "none";
  /** Of the start and of the end. */
  testIds: [string, string];
}) {
  const { t } = useTranslation("operations");
  return (
    <>
      <TextInput
        type="date"
        label={t(WORDS[words][0])}
        required={required !== "none"}
        data-testid={testIds[0]}
        {...form.getInputProps(`${at}startsOn`)}
      />
      <TextInput
        type="date"
        label={t(WORDS[words][1])}
        required={required === "both"}
        data-testid={testIds[1]}
        {...form.getInputProps(`${at}endsOn`)}
      />
    </>
  );
}
