import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Ref } from "../../shared/api";
import type { ActionItem, ActionStatus, SeriesRef } from "./api";

const STATUS_COLOURS: Record<ActionStatus, string> = {
  open: "blue",
  in_progress: "yellow",
  done: "green",
  cancelled: "gray",
};

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation("meetings");
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-testid={`action-status-${status}`}>
      {t(`actionStatus.${status}`)}
    </Badge>
  );
}

export function OverdueBadge({ item }: { item: Pick<ActionItem, "overdue"> }) {
  const { t } = useTranslation("meetings");
  if (!item.overdue) return null;
  return (
    <Badge color="red" variant="filled" data-testid="overdue-badge">
      {t("actions.overdue")}
    </Badge>
  );
}

export const partyName = (item: { assigneeNation: Ref | null; assigneeOrganisation: Ref | null }) =>
  item.assigneeOrganisation?.code ?? item.assigneeNation?.code ?? "";

export function seriesTitle(series: Pick<SeriesRef, "titleEn" | "titleAz" | "titleRu">, language: string) {
  if (language === "ru" && series.titleRu) return series.titleRu;
  if (language === "az" && series.titleAz) return series.titleAz;
  return series.titleEn;
}
