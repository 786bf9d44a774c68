import { authorize } from "../../platform/access/policy.js";
import { AppError } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { EXPORT_CONTENT_TYPES, type ExportValue, toCsv, toXlsx } from "../../platform/tabular-export.js";
import { catalogueService } from "../catalogue/index.js";
import { directoryService } from "../directory/index.js";

/**
 * Exports of the main lists as CSV or XLSX: every page of exactly what the list answers for the same filters
 * (the list's own service is called page by page, so its access check and releasability filter apply), with the
 * headers in the requested language. The people export's headers are the ones the people import recognises, so
 * an exported file imports back unchanged.
 */

export type ExportLanguage = "en" | "az" | "ru";
export type ExportFormat = "csv" | "xlsx";

const MAX_ROWS = 100_000;
const PAGE = 100;

async function allPages<T>(fetch: (limit: number, offset: number) => Promise<{ items: T[]; total: number }>) {
  const items: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await fetch(PAGE, offset);
    items.push(...page.items);
    if (page.items.length < PAGE || items.length >= page.total) break;
    if (items.length >= MAX_ROWS) {
      throw new AppError("PAYLOAD_TOO_LARGE", `The list has more than ${MAX_ROWS} rows; narrow the filters`, [
        { field: "query", message: `more than ${MAX_ROWS} rows` },
      ]);
    }
  }
  return items;
}

interface Column<T> {
  header: Record<ExportLanguage, string>;
  value: (item: T) => ExportValue;
}

type PersonItem = Awaited<ReturnType<typeof directoryService.listPeople>>["items"][number];
const PEOPLE_COLUMNS: Column<PersonItem>[] = [
  { header: { en: "Given name", az: "Ad", ru: "Имя" }, value: (p) => p.givenName },
  { header: { en: "Family name", az: "Soyad", ru: "Фамилия" }, value: (p) => p.familyName },
  { header: { en: "Nation", az: "Ölkə", ru: "Страна" }, value: (p) => p.nation?.code ?? null },
  { header: { en: "Rank", az: "Rütbə", ru: "Звание" }, value: (p) => p.rankTitle },
  { header: { en: "Email", az: "E-poçt", ru: "Эл. почта" }, value: (p) => p.email },
  { header: { en: "Phone", az: "Telefon", ru: "Телефон" }, value: (p) => p.phone },
  { header: { en: "Languages", az: "Dillər", ru: "Языки" }, value: (p) => p.languages },
  {
    header: { en: "Organisation", az: "Təşkilat", ru: "Организация" },
    value: (p) => p.currentOrganisation?.code ?? null,
  },
];

type ActivityItem = Awaited<ReturnType<typeof catalogueService.searchActivities>>["items"][number];
const title = (a: ActivityItem, lang: ExportLanguage) =>
  (lang === "az" ? a.titleAz : lang === "ru" ? a.titleRu : null) ?? a.titleEn;
const activityColumns = (lang: ExportLanguage): Column<ActivityItem>[] => [
  { header: { en: "Code", az: "Kod", ru: "Код" }, value: (a) => a.code },
  { header: { en: "Title", az: "Ad", ru: "Название" }, value: (a) => title(a, lang) },
  { header: { en: "Kind", az: "Növ", ru: "Вид" }, value: (a) => a.kind },
  { header: { en: "Menu year", az: "Menyu ili", ru: "Год меню" }, value: (a) => a.menuYear },
  { header: { en: "Status", az: "Status", ru: "Статус" }, value: (a) => a.status },
  { header: { en: "Organiser", az: "Təşkilatçı", ru: "Организатор" }, value: (a) => a.organiser.code },
  {
    header: { en: "Host nation", az: "Ev sahibi ölkə", ru: "Принимающая страна" },
    value: (a) => a.hostNation?.code ?? null,
  },
  { header: { en: "City", az: "Şəhər", ru: "Город" }, value: (a) => a.city },
  { header: { en: "Online", az: "Onlayn", ru: "Онлайн" }, value: (a) => (a.online ? "yes" : "no") },
  { header: { en: "Languages", az: "Dillər", ru: "Языки" }, value: (a) => a.languages },
  { header: { en: "Areas", az: "Sahələr", ru: "Области" }, value: (a) => a.areas },
  { header: { en: "Capacity", az: "Tutum", ru: "Вместимость" }, value: (a) => a.capacity },
  { header: { en: "First start", az: "İlk başlama", ru: "Первое начало" }, value: (a) => a.firstStartsOn },
  { header: { en: "Last end", az: "Son bitmə", ru: "Последнее окончание" }, value: (a) => a.lastEndsOn },
  { header: { en: "Events", az: "Tədbirlər", ru: "Мероприятия" }, value: (a) => a.eventCount },
];

