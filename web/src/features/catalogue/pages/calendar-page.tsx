import FullCalendar from "@fullcalendar/react";
import dayGridPlugin from "@fullcalendar/react/daygrid";
import listPlugin from "@fullcalendar/react/list";
import azLocale from "@fullcalendar/react/locales/az";
import enGbLocale from "@fullcalendar/react/locales/en-gb";
import ruLocale from "@fullcalendar/react/locales/ru";
import classicThemePlugin from "@fullcalendar/react/themes/classic";
import timeGridPlugin from "@fullcalendar/react/timegrid";
import "@fullcalendar/react/skeleton.css";
import "@fullcalendar/react/themes/classic/theme.css";
import "@fullcalendar/react/themes/classic/palette.css";
import { Badge, Button, Code, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type CSSProperties, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { usePermissions } from "../../../shared/auth";
import { useFormat } from "../../../shared/i18n/format";
import { ListPageHeader, notifyError, RowActionButton } from "../../../shared/ui";
import { useCalendar, useCalendarTokens, useCreateCalendarToken, useRevokeCalendarToken } from "../api";
import { calendarFormats } from "../components/calendar-formats";
import { localTitle } from "../components/labels";

const addDay = (date: string) => {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
};

function Feeds() {
  const { t } = useTranslation("catalogue");
  const { user } = usePermissions();
  const tokens = useCalendarTokens();
  const create = useCreateCalendarToken();
  const revoke = useRevokeCalendarToken();
  const [created, setCreated] = useState<string | null>(null);
  const nationId = user?.grants.find((grant) => grant.role === "national_coordinator")?.nationId;
  const make = async (input: Parameters<typeof create.mutateAsync>[0]) => {
    try {
      const token = await create.mutateAsync(input);
      setCreated(`${window.location.origin}${token.url}`);
    } catch (error) {
      notifyError(error, t);
    }
  };
  return (
    <Paper withBorder p="md" data-testid="calendar-feeds">
      <Title order={2} size="h4">
        {t("calendar.feeds")}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t("calendar.feedHint")}
      </Text>
      <Group mb="xs">
        {nationId && (
          <Button size="xs" variant="light" onClick={() => make({ scope: "nation", nationId })}>
            {t("calendar.nationFeed")}
          </Button>
        )}
        {user?.personId && (
          <Button
            size="xs"
            variant="light"
            onClick={() => make({ scope: "person", personId: user.personId! })}
          >
            {t("calendar.personFeed")}
          </Button>
        )}
      </Group>
      {created && (
        <Text size="sm">
          {t("calendar.copy")}: <Code data-testid="calendar-feed-url">{created}</Code>
        </Text>
      )}
      <Stack gap={4} mt="xs">
        {(tokens.data ?? []).map((token) => (
          <Group key={token.id} gap="xs">
            <Badge variant="light">{token.scope}</Badge>
            <Text size="sm">{token.label ?? ""}</Text>
            {token.revokedAt ? (
              <Badge color="gray">{t("calendar.revoked")}</Badge>
            ) : (
              <RowActionButton color="red" onClick={() => revoke.mutate(token.id)}>
                {t("calendar.revoke")}
              </RowActionButton>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

export function CalendarPage() {
  const { t } = useTranslation("catalogue");
  const { language } = useFormat();
  const navigate = useNavigate();
  const { signedIn } = usePermissions();
  const today = new Date().toISOString().slice(0, 10);
  const [range, setRange] = useState({ from: `${today.slice(0, 8)}01`, to: today });
  const entries = useCalendar(range);
  const events = (entries.data ?? []).map((entry) => ({
    id: entry.eventId,
    title: `${entry.code} ${localTitle(entry, language)}`,
    start: entry.startsOn,
    end: addDay(entry.endsOn),
    allDay: true,
    // An explicit `color: undefined` becomes `--fc-event-color: undefined`: white text on no background.
    color: entry.nominationStatus === "accepted" ? "#2b8a3e" : entry.nominationStatus ? "#a85d00" : "#364fc7",
  }));

  return (
    <>
      <ListPageHeader
        title={t("calendar.title")}
        description={t("calendar.description")}
        download={{ kind: "events", filters: range }}
      />
      <Stack>
        <Paper
          withBorder
          p="md"
          data-testid="catalogue-calendar"
          // Days of the neighbouring months in a grey that still reads (4.7:1; the theme's own is 2.5:1).
          style={{ "--fc-classic-faint-foreground": "#646c73" } as CSSProperties}
        >
          <FullCalendar
            plugins={[dayGridPlugin, timeGridPlugin, listPlugin, classicThemePlugin]}
            initialView="dayGridMonth"
            locales={[enGbLocale, azLocale, ruLocale]}
            locale={language === "en" ? "en-gb" : language}
            {...calendarFormats(language)}
            headerToolbar={{
              start: "prev,next today",
              center: "title",
              end: "dayGridMonth,timeGridWeek,listMonth",
            }}
            buttons={{
              today: { text: t("calendar.today"), hint: t("calendar.today") },
              dayGridMonth: { text: t("calendar.month") },
              timeGridWeek: { text: t("calendar.week") },
              listMonth: { text: t("calendar.list") },
            }}
            events={events}
            height="auto"
            datesSet={(info) => {
              const from = info.startStr.slice(0, 10);
              const to = info.endStr.slice(0, 10);
              if (from !== range.from || to !== range.to) setRange({ from, to });
            }}
            eventClick={(info) => {
              info.jsEvent.preventDefault();
              navigate(`/catalogue/events/${info.event.id}`);
            }}
          />
        </Paper>
        {signedIn && <Feeds />}
      </Stack>
    </>
  );
}
