import { Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import type { PeriodJoin } from "../types";
import { JoinBadge } from "./shared";

/** Gaps and overlaps between consecutive periods, per pair of sources when the sources disagree. */
export function JoinsList({ joins }: { joins: PeriodJoin[] }) {
  const { t } = useTranslation("programmes");
  const format = useFormat();
  if (joins.length === 0) return <Text c="dimmed">{t("common.none")}</Text>;
  return (
    <Stack gap="sm" data-testid="period-joins">
      {joins.map((join) => (
        <div
          key={`${join.earlierPeriodId}-${join.laterPeriodId}`}
          data-testid={`join-${join.earlierLabel}-${join.laterLabel}`}
        >
          <Group gap="xs">
            <Text fw={600}>{t("joins.reading", { earlier: join.earlierLabel, later: join.laterLabel })}</Text>
            <JoinBadge kind={join.kind} />
          </Group>
          {(join.kind === "depends_on_source" || join.kind === "gap" || join.kind === "overlap") && (
            <List size="sm" spacing={2} ml="md">
              {join.readings.map((reading) => (
                <List.Item key={`${reading.earlierSource}|${reading.laterSource}`}>
                  <Group gap={6}>
                    <JoinBadge kind={reading.kind} />
                    {reading.from && (
                      <Text size="sm">
                        {format.date(reading.from)} – {format.date(reading.to)} (
                        {t("joins.days", { count: reading.days })})
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {reading.earlierSource === reading.laterSource
                        ? reading.laterSource
                        : `${reading.earlierSource} / ${reading.laterSource}`}
                    </Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      ))}
    </Stack>
  );
}
