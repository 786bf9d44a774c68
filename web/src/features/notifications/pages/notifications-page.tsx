import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text } from "@mantine/core";
import { IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import {
  DimmedText,
  EmptyState,
  ListPagination,
  PageHeader,
  QueryBoundary,
  RowActionButton,
} from "../../../shared/ui";
import { useMarkRead, useNoticeList } from "../api";
import { noticeKindOptions } from "../kinds";

const PAGE_SIZE = 25;

/** One's notices: unread or all, of one kind or group of kinds, newest first; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation("notifications");
  const { dateTime } = useFormat();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get("show") === "unread";
  const kind = params.get("kind") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const notices = useNoticeList({
    ...(unreadOnly ? { unread: true } : {}),
    ...(kind ? { kind } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const markRead = useMarkRead();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Group gap="xs">
            <Button
              variant="default"
              component={Link}
              to="/notifications/preferences"
              leftSection={<IconSettings size={16} aria-hidden />}
              data-testid="notifications-preferences-link"
            >
              {t("preferencesLink")}
            </Button>
            <Button
              variant="light"
              onClick={() => markRead.mutate("all")}
              loading={markRead.isPending}
              disabled={notices.data?.unread === 0}
              data-testid="notifications-mark-all"
            >
              {t("markAll")}
            </Button>
          </Group>
        }
      />
      <Group mb="sm" gap="md" align="flex-end">
        <SegmentedControl
          aria-label={t("show")}
          value={unreadOnly ? "unread" : "all"}
          onChange={(value) => update({ show: value === "unread" ? "unread" : null })}
          data={[
            { value: "unread", label: t("unread") },
            { value: "all", label: t("all") },
          ]}
          data-testid="notifications-show"
        />
        <Select
          label={t("kind")}
          placeholder={t("anyKind")}
          data={noticeKindOptions(t)}
          value={kind || null}
          onChange={(value) => update({ kind: value })}
          clearable
          searchable
          w={300}
          data-testid="notifications-kind"
        />
      </Group>
      <QueryBoundary query={notices}>
        {(result) =>
          result.items.length ? (
            <Stack gap="xs">
              <Stack gap="xs" data-testid="notifications-list">
                {result.items.map((n) => (
                  <Paper
                    key={n.id}
                    withBorder
                    p="sm"
                    bg={n.readAt ? undefined : "var(--mantine-color-blue-light)"}
                    data-testid="notification-row"
                    data-read={n.readAt ? "true" : "false"}
                  >
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2}>
                        <Group gap="xs">
                          <Badge size="sm" variant="light" data-testid={`notification-kind-${n.kind}`}>
                            {t(`kinds.${n.kind}`, { defaultValue: n.kind })}
                          </Badge>
                          {n.link ? (
                            <Anchor
                              component={Link}
                              to={n.link}
                              onClick={() => !n.readAt && markRead.mutate([n.id])}
                            >
                              {n.title}
                            </Anchor>
                          ) : (
                            <Text>{n.title}</Text>
                          )}
                        </Group>
                        {n.body && <DimmedText>{n.body}</DimmedText>}
                      </Stack>
                      <Stack gap={4} align="flex-end">
                        <DimmedText size="xs">{dateTime(n.createdAt)}</DimmedText>
                        {!n.readAt && (
                          <RowActionButton
                            onClick={() => markRead.mutate([n.id])}
                            testId={`notification-read-${n.id}`}
                          >
                            {t("markRead")}
                          </RowActionButton>
                        )}
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </Stack>
              {result.total > PAGE_SIZE && (
                <ListPagination
                  total={Math.ceil(result.total / PAGE_SIZE)}
                  value={page}
                  onChange={(value) => update({ page: String(value) })}
                  mt="sm"
                />
              )}
            </Stack>
          ) : (
            <EmptyState description={t("empty")} />
          )
        }
      </QueryBoundary>
    </>
  );
}
