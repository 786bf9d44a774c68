import { Anchor, Badge, Button, Group, Paper, Stack, Switch, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { EmptyState, PageHeader, QueryBoundary } from "../../../shared/ui";
import { useMarkRead, useNotifications } from "../api";

/** The in-app inbox: every recorded state change that concerns the user. */
export function NotificationsPage() {
  const { t } = useTranslation("catalogue");
  const { dateTime } = useFormat();
  const [unread, setUnread] = useState(false);
  const notifications = useNotifications({ unread: unread || undefined, limit: 100 });
  const markRead = useMarkRead();
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.description")}
        actions={
          <Button variant="light" onClick={() => markRead.mutate("all")} data-testid="notifications-mark-all">
            {t("notifications.markAll")}
          </Button>
        }
      />
      <Switch
        mb="sm"
        label={t("notifications.unread")}
        checked={unread}
        onChange={(event) => setUnread(event.currentTarget.checked)}
      />
      <QueryBoundary query={notifications}>
        {(page) =>
          page.items.length ? (
            <Stack gap="xs" data-testid="notifications-list">
              {page.items.map((n) => (
                <Paper
                  key={n.id}
                  withBorder
                  p="sm"
                  bg={n.readAt ? undefined : "var(--mantine-color-blue-light)"}
                >
                  <Group justify="space-between" wrap="nowrap">
                    <Stack gap={2}>
                      <Group gap="xs">
                        <Badge size="sm" variant="light" data-testid={`notification-kind-${n.kind}`}>
                          {t(`notifications.kinds.${n.kind}`, { defaultValue: n.kind })}
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
                      {n.body && (
                        <Text size="sm" c="dimmed">
                          {n.body}
                        </Text>
                      )}
                    </Stack>
                    <Text size="xs" c="dimmed">
                      {dateTime(n.createdAt)}
                    </Text>
                  </Group>
                </Paper>
              ))}
            </Stack>
          ) : (
            <EmptyState description={t("notifications.empty")} />
          )
        }
      </QueryBoundary>
    </>
  );
}
