import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  ErrorAlert,
  notifyError,
  notifySuccess,
  PageHeader,
  PlainTable,
  RecordPage,
  UploadButton,
} from "../../../shared/ui";
import { useUpload } from "../../meetings/api";
import { type MessageDetail, useAcknowledge, useMessage, useThread } from "../api";
import { ForwardForm } from "../forward-form";
import { MessageCard } from "../message-card";
import { WidenReleaseButton } from "../widen-release";

export function MessagePage() {
  return <RecordPage useRecord={useMessage}>{(data) => <MessageView message={data} />}</RecordPage>;
}

function MessageView({ message }: { message: MessageDetail }) {
  const { t } = useTranslation("exchange");
  const format = useFormat();
  const acknowledge = useAcknowledge(message.id);
  const thread = useThread(message.threadId);
  const upload = useUpload();
  return (
    <>
      <PageHeader
        title={<span data-testid="message-subject">{message.subject}</span>}
        documentTitle={message.subject}
        breadcrumbs={[{ label: t("title"), to: "/exchange" }, { label: message.subject }]}
        description={`${t("from")}: ${message.sender.code} — ${message.sender.nameEn}${message.sentBy ? ` (${message.sentBy})` : ""} · ${format.dateTime(message.sentAt)}`}
        actions={
          message.awaitingMyAcknowledgement && (
            <Button
              leftSection={<IconCheck size={16} />}
              loading={acknowledge.isPending}
              data-testid="acknowledge"
              onClick={async () => {
                await acknowledge.mutateAsync();
                notifySuccess(t("acknowledgedDone"));
              }}
            >
              {t("acknowledge")}
            </Button>
          )
        }
      />
      <Stack>
        {acknowledge.error && <ErrorAlert error={acknowledge.error} />}
        <Card withBorder>
          <Text style={{ whiteSpace: "pre-wrap" }} data-testid="message-body">
            {message.body}
          </Text>
        </Card>
        {(message.attachments.length > 0 || message.canAttach) && (
          <MessageCard title={t("attachments")} testId="attachments">
            <Group gap="md">
              {message.attachments.map((a) => (
                <Anchor key={a.id} href={`/api/exchange/messages/${message.id}/attachments/${a.id}`}>
                  {a.filename}
                </Anchor>
              ))}
              {message.canAttach && (
                <UploadButton
                  onFile={(file) =>
                    upload.mutate(
                      { url: `/api/exchange/messages/${message.id}/attachments`, file },
                      { onError: (error) => notifyError(error, t) },
                    )
                  }
                  size="xs"
                  variant="light"
                  loading={upload.isPending}
                  testId="attach"
                >
                  {t("attach")}
                </UploadButton>
              )}
            </Group>
          </MessageCard>
        )}
        <MessageCard title={t("receipts")} testId="receipts">
          <PlainTable>
            {message.recipients.map((r) => (
              <Table.Tr key={r.recipientId} data-testid={`receipt-${r.party.code}`}>
                <Table.Td>
                  {r.party.code} — {r.party.nameEn}
                </Table.Td>
                <Table.Td>
                  {r.acknowledgedAt ? (
                    <Badge color="green" variant="light" data-testid="receipt-acknowledged">
                      {t("acknowledgedAt", {
                        date: format.dateTime(r.acknowledgedAt),
                        name: r.acknowledgedBy ?? "",
                      })}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light" data-testid="receipt-pending">
                      {t("notAcknowledged")}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </PlainTable>
        </MessageCard>
        <Card withBorder>
          <Group justify="space-between" mb={4}>
            <Title order={2} size="h5">
              {t("releaseList")}
            </Title>
            {message.canWidenRelease && <WidenReleaseButton message={message} />}
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {t("releaseHint")}
          </Text>
          <Group gap={4}>
            {message.releaseList.map((p) => (
              <Badge key={p.id} variant="outline" data-testid={`release-${p.code}`}>
                {p.code}
              </Badge>
            ))}
          </Group>
        </Card>
        {message.canForward && <ForwardForm message={message} />}
        {thread.data && thread.data.items.length > 1 && (
          <MessageCard title={t("thread")} testId="thread">
            {thread.data.items.map((m) => (
              <Group key={m.id} gap="xs">
                <DimmedText>{format.dateTime(m.sentAt)}</DimmedText>
                {m.id === message.id ? (
                  <Text size="sm" fw={600}>
                    {m.subject}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/exchange/${m.id}`} size="sm">
                    {m.subject}
                  </Anchor>
                )}
                <Text size="sm">({m.sender.code})</Text>
              </Group>
            ))}
          </MessageCard>
        )}
      </Stack>
    </>
  );
}
