import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { QueryBoundary } from "../../../shared/ui";
import { useAttention } from "../api";

function Section({
  name,
  title,
  total,
  to,
  children,
}: {
  name: string;
  title: string;
  total: number;
  to: string;
  children: ReactNode;
}) {
  const { t } = useTranslation("notifications");
  return (
    <Card withBorder padding="md" data-testid={`attention-${name}`} data-total={total}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{title}</Text>
          <Badge variant="light" data-testid={`attention-${name}-total`}>
            {total}
          </Badge>
        </Group>
        <Stack gap={4}>{children}</Stack>
        <Anchor component={Link} to={to} size="sm">
          {t("home.more", { count: total })} →
        </Anchor>
      </Stack>
    </Card>
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
        const empty =
          a.notices.total +
            a.actionItems.total +
            a.nominations.total +
            a.evaluations.total +
            a.visits.total +
            a.certificates.total +
            a.messages.total ===
          0;
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
                {a.notices.total > 0 && (
                  <Section
                    name="notices"
                    title={t("home.notices")}
                    total={a.notices.total}
                    to="/notifications?show=unread"
                  >
                    {a.notices.items.map((n) => (
                      <Text key={n.id} size="sm" lineClamp={1}>
                        {n.link ? (
                          <Anchor component={Link} to={n.link}>
                            {n.title}
                          </Anchor>
                        ) : (
                          n.title
                        )}
                      </Text>
                    ))}
                  </Section>
                )}
                {a.actionItems.total > 0 && (
                  <Section
                    name="action-items"
                    title={t("home.actionItems")}
                    total={a.actionItems.total}
                    to="/meetings/actions"
                  >
                    {a.actionItems.items.map((item) => (
                      <Group key={item.id} gap="xs" wrap="nowrap">
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
                    ))}
                  </Section>
                )}
                {a.nominations.total > 0 && (
                  <Section
                    name="nominations"
                    title={t("home.nominations")}
                    total={a.nominations.total}
                    to="/catalogue/inbox"
                  >
                    {a.nominations.items.map((n) => (
                      <Text key={n.id} size="sm" lineClamp={1}>
                        <Anchor component={Link} to={`/catalogue/events/${n.eventId}`}>
                          {n.activityCode}
                        </Anchor>{" "}
                        {n.personName} ({n.nationCode}), {date(n.startsOn)}
                      </Text>
                    ))}
                  </Section>
                )}
                {a.evaluations.total > 0 && (
                  <Section
                    name="evaluations"
                    title={t("home.evaluations")}
                    total={a.evaluations.total}
                    to="/readiness"
                  >
                    {a.evaluations.items.map((e) => (
                      <Group key={e.id} gap="xs" wrap="nowrap">
                        <Anchor
                          component={Link}
                          to={`/readiness/evaluations/${e.id}`}
                          size="sm"
                          lineClamp={1}
                        >
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
                    ))}
                  </Section>
                )}
                {a.visits.total > 0 && (
                  <Section name="visits" title={t("home.visits")} total={a.visits.total} to="/meetings">
                    {a.visits.items.map((v) => (
                      <Text key={v.id} size="sm" lineClamp={1}>
                        <Anchor component={Link} to={`/meetings/${v.id}`}>
                          {v.title}
                        </Anchor>{" "}
                        {date(v.startsOn)}
                        {v.city ? `, ${v.city}` : ""}
                      </Text>
                    ))}
                  </Section>
                )}
                {a.certificates.total > 0 && (
                  <Section
                    name="certificates"
                    title={t("home.certificates")}
                    total={a.certificates.total}
                    to="/training/certificates"
                  >
                    {a.certificates.items.map((c) => (
                      <Text key={c.id} size="sm">
                        {c.number}: {date(c.validUntil)}
                      </Text>
                    ))}
                  </Section>
                )}
                {a.messages.total > 0 && (
                  <Section name="messages" title={t("home.messages")} total={a.messages.total} to="/exchange">
                    {a.messages.items.map((m) => (
                      <Text key={m.id} size="sm" lineClamp={1}>
                        <Anchor component={Link} to={`/exchange/${m.id}`}>
                          {m.subject}
                        </Anchor>{" "}
                        {date(m.sentAt.slice(0, 10))}
                      </Text>
                    ))}
                  </Section>
                )}
              </SimpleGrid>
            )}
          </Stack>
        );
      }}
    </QueryBoundary>
  );
}
