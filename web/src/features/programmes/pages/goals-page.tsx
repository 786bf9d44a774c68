import { Badge, Group, Select, Switch, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import { LinkCell, ListPageHeader, labelsUnder, PagedRowsTable } from "../../../shared/ui";
import { useGoalCounts, useGoals } from "../api";
import { AreaName } from "../components/area-name";
import { NewGoalButton } from "../components/goal-forms";
import { NationSelect, TitleCell, useNationParam, useProgrammeWriters } from "../components/shared";
import type { GoalStatus } from "../types";

const STATUSES: GoalStatus[] = ["proposed", "agreed", "in_progress", "achieved", "deferred", "cancelled"];

export function GoalsPage() {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  const [nationId, setNationId] = useNationParam();
  const [status, setStatus] = useState<GoalStatus | undefined>();
  const [late, setLate] = useState(false);
  // The page offset belongs to one set of filters: changing a filter starts at the first page.
  const filterKey = `${nationId ?? ""}|${status ?? ""}|${late}`;
  const [paging, setPaging] = useState({ filterKey, offset: 0 });
  const offset = paging.filterKey === filterKey ? paging.offset : 0;
  const query = { nationId, status, late: late || undefined, limit: 50, offset };
  const goals = useGoals(query);
  const counts = useGoalCounts({ nationId });
  const writers = useProgrammeWriters();
  return (
    <>
      <ListPageHeader
        title={t("goals.title")}
        description={t("goals.description")}
        download={{ kind: "partnership-goals", filters: query }}
      >
        {writers.canCreate && <NewGoalButton nationId={nationId} />}
      </ListPageHeader>
      <Group align="flex-end" mb="md">
        <NationSelect value={nationId} onChange={setNationId} />
        <Select
          label={t("common.status")}
          placeholder={t("common:list.any")}
          clearable
          w={{ base: "100%", sm: 200 }}
          value={status ?? null}
          onChange={(value) => setStatus((value as GoalStatus) ?? undefined)}
          data={STATUSES.map((value) => ({ value, label: t(`goalStatus.${value}`) }))}
        />
        <Switch
          label={t("goals.onlyLate")}
          checked={late}
          onChange={(event) => setLate(event.currentTarget.checked)}
          data-testid="goals-late"
        />
        {counts.data && (
          <Text size="sm" c="dimmed" data-testid="goal-counts">
            {t("goals.counts", { total: counts.data.total, late: counts.data.late })}
          </Text>
        )}
      </Group>
      <PagedRowsTable
        query={goals}
        emptyTitle={t("goals.empty")}
        onOffsetChange={(next) => setPaging({ filterKey, offset: next })}
        minWidth={760}
        testId="goals-table"
        columns={labelsUnder(t, "goals", [
          "code",
          "goal",
          "common.area",
          "agreed",
          "target",
          "common.status",
          "rating",
        ])}
      >
        {(goal) => (
          <Table.Tr key={goal.id} data-testid={`goal-row-${goal.code}`}>
            <LinkCell to={`/programmes/goals/${goal.id}`}>{goal.code}</LinkCell>
            <TitleCell title={goal.title} sample={goal.sample} />
            <Table.Td>
              <AreaName code={goal.areaCode} />
            </Table.Td>
            <Table.Td>{goal.agreedYear ?? "—"}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {format.date(goal.targetOn)}
                {goal.late && (
                  <Badge color="red" size="xs">
                    {t("common.late")}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>{t(`goalStatus.${goal.status}`)}</Table.Td>
            <Table.Td>{goal.latestRating ? t(`ratings.${goal.latestRating}`) : "—"}</Table.Td>
          </Table.Tr>
        )}
      </PagedRowsTable>
    </>
  );
}
