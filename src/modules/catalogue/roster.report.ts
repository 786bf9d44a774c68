import { authorize } from "../../platform/access/policy.js";
import { notFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import {
  formatDate,
  markingOfRecord,
  PdfReport,
  personName,
  pick,
  type ReportLanguage,
  reportLanguage,
} from "../../platform/pdf-report.js";
import { findActivitySummary, findEvent } from "./catalogue.queries.js";
import { ROSTER_LIMIT, type RosterRow, rosterActivity, rosterNominations } from "./roster.queries.js";

const WORDS = {
  en: {
    title: "Participant roster",
    event: "Event",
    dates: "Dates",
    place: "Place",
    organiser: "Organiser",
    capacity: "Capacity",
    summary: "Nominations by nation",
    nation: "Nation",
    total: "Total",
    name: "Name",
    status: "Status",
    priority: "Priority",
    attendance: "Attendance",
    none: "No nominations you may see.",
    truncated: "Only the first {n} nominations are printed.",
    online: "online",
    status_: {
      nominated: "nominated",
      accepted: "accepted",
      waitlisted: "waitlisted",
      declined: "declined",
      withdrawn: "withdrawn",
      cancelled: "cancelled",
    },
    attendance_: { attended: "attended", partly: "partly attended", absent: "absent" },
  },
  az: {
    title: "İştirakçıların siyahısı",
    event: "Tədbir",
    dates: "Tarixlər",
    place: "Yer",
    organiser: "Təşkilatçı",
    capacity: "Tutum",
    summary: "Ölkələr üzrə namizədlər",
    nation: "Ölkə",
    total: "Cəmi",
    name: "Ad, soyad",
    status: "Status",
    priority: "Prioritet",
    attendance: "İştirak",
    none: "Görə biləcəyiniz namizəd yoxdur.",
    truncated: "Yalnız ilk {n} namizəd çap olunub.",
    online: "onlayn",
    status_: {
      nominated: "namizəd göstərilib",
      accepted: "qəbul edilib",
      waitlisted: "gözləmə siyahısında",
      declined: "rədd edilib",
      withdrawn: "geri çağırılıb",
      cancelled: "ləğv edilib",
    },
    attendance_: { attended: "iştirak edib", partly: "qismən iştirak edib", absent: "iştirak etməyib" },
  },
  ru: {
    title: "Список участников",
    event: "Мероприятие",
    dates: "Даты",
    place: "Место",
    organiser: "Организатор",
    capacity: "Вместимость",
    summary: "Кандидаты по странам",
    nation: "Страна",
    total: "Всего",
    name: "Имя",
    status: "Статус",
    priority: "Приоритет",
    attendance: "Посещаемость",
    none: "Нет кандидатур, доступных вам.",
    truncated: "Напечатаны только первые {n} кандидатур.",
    online: "онлайн",
    status_: {
      nominated: "выдвинут",
      accepted: "принят",
      waitlisted: "в листе ожидания",
      declined: "отклонён",
      withdrawn: "отозван",
      cancelled: "отменён",
    },
    attendance_: { attended: "присутствовал", partly: "частично", absent: "отсутствовал" },
  },
} satisfies Record<ReportLanguage, unknown>;

const STATUS_ORDER = ["accepted", "waitlisted", "nominated", "declined", "withdrawn", "cancelled"] as const;

/** The event's participant roster as a PDF: the nominations the viewer may see, grouped by nation, with status. */
export async function eventRosterPdf(ctx: Ctx, eventId: string, lang?: ReportLanguage) {
  authorize(ctx.viewer, "activity.read");
  authorize(ctx.viewer, "nomination.list");
  const event = await findEvent(ctx.db, eventId);
  // An event of an activity the viewer may not see answers like one that does not exist, as the JSON read does.
  const summary = event && (await findActivitySummary(ctx.db, ctx.viewer, event.activityId));
  if (!event || !summary) throw notFound("The event");
  const language = await reportLanguage(ctx.db, ctx.viewer, lang);
  const words = WORDS[language];
  const [activity, found] = await Promise.all([
    rosterActivity(ctx.db, event.activityId),
    rosterNominations(ctx.db, ctx.viewer, eventId),
  ]);
  const rows = found.slice(0, ROSTER_LIMIT);
  const title = pick(language, activity.titleEn, activity.titleAz, activity.titleRu);
  const report = new PdfReport({
    language,
    title: `${words.title}: ${title}`,
    subtitle: `${activity.code}${event.title ? ` — ${event.title}` : ""}`,
    marking: await markingOfRecord(ctx.db, language, activity),
    generatedBy: ctx.viewer.username,
  });
  report.fields([
    [words.event, event.title ? `${title} — ${event.title}` : title],
    [words.dates, `${formatDate(event.startsOn, language)} – ${formatDate(event.endsOn, language)}`],
    [words.place, [event.city, event.venue].filter(Boolean).join(", ") || summary.city || words.online],
    [words.organiser, pick(language, activity.organiserEn, activity.organiserAz, activity.organiserRu)],
    [words.capacity, event.capacity],
  ]);

  const nations = groupByNation(rows);
  const statusWord = (status: string) => words.status_[status as keyof typeof words.status_] ?? status;
  report.heading(words.summary);
  report.table(
    [
      { header: words.nation, width: 3 },
      ...STATUS_ORDER.map((status) => ({ header: statusWord(status), width: 1.2 })),
      { header: words.total, width: 1 },
    ],
    nations.map(({ name, rows: of }) => [
      name(language),
      ...STATUS_ORDER.map((status) => of.filter((row) => row.status === status).length),
      of.length,
    ]),
    words.none,
  );
  for (const { name, rows: of } of nations) {
    report.heading(`${name(language)} (${of.length})`);
    report.table(
      [
        { header: "#", width: 0.5 },
        { header: words.name, width: 5 },
        { header: words.status, width: 2.2 },
        { header: words.priority, width: 1.2 },
        { header: words.attendance, width: 2 },
      ],
      of.map((row, index) => [
        index + 1,
        personName(row),
        statusWord(row.status),
        row.priority,
        row.attendance
          ? (words.attendance_[row.attendance as keyof typeof words.attendance_] ?? row.attendance)
          : "",
      ]),
    );
  }
  if (found.length > ROSTER_LIMIT) report.paragraph(words.truncated.replace("{n}", String(ROSTER_LIMIT)));
  return {
    pdf: await report.finish(),
    filename: `roster-${activity.code}-${event.startsOn}-${language}.pdf`,
  };
}

function groupByNation(rows: RosterRow[]) {
  const groups = new Map<string, { name: (language: ReportLanguage) => string; rows: RosterRow[] }>();
  for (const row of rows) {
    let group = groups.get(row.nationId);
    if (!group) {
      group = {
        name: (language) =>
          `${pick(language, row.nationNameEn, row.nationNameAz, row.nationNameRu)} (${row.nationCode})`,
        rows: [],
      };
      groups.set(row.nationId, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
