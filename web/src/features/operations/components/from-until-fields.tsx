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
