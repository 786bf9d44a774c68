import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useFormat } from "../../../shared/i18n/format";
import { DimmedText, QueryBoundary } from "../../../shared/ui";
import { type Attention, useAttention } from "../api";

type Key = keyof Attention;
type Item<K extends Key> = Attention[K]["items"][number];
type Line<K extends Key> = (props: { item: Item<K> }) => ReactNode;

/** One section of the panel: its count, its first items (one line each) and a link to all of them. */
function Section({
  name,
  block,
  to,
  Line,
}: {
  name: Key;
  block: Attention[Key];
  to: string;
  Line: Line<Key>;
}) {
  const { t } = useTranslation("notifications");
  const { total } = block;
  if (total === 0) return null;
  const testId = `attention-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  return (
    <Card withBorder padding="md" data-testid={testId} data-total={total}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t(`home.${name}`)}</Text>
          <Badge variant="light" data-testid={`${testId}-total`}>
            {total}
          </Badge>
        </Group>
        <Stack gap={4}>
          {block.items.map((item) => (
            <Line key={item.id} item={item} />
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

/** One line of a section whose link is followed by marks (a date, a badge) that stay whole beside it. */
function MarkedLinkLine({ to, label, children }: { to: string; label: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Anchor component={Link} to={to} size="sm" lineClamp={1}>
        {label}
      </Anchor>
      {children}
    </Group>
  );
}

function NoticeLine({ item }: { item: Item<"notices"> }) {
  return (
    <Text size="sm" lineClamp={1}>
      {item.link ? (
        <Anchor component={Link} to={item.link}>
          {item.title}
        </Anchor>
      ) : (
        item.title
      )}
    </Text>
  );
}

function ActionItemLine({ item }: { item: Item<"actionItems"> }) {
  const { t } = useTranslation("notifications");
  const { date } = useFormat();
  return (
    <MarkedLinkLine to={`/meetings/${item.meetingId}`} label={item.title}>
      {item.overdue ? (
        <Badge size="xs" color="red">
          {t("home.overdue")}
        </Badge>
      ) : (
        item.deadline && <DimmedText size="xs">{t("home.due", { date: date(item.deadline) })}</DimmedText>
      )}
    </MarkedLinkLine>
  );
}

function NominationLine({ item }: { item: Item<"nominations"> }) {
  const { date } = useFormat();
  return (
    <LinkLine to={`/catalogue/events/${item.eventId}`} label={item.activityCode}>
      {item.personName} ({item.nationCode}), {date(item.startsOn)}
    </LinkLine>
  );
}

function EvaluationLine({ item }: { item: Item<"evaluations"> }) {
  const { t } = useTranslation("notifications");
  const { date } = useFormat();
  return (
    <MarkedLinkLine to={`/readiness/evaluations/${item.id}`} label={item.unitName}>
      <DimmedText size="xs">
        {date(item.startsOn)} – {date(item.endsOn)}
      </DimmedText>
      {item.onTeam && (
        <Badge size="xs" variant="light">
          {t("home.onTeam")}
        </Badge>
      )}
    </MarkedLinkLine>
  );
}

function VisitLine({ item }: { item: Item<"visits"> }) {
  const { date } = useFormat();
  return (
    <LinkLine to={`/meetings/${item.id}`} label={item.title}>
      {date(item.startsOn)}
      {item.city ? `, ${item.city}` : ""}
    </LinkLine>
  );
}

function CertificateLine({ item }: { item: Item<"certificates"> }) {
  const { date } = useFormat();
  return (
    <Text size="sm">
      {item.number}: {date(item.validUntil)}
    </Text>
  );
}

function MessageLine({ item }: { item: Item<"messages"> }) {
  const { date } = useFormat();
  return (
    <LinkLine to={`/exchange/${item.id}`} label={item.subject}>
      {date(item.sentAt.slice(0, 10))}
    </LinkLine>
  );
}

/** The panel's sections, in their order: where "more" leads, and how an item reads. */
const SECTIONS: { [K in Key]: { to: string; Line: Line<K> } } = {
  notices: { to: "/notifications?show=unread", Line: NoticeLine },
  actionItems: { to: "/meetings/actions", Line: ActionItemLine },
  nominations: { to: "/catalogue/inbox", Line: NominationLine },
  evaluations: { to: "/readiness", Line: EvaluationLine },
  visits: { to: "/meetings", Line: VisitLine },
  certificates: { to: "/training/certificates", Line: CertificateLine },
  messages: { to: "/exchange", Line: MessageLine },
};
const KEYS = Object.keys(SECTIONS) as Key[];

/** The home page's "what needs you": only what the viewer may read, each section counted by the server. */
export function AttentionPanel() {
  const { t } = useTranslation("notifications");
  const attention = useAttention(true);
  return (
    <QueryBoundary query={attention}>
      {(a) => (
        <Stack gap="sm" data-testid="attention">
          <Title order={2} size="h4">
            {t("home.title")}
          </Title>
          {KEYS.every((key) => a[key].total === 0) ? (
            <Text c="dimmed" data-testid="attention-nothing">
              {t("home.nothing")}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
              {KEYS.map((key) => (
                <Section
                  key={key}
                  name={key}
                  block={a[key]}
                  to={SECTIONS[key].to}
                  Line={SECTIONS[key].Line as Line<Key>}
                />
              ))}
            </SimpleGrid>
          )}
        </Stack>
      )}
    </QueryBoundary>
  );
}
