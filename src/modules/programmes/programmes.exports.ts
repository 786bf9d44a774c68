import { StrictObject, Uuid } from "../../platform/http/schemas.js";
import { H, type ListExport, pagedExport, wholeExport, yesNo } from "../../platform/list-export.js";
import { GoalQuery, PlanQuery, ProgrammeQuery } from "./programmes.schemas.js";
import { getProgramme, listGoals, listPlans, listProgrammes } from "./programmes.service.js";

const ItemsQuery = StrictObject({ programmeId: Uuid });

export const programmesExports: ListExport[] = [
  pagedExport({
    kind: "plans",
    summary: "Every multi-year plan the list shows for the same filters, as CSV or XLSX",
    query: PlanQuery,
    page: listPlans,
    columns: [
      [H.code, (p) => p.code],
      [H.title, (p) => p.title],
      [H.kind, (p) => p.kind],
      [H.nation, (p) => p.nation?.code ?? null],
      [{ en: "Periods", az: "Dövrlər", ru: "Периоды" }, (p) => p.periodCount],
      [H.description, (p) => p.description],
    ],
  }),
  pagedExport({
    kind: "annual-programmes",
    summary: "Every annual programme the list shows for the same filters, as CSV or XLSX",
    query: ProgrammeQuery,
    page: listProgrammes,
    columns: [
      [H.nation, (p) => p.nation.code],
      [H.title, (p) => p.title],
      [{ en: "First year", az: "İlk il", ru: "Первый год" }, (p) => p.firstYear],
      [{ en: "Last year", az: "Son il", ru: "Последний год" }, (p) => p.lastYear],
      [H.status, (p) => p.status],
      [{ en: "Items", az: "Bəndlər", ru: "Пункты" }, (p) => p.itemCount],
      [H.note, (p) => p.note],
    ],
  }),
  wholeExport({
    kind: "programme-items",
    summary: "The items of one annual programme, as its page lists them, as CSV or XLSX",
    query: ItemsQuery,
    all: async (ctx, query) => {
      const programme = await getProgramme(ctx, query.programmeId);
      return programme.items.map((item) => ({
        ...item,
        nationCode: programme.nation.code,
        programmeYear: programme.firstYear,
      }));
    },
    // The programme-items import's header names (nation and year name the programme), so the file imports back.
    columns: [
      [H.nation, (i) => i.nationCode],
      [H.year, (i) => i.programmeYear],
      [{ en: "Activity code", az: "Fəaliyyət kodu", ru: "Код мероприятия" }, (i) => i.activity?.code ?? null],
      [H.title, (i) => i.title],
      [H.area, (i) => i.areaCode],
      [
        { en: "Planned start", az: "Planlaşdırılan başlama", ru: "Плановое начало" },
        (i) => i.plannedStartsOn,
      ],
      [{ en: "Planned end", az: "Planlaşdırılan bitmə", ru: "Плановое окончание" }, (i) => i.plannedEndsOn],
      [
        { en: "Planned participants", az: "Planlaşdırılan iştirakçılar", ru: "Плановое число участников" },
        (i) => i.plannedParticipants,
      ],
      [{ en: "Attended", az: "İştirak edib", ru: "Посетили" }, (i) => i.attended],
      [{ en: "Implemented", az: "İcra olunub", ru: "Выполнено" }, (i) => yesNo(i.implemented)],
      [H.note, (i) => i.note],
    ],
  }),
  pagedExport({
    kind: "partnership-goals",
    summary: "Every partnership goal the list shows for the same filters, as CSV or XLSX",
    query: GoalQuery,
    page: listGoals,
    columns: [
      [H.nation, (g) => g.nation.code],
      [H.code, (g) => g.code],
      [H.title, (g) => g.title],
      [H.area, (g) => g.areaCode],
      [H.status, (g) => g.status],
      [{ en: "Agreed in", az: "Razılaşdırılıb", ru: "Согласовано в" }, (g) => g.agreedYear],
      [{ en: "Target date", az: "Hədəf tarixi", ru: "Целевая дата" }, (g) => g.targetOn],
      [{ en: "Late", az: "Gecikir", ru: "Просрочено" }, (g) => yesNo(g.late)],
      [{ en: "Latest rating", az: "Son qiymət", ru: "Последняя оценка" }, (g) => g.latestRating],
      // The goals import reads the columns above (late and rating left aside) and this one back.
      [H.description, (g) => g.description],
    ],
  }),
];
