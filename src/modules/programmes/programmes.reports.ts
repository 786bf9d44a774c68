import { formatDateText } from "../../platform/dates.js";
import type { periodReport, programmeReport } from "./programmes.service.js";
import type { Cell, ReportDocument, ReportTable } from "./report-export.js";

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

export type ReportLanguage = "en" | "az" | "ru";

/** The words of the exported reports, in each language of the app: a reader never meets a code like `in_progress`. */
const WORDS = {
  en: {
    byArea: "By area",
    items: "Items",
    outside: "Outside the programme",
    lateActions: "Late actions",
    area: "Area",
    areaCode: "Area code",
    plannedItems: "Planned items",
    implementedItems: "Implemented items",
    implementationRate: "Implementation rate %",
    plannedParticipants: "Planned participants",
    attended: "Attended",
    completed: "Completed",
    item: "Item",
    activityCode: "Activity code",
    plannedFrom: "Planned from",
    implemented: "Implemented",
    own: "(own)",
    yes: "yes",
    no: "no",
    figure: "Figure",
    value: "Value",
    unplanned: "Events attended that are not in the programme",
    total: "Total",
    objectives: "Objectives",
    actions: "Actions",
    done: "Done",
    inProgress: "In progress",
    late: "Late",
    averageProgress: "Average progress %",
    completionRate: "Completion rate %",
    objective: "Objective",
    action: "Action",
    due: "Due",
    status: "Status",
    progress: "Progress %",
    programmeSubtitle: (nation: string, span: string, from: string, to: string) =>
      `${nation}, ${span}. Actual = accepted nominations that attended, on events from ${from} to ${to}.`,
    periodSubtitle: (plan: string, period: string, dates: string, asOf: string) =>
      `${plan}, period ${period}: ${dates || "no dated source"}. As of ${asOf}.`,
    statuses: {
      planned: "Planned",
      in_progress: "In progress",
      done: "Done",
      deferred: "Deferred",
      cancelled: "Cancelled",
    } as Record<string, string>,
  },
  az: {
    byArea: "Sahələr üzrə",
    items: "Bəndlər",
    outside: "Proqramdan kənar",
    lateActions: "Gecikən tədbirlər",
    area: "Sahə",
    areaCode: "Sahə kodu",
    plannedItems: "Planlaşdırılmış bəndlər",
    implementedItems: "İcra edilmiş bəndlər",
    implementationRate: "İcra dərəcəsi %",
    plannedParticipants: "Planlaşdırılmış iştirakçılar",
    attended: "İştirak edib",
    completed: "Başa vurub",
    item: "Bənd",
    activityCode: "Tədbir kodu",
    plannedFrom: "Planlaşdırılan başlanğıc",
    implemented: "İcra edilib",
    own: "(öz)",
    yes: "bəli",
    no: "xeyr",
    figure: "Göstərici",
    value: "Dəyər",
    unplanned: "Proqramda olmayan, iştirak edilmiş tədbirlər",
    total: "Cəmi",
    objectives: "Məqsədlər",
    actions: "Tədbirlər",
    done: "İcra edilib",
    inProgress: "İcradadır",
    late: "Gecikir",
    averageProgress: "Orta irəliləyiş %",
    completionRate: "İcra dərəcəsi %",
    objective: "Məqsəd",
    action: "Tədbir",
    due: "Müddət",
    status: "Status",
    progress: "İrəliləyiş %",
    programmeSubtitle: (nation: string, span: string, from: string, to: string) =>
      `${nation}, ${span}. Faktiki = ${from} – ${to} tədbirlərində iştirak etmiş qəbul edilmiş namizədlər.`,
    periodSubtitle: (plan: string, period: string, dates: string, asOf: string) =>
      `${plan}, ${period} dövrü: ${dates || "tarixli mənbə yoxdur"}. ${asOf} tarixinə.`,
    statuses: {
      planned: "Planlaşdırılıb",
      in_progress: "İcradadır",
      done: "İcra edilib",
      deferred: "Təxirə salınıb",
      cancelled: "Ləğv edilib",
    } as Record<string, string>,
  },
  ru: {
    byArea: "По областям",
    items: "Пункты",
    outside: "Вне программы",
    lateActions: "Просроченные мероприятия",
    area: "Область",
    areaCode: "Код области",
    plannedItems: "Запланировано пунктов",
    implementedItems: "Выполнено пунктов",
    implementationRate: "Выполнение %",
    plannedParticipants: "Запланировано участников",
    attended: "Участвовали",
    completed: "Завершили",
    item: "Пункт",
    activityCode: "Код мероприятия",
    plannedFrom: "Начало по плану",
    implemented: "Выполнен",
    own: "(собственный)",
    yes: "да",
    no: "нет",
    figure: "Показатель",
    value: "Значение",
    unplanned: "Посещённые мероприятия вне программы",
    total: "Итого",
    objectives: "Цели",
    actions: "Мероприятия",
    done: "Выполнено",
    inProgress: "В работе",
    late: "Просрочено",
    averageProgress: "Средний прогресс %",
    completionRate: "Выполнение %",
    objective: "Цель",
    action: "Мероприятие",
    due: "Срок",
    status: "Статус",
    progress: "Прогресс %",
    programmeSubtitle: (nation: string, span: string, from: string, to: string) =>
      `${nation}, ${span}. Факт = принятые кандидаты, участвовавшие в мероприятиях с ${from} по ${to}.`,
    periodSubtitle: (plan: string, period: string, dates: string, asOf: string) =>
      `${plan}, период ${period}: ${dates || "нет датированного источника"}. На ${asOf}.`,
    statuses: {
      planned: "Запланировано",
      in_progress: "В работе",
      done: "Выполнено",
      deferred: "Отложено",
      cancelled: "Отменено",
    } as Record<string, string>,
  },
} as const;

