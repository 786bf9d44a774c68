import {
  H,
  inLanguage,
  type ListExport,
  pagedExport,
  wholeExport,
  yesNo,
} from "../../platform/list-export.js";
import { ActivityQuery, CalendarQuery, NominationQuery } from "./catalogue.schemas.js";
import { calendar, listNominations, searchActivitiesWithEventDates } from "./catalogue.service.js";

const languages = { en: "Languages", az: "Dillər", ru: "Языки" };

export const catalogueExports: ListExport[] = [
  pagedExport({
    kind: "activities",
    summary: "Every activity of the menu search for the same filters, as CSV or XLSX",
    query: ActivityQuery,
    page: (ctx, query) => searchActivitiesWithEventDates(ctx, { ...query, facets: false }),
    columns: [
      [H.code, (a) => a.code],
      [H.title, (a, lang) => inLanguage(lang, a.titleEn, a.titleAz, a.titleRu)],
      [H.kind, (a) => a.kind],
      [{ en: "Menu year", az: "Menyu ili", ru: "Год меню" }, (a) => a.menuYear],
      [H.status, (a) => a.status],
      [{ en: "Organiser", az: "Təşkilatçı", ru: "Организатор" }, (a) => a.organiser.code],
      [
        { en: "Host nation", az: "Ev sahibi ölkə", ru: "Принимающая страна" },
        (a) => a.hostNation?.code ?? null,
      ],
      [H.city, (a) => a.city],
      [{ en: "Online", az: "Onlayn", ru: "Онлайн" }, (a) => yesNo(a.online)],
      [languages, (a) => a.languages],
      [{ en: "Areas", az: "Sahələr", ru: "Области" }, (a) => a.areas],
      [{ en: "Capacity", az: "Tutum", ru: "Вместимость" }, (a) => a.capacity],
      [{ en: "First start", az: "İlk başlama", ru: "Первое начало" }, (a) => a.firstStartsOn],
      [{ en: "Last end", az: "Son bitmə", ru: "Последнее окончание" }, (a) => a.lastEndsOn],
      [{ en: "Events", az: "Tədbirlər", ru: "Мероприятия" }, (a) => a.eventCount],
      // Every event's dates, so that the menu imports back with all its events (the import reads this column).
      [{ en: "Event dates", az: "Tədbir tarixləri", ru: "Даты мероприятий" }, (a) => a.eventDates.join("; ")],
    ],
  }),
  wholeExport({
    kind: "events",
    summary: "The events of the calendar between two dates for the same filters, as CSV or XLSX",
    query: CalendarQuery,
    all: calendar,
    columns: [
      [H.code, (e) => e.code],
      [H.title, (e, lang) => inLanguage(lang, e.title, e.titleAz, e.titleRu)],
      [H.kind, (e) => e.kind],
      [H.startsOn, (e) => e.startsOn],
      [H.endsOn, (e) => e.endsOn],
      [H.city, (e) => e.city],
      [H.status, (e) => e.status],
      [{ en: "Nomination", az: "Namizədlik", ru: "Номинация" }, (e) => e.nominationStatus],
    ],
  }),
  pagedExport({
    kind: "nominations",
    summary:
      "Every nomination the list shows for the same filters, as CSV or XLSX (the nominations import reads it back)",
    query: NominationQuery,
    page: listNominations,
    // The nominations import's header names, so that an exported list imports back with nothing to change.
    columns: [
      [{ en: "Activity code", az: "Fəaliyyət kodu", ru: "Код мероприятия" }, (n) => n.event.activityCode],
      [{ en: "Starts on", az: "Tədbirin başlama tarixi", ru: "Дата начала" }, (n) => n.event.startsOn],
      [H.nation, (n) => n.nation.code],
      [H.familyName, (n) => n.person.familyName],
      [H.givenName, (n) => n.person.givenName],
      [H.rank, (n) => n.person.rankTitle],
      [{ en: "Priority", az: "Prioritet", ru: "Приоритет" }, (n) => n.priority],
      [{ en: "Status", az: "Vəziyyət", ru: "Статус" }, (n) => n.status],
      [H.note, (n) => n.note],
    ],
  }),
];
