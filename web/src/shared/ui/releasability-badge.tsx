import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ReleasabilityLevel } from "../api";

const COLORS: Record<ReleasabilityLevel, string> = {
  public: "green",
  internal: "blue",
  restricted: "orange",
};

export const RELEASABILITY_LEVELS: ReleasabilityLevel[] = ["public", "internal", "restricted"];

/** Who may see a record: public (anyone), internal (any signed-in user), restricted (owner and named releases). */
export function ReleasabilityBadge({
  level,
  ...rest
}: { level: ReleasabilityLevel } & Omit<BadgeProps, "children">) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[level] ?? "gray"} variant="light" data-testid="releasability-badge" {...rest}>
      {t(`releasability.${level}`)}
    </Badge>
  );
}
