import { Group, Select, Stack, Switch } from "@mantine/core";
import { useTranslation } from "react-i18next";
import {
  ListPageHeader,
  listFilter,
  listSwitch,
  optionsUnder,
  PagedQuery,
  useListParams,
} from "../../../shared/ui";
import { ActionTable } from "../action-table";
import { ACTION_ITEM_STATUSES, useActionItems } from "../api";
import { SeriesFilter } from "../components";

export function ActionTrackerPage() {
  const { t } = useTranslation("meetings");
  const list = useListParams({
    defaultSort: "deadline",
    filters: ["seriesId", "status", "overdue"] as const,
    limit: 50,
  });
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
          <SeriesFilter list={list} w={{ base: "100%", sm: 420 }} testId="tracker-series" />
          <Select
            label={t("actions.status")}
            placeholder={t("actions.anyStatus")}
            clearable
            w={{ base: "100%", sm: 200 }}
            {...listFilter(list, "status")}
            data={[
              { value: "not_closed", label: t("actions.notClosed") },
              ...optionsUnder(t, "actionStatus", ACTION_ITEM_STATUSES),
            ]}
          />
          <Switch
            label={t("actions.overdueOnly")}
            {...listSwitch(list, "overdue")}
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