type NominationItem = Awaited<ReturnType<typeof catalogueService.listNominations>>["items"][number];
/** The nominations import's header names, so that an exported list imports back with nothing to change. */
const NOMINATION_COLUMNS: Column<NominationItem>[] = [
  {
    header: { en: "Activity code", az: "Fəaliyyət kodu", ru: "Код мероприятия" },
    value: (n) => n.event.activityCode,
  },
  {
    header: { en: "Starts on", az: "Tədbirin başlama tarixi", ru: "Дата начала" },
    value: (n) => n.event.startsOn,
  },
  { header: { en: "Nation", az: "Ölkə", ru: "Страна" }, value: (n) => n.nation.code },
  { header: { en: "Family name", az: "Soyad", ru: "Фамилия" }, value: (n) => n.person.familyName },
  { header: { en: "Given name", az: "Ad", ru: "Имя" }, value: (n) => n.person.givenName },
  { header: { en: "Rank", az: "Rütbə", ru: "Звание" }, value: (n) => n.person.rankTitle },
  { header: { en: "Priority", az: "Prioritet", ru: "Приоритет" }, value: (n) => n.priority },
  { header: { en: "Status", az: "Vəziyyət", ru: "Статус" }, value: (n) => n.status },
  { header: { en: "Note", az: "Qeyd", ru: "Примечание" }, value: (n) => n.note },
];

export interface ExportFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

async function render<T>(
  name: string,
  columns: Column<T>[],
  items: T[],
  format: ExportFormat,
  lang: ExportLanguage,
): Promise<ExportFile> {
  const headers = columns.map((column) => column.header[lang]);
  const rows = items.map((item) => columns.map((column) => column.value(item)));
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `accord-${name}-${stamp}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    data: format === "csv" ? toCsv(headers, rows) : await toXlsx(name, headers, rows),
  };
}

type Filters<Q> = Omit<Q, "limit" | "offset">;

export async function exportPeople(
  ctx: Ctx,
  filters: Filters<Parameters<typeof directoryService.listPeople>[1]>,
  format: ExportFormat,
  lang: ExportLanguage,
) {
  authorize(ctx.viewer, "person.list");
  const items = await allPages((limit, offset) =>
    directoryService.listPeople(ctx, { ...filters, limit, offset }),
  );
  return render("people", PEOPLE_COLUMNS, items, format, lang);
}

export async function exportActivities(
  ctx: Ctx,
  filters: Filters<Parameters<typeof catalogueService.searchActivities>[1]>,
  format: ExportFormat,
  lang: ExportLanguage,
) {
  authorize(ctx.viewer, "activity.read");
  const items = await allPages((limit, offset) =>
    catalogueService.searchActivities(ctx, { ...filters, facets: false, limit, offset }),
  );
  return render("activities", activityColumns(lang), items, format, lang);
}

export async function exportNominations(
  ctx: Ctx,
  filters: Filters<Parameters<typeof catalogueService.listNominations>[1]>,
  format: ExportFormat,
  lang: ExportLanguage,
) {
  authorize(ctx.viewer, "nomination.list");
  const items = await allPages((limit, offset) =>
    catalogueService.listNominations(ctx, { ...filters, limit, offset }),
  );
  return render("nominations", NOMINATION_COLUMNS, items, format, lang);
}
