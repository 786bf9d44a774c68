import { Anchor, Badge, Group, Stack, Tabs, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  type DataTableColumn,
  EmptyState,
  ListPageHeader,
  NewRecordLink,
  SearchInput,
  useListParams,
} from "../../../shared/ui";
import { RecordListTable } from "../../../shared/ui/record-list-table";
import { type MessageSummary, useCounts, useMessages } from "../api";

const BOXES = ["inbox", "sent", "all"] as const;
type Box = (typeof BOXES)[number];

export function ExchangePage() {
  const { t } = useTranslation("exchange");
  const format = useFormat();
  const list = useListParams({ defaultSort: "-sentAt", filters: ["box"] as const });
  const box = (list.filters.box || "inbox") as Box;
  const counts = useCounts();
  const query = { box, q: list.q || undefined, limit: list.limit, offset: list.offset };
  const messages = useMessages(query);

  const columns: DataTableColumn<MessageSummary>[] = [
    {
      key: "subject",
      header: t("subject"),
      render: (m) => (
        <Group gap="xs">
          <Anchor
            component={Link}
            to={`/exchange/${m.id}`}
            fw={m.awaitingMyAcknowledgement ? 700 : undefined}
            data-testid="message-link"
          >
            {m.subject}
          </Anchor>
          {m.awaitingMyAcknowledgement && (
            <Badge color="orange" size="xs" data-testid="awaiting-badge">
              {t("awaiting")}
            </Badge>
          )}
          {m.forwardedFromId && (
            <Badge size="xs" variant="outline">
              {t("forwarded")}
            </Badge>
          )}
          {m.sample && (
            <Badge size="xs" color="gray" variant="outline">
              {t("sample")}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: "from", header: t("from"), render: (m) => m.sender.code },
    { key: "to", header: t("to"), render: (m) => m.recipients.map((r) => r.party.code).join(", ") },
    {
      key: "receipts",
      header: t("receipts"),
      render: (m) => (
        <Text size="sm" data-testid="receipt-count">
          {t("acknowledged", {
            count: m.recipients.filter((r) => r.acknowledgedAt).length,
            total: m.recipients.length,
          })}
        </Text>
      ),
    },
    { key: "sentAt", header: t("sentAt"), render: (m) => format.dateTime(m.sentAt) },
  ];

  // A box's tab, with its count once the counts are in ("all" counts every message the user may read).
  const boxCounts = { inbox: counts.data?.inbox, sent: counts.data?.sent, all: counts.data?.visible };
  const label = (name: Box) => (boxCounts[name] === undefined ? t(name) : `${t(name)} (${boxCounts[name]})`);

  return (
    <>
      <ListPageHeader
        title={t("title")}
        description={t("description")}
        download={{ kind: "exchange-messages", filters: query }}
      >
        <NewRecordLink to="/exchange/new" testId="exchange-compose">
          {t("compose")}
        </NewRecordLink>
      </ListPageHeader>
      <Stack>
        <Tabs value={box} onChange={(value) => list.setFilter("box", value)}>
          <Tabs.List>
            {BOXES.map((name) => (
              <Tabs.Tab key={name} value={name} data-testid={`tab-${name}`}>
                {label(name)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <SearchInput value={list.q} onChange={list.setQ} w={320} data-testid="exchange-search" />
        <RecordListTable
          query={messages}
          list={list}
          data-testid="messages-table"
          columns={columns}
          empty={<EmptyState title={t("empty")} />}
        />
      </Stack>
    </>
  );
}
