import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { QueryBoundary } from "../../../shared/ui";
import { useAttention } from "../api";

function Section<T extends { id: string }>({
  name,
  title,
  to,
  block,
  item,
}: {
  name: string;
  title: string;
  to: string;
  /** The section's count and first items, as the server sends them; a section with none is not shown. */
  block: { total: number; items: T[] };
  item: (item: T) => ReactNode;
}) {
  const { t } = useTranslation("notifications");
  const { total } = block;
  if (total === 0) return null;
  return (
    <Card withBorder padding="md" data-testid={`attention-${name}`} data-total={total}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{title}</Text>
          <Badge variant="light" data-testid={`attention-${name}-total`}>
            {total}
          </Badge>
        </Group>
        <Stack gap={4}>
          {block.items.map((entry) => (
            <Fragment key={entry.id}>{item(entry)}</Fragment>
          ))}
        </Stack>
        <Anchor component={Link} to={to} size="sm">
          {t("home.more", { count: total })} →
        </Anchor>
      </Stack>
    </Card>
  );
}

/** One line of a section: a link, then what follows it. */
function LinkLine({ to, label, children }: { to: string; label: ReactNode; children: ReactNode }) {
  return (
    <Text size="sm" lineClamp={1}>
      <Anchor component={Link} to={to}>
        {label}
      </Anchor>{" "}
      {children}
    </Text>
  );
}

/** The home page's "what needs you": only what the viewer may read, each section counted by the server. */
export function AttentionPanel() {
  const { t } = useTranslation("notifications");
  const { date } = useFormat();
  const attention = useAttention(true);
  return (
    <QueryBoundary query={attention}>
      {(a) => {
        const blocks = [
          a.notices,
          a.actionItems,
          a.nominations,
          a.evaluations,
          a.visits,
          a.certificates,
          a.messages,
        ];
        const empty = blocks.every((block) => block.total === 0);
        return (
          <Stack gap="sm" data-testid="attention">
            <Title order={2} size="h4">
              {t("home.title")}
            </Title>
            {empty ? (
              <Text c="dimmed" data-testid="attention-nothing">
                {t("home.nothing")}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
                <Section
                  name="notices"
                  title={t("home.notices")}
                  to="/notifications?show=unread"
                  block={a.notices}
                  item={(n) => (
                    <Text size="sm" lineClamp={1}>
                      {n.link ? (
                        <Anchor component={Link} to={n.link}>
                          {n.title}
                        </Anchor>
                      ) : (
                        n.title
                      )}
                    </Text>
                  )}
                />
                <Section
                  name="action-items"
                  title={t("home.actionItems")}
                  to="/meetings/actions"
                  block={a.actionItems}
                  item={(item) => (
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/meetings/${item.meetingId}`} size="sm" lineClamp={1}>
                        {item.title}
                      </Anchor>
                      {item.overdue ? (
                        <Badge size="xs" color="red">
                          {t("home.overdue")}
                        </Badge>
                      ) : (
                        item.deadline && (
                          <Text size="xs" c="dimmed">
                            {t("home.due", { date: date(item.deadline) })}
                          </Text>
                        )
                      )}
                    </Group>
                  )}
                />
                <Section
                  name="nominations"
                  title={t("home.nominations")}
                  to="/catalogue/inbox"
                  block={a.nominations}
                  item={(n) => (
                    <LinkLine to={`/catalogue/events/${n.eventId}`} label={n.activityCode}>
                      {n.personName} ({n.nationCode}), {date(n.startsOn)}
                    </LinkLine>
                  )}
                />
                <Section
                  name="evaluations"
                  title={t("home.evaluations")}
                  to="/readiness"
                  block={a.evaluations}
                  item={(e) => (
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/readiness/evaluations/${e.id}`} size="sm" lineClamp={1}>
                        {e.unitName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {date(e.startsOn)} – {date(e.endsOn)}
                      </Text>
                      {e.onTeam && (
                        <Badge size="xs" variant="light">
                          {t("home.onTeam")}
                        </Badge>
                      )}
                    </Group>
                  )}
                />
                <Section
                  name="visits"
                  title={t("home.visits")}
                  to="/meetings"
                  block={a.visits}
                  item={(v) => (
                    <LinkLine to={`/meetings/${v.id}`} label={v.title}>
                      {date(v.startsOn)}
                      {v.city ? `, ${v.city}` : ""}
                    </LinkLine>
                  )}
                />
                <Section
                  name="certificates"
                  title={t("home.certificates")}
                  to="/training/certificates"
                  block={a.certificates}
                  item={(c) => (
                    <Text size="sm">
                      {c.number}: {date(c.validUntil)}
                    </Text>
                  )}
                />
                <Section
                  name="messages"
                  title={t("home.messages")}
                  to="/exchange"
                  block={a.messages}
                  item={(m) => (
                    <LinkLine to={`/exchange/${m.id}`} label={m.subject}>
                      {date(m.sentAt.slice(0, 10))}
                    </LinkLine>
                  )}
                />
              </SimpleGrid>
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
