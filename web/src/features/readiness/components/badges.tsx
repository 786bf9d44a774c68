import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../../shared/ui";
import type { EvaluationState, Outcome } from "../types";

const STATE_COLOURS: Record<EvaluationState, string> = {
  planned: "gray",
  in_progress: "blue",
  reported: "teal",
  cancelled: "red",
};

export const StateBadge = ({ state }: { state: EvaluationState }) => (
  <StatusBadge status={state} words="readiness:states" colours={STATE_COLOURS} testId="evaluation-state" />
);

export function OutcomeBadge({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation("readiness");
  if (!outcome) return null;
  const good = outcome === "combat_ready" || outcome === "meets_standards";
  return (
    <Badge color={good ? "green" : "orange"} data-testid="evaluation-outcome">
      {t(`outcomes.${outcome}`)}
    </Badge>
  );
}
