import { Alert, Anchor, Button, Code, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconDownload, IconShieldCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime, useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  DownloadMenu,
  EmptyState,
  ListTable,
  notifyError,
  PageHeader,
  useListParams,
} from "../../../shared/ui";
import { type AuditEntry, type AuditFilters, exportUrl, useAuditEntries, useVerifyChain } from "../api";
import { LogProof } from "../log-proof";

const FILTERS = ["actor", "recordType", "recordId", "action", "from", "to"] as const;

/**
 * The filters typed as text: each is taken when its field loses focus (not at each key), and its field starts
 * again (a new key) when the filter changes under it, as a click on an actor or record type in the table does.
 */
const TEXT_FILTERS = [
  { name: "actor", width: 180, testId: "audit-actor" },
  { name: "recordType", width: 160, testId: "audit-record-type" },
  { name: "recordId", width: 300, testId: "audit-record-id" },
  { name: "action", width: 180, testId: "audit-action" },
] as const;

/** A calendar day as the start of that day (from) or of the next day (until), in UTC. */
const dayStart = (day: string, plusDays = 0) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString();
};

function Change({ diff }: { diff: AuditEntry["diff"] }) {
  const fields = Object.keys({ ...diff.before, ...diff.after });
  const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));
  return (
    <Stack gap={2}>
      {fields.slice(0, 8).map((field) => (
        <Text key={field} size="xs" ff="monospace">
          {field}: {diff.before ? `${show(diff.before[field])} → ` : ""}
          {show(diff.after?.[field])}
        </Text>
      ))}
      {fields.length > 8 && <Text size="xs">…</Text>}
      {diff.detail && (
        <Text size="xs" c="dimmed" ff="monospace">
          {JSON.stringify(diff.detail)}
        </Text>
      )}
    </Stack>
  );
}

export function AuditPage() {
  const { t } = useTranslation("audit");
  const { language } = useFormat();
  const list = useListParams({ defaultSort: "-seq", filters: FILTERS, limit: 50 });
  const { filters } = list;
  const apiFilters: AuditFilters = {
    actor: filters.actor || undefined,
    recordType: filters.recordType || undefined,
    recordId: filters.recordId || undefined,
    action: filters.action || undefined,
    from: dayStart(filters.from),
    to: dayStart(filters.to, 1),
  };
  const entries = useAuditEntries({ ...apiFilters, limit: list.limit, offset: list.offset });
  const verify = useVerifyChain();

  const columns: DataTableColumn<AuditEntry>[] = [
    { key: "seq", header: "#", render: (entry) => entry.seq, width: 70 },
    {
      key: "time",
      header: t("time"),
      render: (entry) => formatDateTime(entry.occurredAt, language),
      width: 170,
    },
    {
      key: "actor",
      header: t("actor"),
      render: (entry) => (
        <Anchor component="button" size="sm" onClick={() => list.setFilter("actor", entry.actorLabel)}>
          {entry.actorLabel}
        </Anchor>
      ),
    },
    { key: "action", header: t("action"), render: (entry) => <Code>{entry.action}</Code> },
    {
      key: "record",
      header: t("recordType"),
      render: (entry) => (
        <Anchor
          component="button"
          size="sm"
          onClick={() => {
            list.setFilter("recordType", entry.recordType);
            if (entry.recordId) list.setFilter("recordId", entry.recordId);
          }}
        >
          {entry.recordType}
          {entry.recordId ? ` ${entry.recordId.slice(0, 8)}` : ""}
        </Anchor>
      ),
    },
    { key: "change", header: t("change"), render: (entry) => <Change diff={entry.diff} /> },
    {
      key: "request",
      header: t("requestId"),
      render: (entry) => (
        <Text size="xs" c="dimmed" ff="monospace">
          {entry.requestId?.slice(0, 12)}
        </Text>
      ),
    },
    { key: "log", header: t("log"), render: (entry) => <LogProof seq={entry.seq} />, width: 190 },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Group>
            <DownloadMenu kind="audit" filters={apiFilters} />
            <Button
              component="a"
              href={exportUrl(apiFilters)}
              variant="light"
              leftSection={<IconDownload size={16} />}
              data-testid="audit-export"
            >
              {t("exportCsv")}
            </Button>
            <Button
              leftSection={<IconShieldCheck size={16} />}
              loading={verify.isPending}
              onClick={() => verify.mutate(undefined, { onError: (error) => notifyError(error, t) })}
              data-testid="audit-verify"
            >
              {t("verify")}
            </Button>
          </Group>
        }
      />
      <Stack>
        {verify.data && (
          <Alert color={verify.data.ok ? "green" : "red"} data-testid="audit-verdict">
            {verify.data.ok
              ? t("verified", { entries: verify.data.entries })
              : t("broken", { seq: verify.data.brokenAt, reason: verify.data.reason })}
          </Alert>
        )}
        <Group align="flex-end" wrap="wrap">
          {TEXT_FILTERS.map(({ name, width, testId }) => (
            <TextInput
              key={`${name}-${filters[name]}`}
              label={t(name)}
              placeholder={t(`${name}Placeholder`)}
              title={name === "action" ? t("actionHint") : undefined}
              defaultValue={filters[name]}
              onBlur={(event) => list.setFilter(name, event.currentTarget.value.trim() || null)}
              w={width}
              data-testid={testId}
            />
          ))}
          {(["from", "to"] as const).map((name) => (
            <TextInput
              key={name}
              type="date"
              label={t(name)}
              value={filters[name]}
              onChange={(event) => list.setFilter(name, event.currentTarget.value || null)}
              data-testid={`audit-${name}`}
            />
          ))}
          <Button
            variant="subtle"
            onClick={() => {
              for (const name of FILTERS) list.setFilter(name, null);
            }}
          >
            {t("clear")}
          </Button>
        </Group>
        <ListTable
          query={entries}
          list={list}
          data-testid="audit-table"
          columns={columns}
          rowKey={(entry) => String(entry.seq)}
          rowTestId={(entry) => `audit-row-${entry.seq}`}
          empty={<EmptyState description={t("empty")} />}
        />
      </Stack>
    </>
  );
}
