import dayjs from "dayjs";
import "dayjs/locale/az";
import type { Language } from "../../../shared/i18n/languages";

interface Instant {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}
interface Formatting {
  date: Instant;
  start: Instant;
  end?: Instant | null;
}

const az = (instant: Instant, pattern: string) =>
  dayjs(new Date(instant.year, instant.month, instant.day, instant.hour, instant.minute))
    .locale("az")
    .format(pattern);

const time = (instant: Instant) =>
  `${String(instant.hour).padStart(2, "0")}:${String(instant.minute).padStart(2, "0")}`;

/** "7 – 13 dekabr 2026", "28 dekabr 2026 – 3 yanvar 2027": a week's title, its end day included. */
function azRange({ start, end }: Formatting) {
  if (!end) return az(start, "D MMMM YYYY");
  const last = new Date(end.year, end.month, end.day);
  const to: Instant = { ...end, year: last.getFullYear(), month: last.getMonth(), day: last.getDate() };
  if (start.year !== to.year) return `${az(start, "D MMMM YYYY")} – ${az(to, "D MMMM YYYY")}`;
  if (start.month !== to.month) return `${az(start, "D MMMM")} – ${az(to, "D MMMM YYYY")}`;
  if (start.day !== to.day) return `${az(start, "D")} – ${az(to, "D MMMM YYYY")}`;
  return az(start, "D MMMM YYYY");
}

/**
 * The calendar's date texts in Azerbaijani. FullCalendar formats through the browser's Intl, and Chromium carries no
 * Azerbaijani date data ("2026 M12", English weekdays): in az every text the views show is written from dayjs' az
 * month and weekday names instead. English (en-GB) and Russian come from Intl with FullCalendar's own locales.
 */
export function calendarFormats(language: Language) {
  if (language !== "az") return {};
  const month = ({ date }: Formatting) => az(date, "MMMM YYYY");
  return {
    monthStartFormat: ({ date }: Formatting) => az(date, "D MMM"),
    dayCellFormat: ({ date }: Formatting) => az(date, "D"),
    popoverFormat: ({ date }: Formatting) => az(date, "D MMMM YYYY"),
    eventTimeFormat: ({ date }: Formatting) => time(date),
    views: {
      dayGridMonth: { titleFormat: month, dayHeaderFormat: ({ date }: Formatting) => az(date, "ddd") },
      listMonth: {
        titleFormat: month,
        listDayFormat: ({ date }: Formatting) => az(date, "D MMMM YYYY"),
        listDayAltFormat: ({ date }: Formatting) => az(date, "dddd"),
      },
      timeGridWeek: {
        titleFormat: azRange,
        dayHeaderFormat: ({ date }: Formatting) => az(date, "ddd D.MM"),
        slotHeaderFormat: ({ date }: Formatting) => time(date),
      },
    },
  };
}