/** An area's name in the report's language: `names` maps area codes to names, the code only if it is unknown. */
export type AreaNames = (code: string) => string;

/**
 * A report's table by area (its CSV): the area's name and code, then each figure, one row an area and a last row
 * of the totals, whose figures read the same way.
 */
function byAreaTable<Area extends { areaCode: string }, Totals>(
  w: (typeof WORDS)[ReportLanguage],
  areas: Area[],
  totals: Totals,
  areaName: AreaNames,
  figures: [column: string, cell: (figures: Area | Totals) => Cell][],
): ReportTable {
  const cells = (row: Area | Totals) => figures.map(([, cell]) => cell(row));
  return {
    name: w.byArea,
    codeColumns: [1],
    columns: [w.area, w.areaCode, ...figures.map(([column]) => column)],
    rows: [
      ...areas.map((row) => [areaName(row.areaCode), row.areaCode, ...cells(row)]),
      [w.total, "", ...cells(totals)],
    ],
  };
}

/** The programme report as tables: by area (the CSV), then item by item. */
export function programmeReportDocument(
  report: Awaited<ReturnType<typeof programmeReport>>,
  language: ReportLanguage = "en",
  areaName: AreaNames = (code) => report.areas.find((a) => a.areaCode === code)?.areaName ?? code,
): ReportDocument {
  const w = WORDS[language];
  const { programme, totals } = report;
  const span =
    programme.firstYear === programme.lastYear
      ? `${programme.firstYear}`
      : `${programme.firstYear}–${programme.lastYear}`;
  return {
    language,
    title: `${programme.title}`,
    subtitle: w.programmeSubtitle(
      `${programme.nation.nameEn} (${programme.nation.code})`,
      span,
      formatDateText(report.spanFrom, language),
      formatDateText(report.spanTo, language),
    ),
    tables: [
      byAreaTable(w, report.areas, totals, areaName, [
        [w.plannedItems, (f) => f.plannedItems],
        [w.implementedItems, (f) => f.implementedItems],
        [w.implementationRate, (f) => percent(f.implementationRate)],
        [w.plannedParticipants, (f) => f.plannedParticipants],
        [w.attended, (f) => f.attended],
        [w.completed, (f) => f.completed],
      ]),
      {
        name: w.items,
        dateColumns: [3],
        columns: [
          w.item,
          w.activityCode,
          w.area,
          w.plannedFrom,
          w.plannedParticipants,
          w.attended,
          w.completed,
          w.implemented,
        ],
        rows: report.items.map((item) => [
          item.title,
          item.activity?.code ?? w.own,
          areaName(item.areaCode),
          item.plannedStartsOn,
          item.plannedParticipants,
          item.attended,
          item.completed,
          item.implemented ? w.yes : w.no,
        ]),
      },
      {
        name: w.outside,
        columns: [w.figure, w.value],
        rows: [[w.unplanned, totals.unplannedEventsAttended]],
      },
    ],
  };
}

/** The period report as tables: by area (the CSV), then the late actions. */
export function periodReportDocument(
  report: Awaited<ReturnType<typeof periodReport>>,
  language: ReportLanguage = "en",
  areaName: AreaNames = (code) => report.areas.find((a) => a.areaCode === code)?.areaName ?? code,
): ReportDocument {
  const w = WORDS[language];
  const { totals } = report;
  const day = (iso: string) => formatDateText(iso, language);
  const dates = report.period.statements
    .map((s) => `${day(s.startsOn)} – ${s.endsOn ? day(s.endsOn) : "?"} (${s.source})`)
    .join("; ");
  return {
    language,
    title: `${report.plan.title} — ${report.period.label}`,
    subtitle: w.periodSubtitle(report.plan.code, report.period.label, dates, day(report.asOf)),
    tables: [
      byAreaTable(w, report.areas, totals, areaName, [
        [w.objectives, (f) => f.objectives],
        [w.actions, (f) => f.actions],
        [w.done, (f) => f.done],
        [w.inProgress, (f) => f.inProgress],
        [w.late, (f) => f.late],
        [w.averageProgress, (f) => f.averageProgress],
        [w.completionRate, (f) => percent(f.completionRate)],
      ]),
      {
        name: w.lateActions,
        dateColumns: [2],
        columns: [w.objective, w.action, w.due, w.status, w.progress],
        rows: report.lateActions.map((row) => [
          row.objectiveCode,
          row.title,
          row.dueOn,
          w.statuses[row.status] ?? row.status,
          row.progress,
        ]),
      },
    ],
  };
}
