import { MultiSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlanDetail } from "../types";

/** The props of a dialog that adds items to a programme; the programme's plan (if any) has the objectives. */
export interface ItemDialogProps {
  programmeId: string;
  planId: string | null;
  opened: boolean;
  onClose: () => void;
}

/** The objectives of the programme's plan that the new items serve. */
export function ObjectivesSelect({
  objectives = [],
  value,
  onChange,
}: {
  objectives: PlanDetail["objectives"] | undefined;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation("programmes");
  return (
    <MultiSelect
      label={t("plans.objectives")}
      value={value}
      onChange={onChange}
      data={objectives.map((objective) => ({
        value: objective.id,
        label: `${objective.code} — ${objective.title}`,
      }))}
    />
  );
}
