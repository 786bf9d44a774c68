import { Group, Select, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { ListPageHeader, PagedQuery, useListParams } from "../../../shared/ui";
import { ActionTable } from "../action-table";
import { ACTION_STATUSES, useActionItems, useSeries } from "../api";
import { seriesTitle } from "../components";

export function ActionTrackerPage() {
  const { t } = useTranslation("meetings");
  const format = useFormat();
  const list = useListParams({
    defaultSort: "deadline",
    filters: ["seriesId", "status", "overdue"] as const,
    limit: 50,
  });
  const series = useSeries();
  const query = {
    seriesId: list.filters.seriesId || undefined,
    status: list.filters.status || undefined,
    overdue: list.filters.overdue === "true" ? true : undefined,
    limit: list.limit,
    offset: list.offset,
  };
  const items = useActionItems(query);
  return (
    <>
      <ListPageHeader
        title={t("actions.title")}
        description={t("actions.description")}
        download={{ kind: "action-items", filters: query }}
      />
      <Stack>
        <Group align="flex-end">
          <Select
            label={t("list.series")}
            searchable
            placeholder={t("list.allSeries")}
            clearable
            w={{ base: "100%", sm: 420 }}
            value={list.filters.seriesId || null}
            onChange={(value) => list.setFilter("seriesId", value)}
            data={(series.data?.items ?? []).map((s) => ({
              value: s.id,
              label: seriesTitle(s, format.language),
            }))}
            data-testid="tracker-series"
          />
          <Select
            label={t("actions.status")}
            placeholder={t("actions.anyStatus")}
            clearable
            w={{ base: "100%", sm: 200 }}
            value={list.filters.status || null}
            onChange={(value) => list.setFilter("status", value)}
            data={[
              { value: "not_closed", label: t("actions.notClosed") },
              ...ACTION_STATUSES.map((s) => ({ value: s, label: t(`actionStatus.${s}`) })),
            ]}
          />
          <Switch
            label={t("actions.overdueOnly")}
            checked={list.filters.overdue === "true"}
            onChange={(e) => list.setFilter("overdue", e.currentTarget.checked ? "true" : null)}
            data-testid="tracker-overdue"
          />
        </Group>
        <PagedQuery query={items} onOffsetChange={list.setOffset}>
          {(rows) => <ActionTable items={rows} testId="tracker-table" />}
        </PagedQuery>
      </Stack>
    </>
  );
}
