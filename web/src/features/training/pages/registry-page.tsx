import { Badge, Group, Select, Stack, Switch, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../../shared/i18n/format";
import {
  DataTable,
  type DataTableColumn,
  EmptyState,
  ListPageHeader,
  listSwitch,
  QueryBoundary,
  useListParams,
} from "../../../shared/ui";
import { useQualifications, useRegistry } from "../api";
import { localTitle, personName } from "../local";
import type { RegistryEntry } from "../types";

const ALERT_DAYS = 90;

export function RegistryPage() {
  const { t } = useTranslation("training");
  const format = useFormat();
  const list = useListParams({ defaultSort: "", filters: ["qualification", "validOn", "expiring"] as const });
  const qualifications = useQualifications();
  const qualification = list.filters.qualification || qualifications.data?.[0]?.code || "";
  const current = qualifications.data?.find((q) => q.code === qualification);
  const query = {
    qualification,
    validOn: list.filters.validOn || undefined,
    expiringWithinDays: list.filters.expiring === "true" ? ALERT_DAYS : undefined,
    limit: list.query.limit,
    offset: list.query.offset,
  };
  const registry = useRegistry(query);
  const columns: DataTableColumn<RegistryEntry>[] = [
    { key: "person", header: t("registry.person"), render: (e) => personName(e) },
    { key: "nation", header: t("registry.nation"), width: 90, render: (e) => e.nationCode },
    { key: "certificate", header: t("registry.certificate"), render: (e) => e.certificateNumber },
    {
      key: "validUntil",
      header: t("registry.validUntil"),
      render: (e) => (
        <Group gap="xs">
          <Text size="sm">{e.validUntil ? format.date(e.validUntil) : "—"}</Text>
          {e.expiringSoon && (
            <Badge color="orange" variant="light" data-testid="expiring-soon">
              {t("registry.expiringSoon")} · {t("registry.daysLeft", { count: e.daysLeft ?? 0 })}
            </Badge>
          )}
        </Group>
      ),
    },
  ];
  return (
    <>
      <ListPageHeader
        title={t("registry.title")}
        description={t("registry.description")}
        download={qualification ? { kind: "registry", filters: query } : undefined}
      />
      <Stack>
        <Group align="flex-end" wrap="wrap">
          <Select
            label={t("registry.qualification")}
            placeholder={t("common:list.choose")}
            w={{ base: "100%", sm: 320 }}
            data-testid="registry-qualification"
            value={qualification || null}
            allowDeselect={false}
            onChange={(value) => list.setFilter("qualification", value)}
            // The count of holders goes below, as a sentence: inside the box it was cut off to a bare number.
            description={
              current ? (
                <span data-testid="registry-holders">
                  {t("registry.holders", { count: current.holders })}
                </span>
              ) : undefined
            }
            data={(qualifications.data ?? []).map((q) => ({
              value: q.code,
              label: localTitle(q.name, format.language),
            }))}
          />
          <TextInput
            type="date"
            label={t("registry.validOn")}
            data-testid="registry-valid-on"
            value={list.filters.validOn}
            onChange={(event) => list.setFilter("validOn", event.currentTarget.value || null)}
          />
          <Switch
            mb={8}
            label={t("registry.expiringOnly", { days: ALERT_DAYS })}
            {...listSwitch(list, "expiring")}
          />
        </Group>
        <QueryBoundary query={registry}>
          {(page) => (
            <>
              <Text size="sm" c="dimmed" data-testid="registry-total">
                {t("registry.total", { count: page.total })}
              </Text>
              <DataTable
                data-testid="registry-table"
                columns={columns}
                rows={page.items}
                rowKey={(e) => e.certificateId}
                total={page.total}
                limit={page.limit}
                offset={page.offset}
                onOffsetChange={list.setOffset}
                empty={<EmptyState description={t("registry.empty")} />}
              />
            </>
          )}
        </QueryBoundary>
      </Stack>
    </>
  );
}
