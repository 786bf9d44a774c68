import type { Ctx } from "../../platform/http/request-context.js";
import { EXPORT_CONTENT_TYPES, type ExportValue, toCsv } from "../../platform/tabular-export.js";
import type {
  AllianceDashboardExportQuery,
  NationChart,
  NationDashboardExportQuery,
} from "./dashboard.schemas.js";
import { allianceDashboard, type Language, nationDashboard } from "./dashboard.service.js";

type Words = Record<string, string>;
const WORDS: Record<Language, Words> = {
  en: {
    nation: "Nation",
    year: "Year",
    area: "Area",
    planned: "Planned",
    done: "Done",
    events: "Events attended",
    participants: "Participants",
    status: "Status",
    goals: "Goals",
    qualification: "Qualification",
    held: "Held",
    currency: "Currency",
    pledged: "Pledged",
    paid: "Paid",
  },
  az: {
    nation: "Dövlət",
    year: "İl",
    area: "Sahə",
    planned: "Planlaşdırılıb",
    done: "İcra edilib",
    events: "İştirak edilmiş tədbirlər",
    participants: "İştirakçılar",
    status: "Status",
    goals: "Məqsədlər",
    qualification: "İxtisas",
    held: "Sahib olanlar",
    currency: "Valyuta",
    pledged: "Öhdəlik",
    paid: "Ödənilib",
  },
  ru: {
    nation: "Государство",
    year: "Год",
    area: "Направление",
    planned: "Запланировано",
    done: "Выполнено",
    events: "Посещённые мероприятия",
    participants: "Участники",
    status: "Статус",
    goals: "Цели",
    qualification: "Квалификация",
    held: "Имеют",
    currency: "Валюта",
    pledged: "Обязательства",
    paid: "Выплачено",
  },
};

const named = (row: { nameEn: string; nameAz: string | null; nameRu: string | null }, lang: Language) =>
  (lang === "az" ? row.nameAz : lang === "ru" ? row.nameRu : null) ?? row.nameEn;

function file(name: string, headers: string[], rows: ExportValue[][]) {
  return { data: toCsv(headers, rows), contentType: EXPORT_CONTENT_TYPES.csv, filename: `${name}.csv` };
}

/** The table behind one chart of a nation's dashboard, as CSV (formulas neutralised). */
export async function exportNationChart(ctx: Ctx, query: NationDashboardExportQuery) {
  const { chart, lang = "en", ...filters } = query;
  const board = await nationDashboard(ctx, filters);
  const w = WORDS[lang];
  const areas = new Map(board.areas.map((area) => [area.code, named(area, lang)]));
  const tables: Record<NationChart, [string[], ExportValue[][]]> = {
    programme: [
      [w.year!, w.area!, w.planned!, w.done!],
      board.programme.map((row) => [
        row.year,
        areas.get(row.areaCode) ?? row.areaCode,
        row.planned,
        row.done,
      ]),
    ],
    participation: [
      [w.year!, w.events!, w.participants!],
      board.participation.map((row) => [row.year, row.eventsAttended, row.participants]),
    ],
    goals: [[w.status!, w.goals!], board.goals.map((row) => [row.status, row.goals])],
    certifications: [
      [w.qualification!, w.held!],
      board.certifications.map((row) => [named(row, lang), row.held]),
    ],
    contributions: [
      [w.year!, w.currency!, w.pledged!, w.paid!],
      board.contributions.map((row) => [row.year, row.currency, row.pledged, row.paid]),
    ],
  };
  const [headers, rows] = tables[chart];
  return file(`dashboard-${board.nation.code}-${chart}`, headers, rows);
}

/** The table behind one chart of the side-by-side dashboard, one row per nation (or nation and key), as CSV. */
export async function exportAllianceChart(ctx: Ctx, query: AllianceDashboardExportQuery) {
  const { chart, lang = "en", ...filters } = query;
  const board = await allianceDashboard(ctx, filters);
  const w = WORDS[lang];
  const nation = (row: (typeof board.nations)[number]) => named(row.nation, lang);
  const tables: Record<NationChart, [string[], ExportValue[][]]> = {
    programme: [
      [w.nation!, w.planned!, w.done!],
      board.nations.map((row) => [nation(row), row.plannedItems, row.doneItems]),
    ],
    participation: [
      [w.nation!, w.events!, w.participants!],
      board.nations.map((row) => [nation(row), row.eventsAttended, row.participants]),
    ],
    goals: [
      [w.nation!, w.status!, w.goals!],
      board.nations.flatMap((row) => row.goals.map((goal) => [nation(row), goal.status, goal.goals])),
    ],
    certifications: [[w.nation!, w.held!], board.nations.map((row) => [nation(row), row.certificationsHeld])],
    contributions: [
      [w.nation!, w.currency!, w.pledged!, w.paid!],
      board.nations.flatMap((row) =>
        row.contributions.map((money) => [nation(row), money.currency, money.pledged, money.paid]),
      ),
    ],
  };
  const [headers, rows] = tables[chart];
  return file(`dashboard-nations-${chart}`, headers, rows);
}
