import { Badge, Select, type SelectProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Ref } from "../../shared/api";
import { useFormat } from "../../shared/i18n/format";
import { type FilteredList, listFilter, StatusBadge } from "../../shared/ui";
import { type ActionItem, type ActionStatus, type SeriesRef, useSeries } from "./api";

const STATUS_COLOURS: Record<ActionStatus, string> = {
  open: "blue",
  in_progress: "yellow",
  done: "green",
  cancelled: "gray",
};

export const ActionStatusBadge = ({ status }: { status: ActionStatus }) => (
  <StatusBadge
    status={status}
    words="meetings:actionStatus"
    colours={STATUS_COLOURS}
    testId={`action-status-${status}`}
  />
);

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

type TitledSeries = Pick<SeriesRef, "titleEn" | "titleAz" | "titleRu"> & { id: string };

/** Meeting series as a select's options, each titled in the language of the page. */
export const seriesOptions = (series: TitledSeries[], language: string) =>
  series.map((s) => ({ value: s.id, label: seriesTitle(s, language) }));

/** A list's filter on one meeting series (every series while it is empty). */
export function SeriesFilter({
  list,
  w,
  testId,
}: {
  list: FilteredList<"seriesId">;
  w: SelectProps["w"];
  testId: string;
}) {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const series = useSeries();
  return (
    <Select
      label={t("list.series")}
      searchable
      placeholder={t("list.allSeries")}
      clearable
      w={w}
      {...listFilter(list, "seriesId")}
      data={seriesOptions(series.data?.items ?? [], format.language)}
      data-testid={testId}
    />
  );
}
