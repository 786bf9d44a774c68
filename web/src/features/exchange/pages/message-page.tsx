import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  MultiSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconCheck } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
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
import { type MessageDetail, useAcknowledge, useForward, useMessage, useThread } from "../api";
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
          <Card withBorder data-testid="attachments">
            <Title order={2} size="h5" mb="xs">
              {t("attachments")}
            </Title>
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
          </Card>
        )}
        <Card withBorder data-testid="receipts">
          <Title order={2} size="h5" mb="xs">
            {t("receipts")}
          </Title>
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
        </Card>
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
          <Card withBorder data-testid="thread">
            <Title order={2} size="h5" mb="xs">
              {t("thread")}
            </Title>
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
          </Card>
        )}
      </Stack>
    </>
  );
}

function ForwardForm({ message }: { message: MessageDetail }) {
  const { t } = useTranslation("exchange");
  const navigate = useNavigate();
  const forward = useForward(message.id);
  const [to, setTo] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const options = message.releaseList.map((p) => ({
    value: `${p.kind}:${p.id}`,
    label: `${p.code} — ${p.nameEn}`,
  }));
  return (
    <Card withBorder data-testid="forward-form">
      <Title order={2} size="h5" mb="xs">
        {t("forward")}
      </Title>
      <Stack gap="xs">
        {forward.error && <ErrorAlert error={forward.error} />}
        <MultiSelect
          label={t("forwardTo")}
          data={options}
          value={to}
          onChange={setTo}
          data-testid="forward-to"
        />
        <Textarea label={t("note")} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Group>
          <Button
            variant="light"
            disabled={to.length === 0}
            loading={forward.isPending}
            data-testid="forward-send"
            onClick={async () => {
              const parties = to.map((value) => value.split(":") as [string, string]);
              const result = await forward.mutateAsync({
                note: note || undefined,
                recipientNationIds: parties.filter(([kind]) => kind === "nation").map(([, id]) => id),
                recipientOrganisationIds: parties
                  .filter(([kind]) => kind === "organisation")
                  .map(([, id]) => id),
              });
              notifySuccess(t("sentMessage"));
              navigate(`/exchange/${result.id}`);
            }}
          >
            {t("forward")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
