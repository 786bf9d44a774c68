import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type Page } from "../../../shared/api";
import { formatDateTime, useFormat } from "../../../shared/i18n/format";
import { labelsUnder, PageHeader, TableHead } from "../../../shared/ui";

interface OutboxItem {
  id: string;
  kind: string;
  toAddress: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
  subject: string | null;
  createdAt: string;
}
type OutboxPage = Page<OutboxItem> & { counts: Record<string, number>; catcher: boolean };
interface Caught {
  id: number;
  messageId: string;
  toAddress: string;
  subject: string;
  caughtAt: string;
}

const COLORS = { pending: "yellow", sending: "blue", sent: "green", failed: "red" } as const;

/** Administration → Outgoing mail: the outbox with its states, retry of parked messages, and the demo's catcher. */
export function OutgoingMailPage() {
  const { t } = useTranslation("admin");
  const { language } = useFormat();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<string | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const outbox = useQuery({
    queryKey: ["admin", "mail", status],
    queryFn: ({ signal }) =>
      api.get<OutboxPage>("/api/admin/mail", { limit: 50, ...(status ? { status } : {}) }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const caught = useQuery({
    queryKey: ["admin", "mail", "caught"],
    queryFn: ({ signal }) => api.get<Page<Caught>>("/api/admin/mail/caught", { limit: 50 }, signal),
    refetchInterval: 5000,
  });
  const source = useQuery({
    queryKey: ["admin", "mail", "caught", shown],
    queryFn: ({ signal }) =>
      api.get<Caught & { raw: string }>(`/api/admin/mail/caught/${shown}`, undefined, signal),
    enabled: shown !== null,
  });
  const retry = useMutation({
    mutationFn: (id: string | null) =>
      api.post<{ retried: number }>(id ? `/api/admin/mail/${id}/retry` : "/api/admin/mail/retry-failed", {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["admin", "mail"] }),
  });
  const counts = outbox.data?.counts ?? {};
  return (
    <>
      <PageHeader
        title={t("mail.title")}
        description={t("mail.description")}
        actions={
          (counts.failed ?? 0) > 0 && (
            <Button color="red" variant="light" onClick={() => retry.mutate(null)} loading={retry.isPending}>
              {t("mail.retryAll")}
            </Button>
          )
        }
      />
      <Stack>
        {outbox.data?.catcher && <Alert color="blue">{t("mail.catcher")}</Alert>}
        <Group>
          <Select
            aria-label={t("mail.status")}
            placeholder={t("mail.any")}
            clearable
            data={["pending", "sending", "sent", "failed"].map((s) => ({
              value: s,
              label: `${s} (${counts[s] ?? 0})`,
            }))}
            value={status}
            onChange={setStatus}
            w={220}
            data-testid="mail-status"
          />
        </Group>
        <ScrollArea>
          <Table striped data-testid="mail-outbox">
            <TableHead
              columns={[...labelsUnder(t, "mail", ["status", "to", "subject", "attempts", "created"]), null]}
            />
            <Table.Tbody>
              {(outbox.data?.items ?? []).map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Badge color={COLORS[item.status]} variant="light">
                      {item.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.toAddress}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.subject ?? item.kind}</Text>
                    {item.lastError && (
                      <Text size="xs" c="red">
                        {t("mail.error")}: {item.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{item.attempts}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt, language)}</Table.Td>
                  <Table.Td>
                    {item.status === "failed" && (
                      <Button size="xs" variant="light" onClick={() => retry.mutate(item.id)}>
                        {t("mail.retry")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {outbox.data && outbox.data.items.length === 0 && <Text c="dimmed">{t("mail.empty")}</Text>}
        {outbox.data?.catcher && (
          <>
            <Title order={2} size="h4">
              {t("mail.caught")}
            </Title>
            <Table striped data-testid="mail-caught">
              <Table.Tbody>
                {(caught.data?.items ?? []).map((item) => (
                  <Table.Tr key={item.id} style={{ cursor: "pointer" }} onClick={() => setShown(item.id)}>
                    <Table.Td>{formatDateTime(item.caughtAt, language)}</Table.Td>
                    <Table.Td>{item.toAddress}</Table.Td>
                    <Table.Td>{item.subject}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t("mail.source")} size="xl">
        <Code block style={{ whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
          {source.data?.raw ?? ""}
        </Code>
      </Modal>
    </>
  );
}
