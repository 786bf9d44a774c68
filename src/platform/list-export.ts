import { type Static, type TObject, Type } from "typebox";
import { AppError } from "./errors.js";
import type { Ctx } from "./http/request-context.js";
import { StringEnum } from "./http/schemas.js";
import { EXPORT_CONTENT_TYPES, type ExportValue, toCsv, toXlsx } from "./tabular-export.js";

/**
 * One mechanism for the export of every list: a module declares, per list, the list's own query schema, the
 * service function that answers one page of it (so its access check, releasability filter and filters apply
 * unchanged) and its columns with headers in en/az/ru; `exportList` pages through everything and renders CSV or
 * XLSX (cells neutralised against formula injection in tabular-export.ts). The routes (`GET /api/exports/<kind>`)
 * and `accord export <kind>` are generated from the same declarations (imports module).
 */

export type ExportLanguage = "en" | "az" | "ru";
export type ExportFormat = "csv" | "xlsx";
export type Headers = Record<ExportLanguage, string>;

/** A column: its header in each language and its value from one item of the list. */
export type ExportColumn<T> = readonly [
  header: Headers,
  value: (item: T, lang: ExportLanguage) => ExportValue,
];

interface Paged<T> {
  items: T[];
  total: number;
}

/** A list export with its types erased, as the route table and the CLI hold them. */
export interface ListExport {
  kind: string;
  summary: string;
  /** The list's query (paging and facets left out) with `format` and `lang`. */
  query: TObject;
  rows: (ctx: Ctx, filters: Record<string, unknown>) => Promise<unknown[]>;
  columns: ExportColumn<unknown>[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  data: Buffer;
}

/** Above this many rows an export is refused (413 naming the query): narrow the filters. */
export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 100;
const NOT_FILTERS = new Set(["limit", "offset", "facets"]);

const ExportOptions = {
  format: Type.Optional(StringEnum(["csv", "xlsx"], "csv (default) or xlsx")),
  lang: Type.Optional(StringEnum(["en", "az", "ru"], "Language of the headers (default en)")),
};

function tooMany(): never {
  throw new AppError(
    "PAYLOAD_TOO_LARGE",
    `The list has more than ${MAX_EXPORT_ROWS} rows; narrow the filters`,
    [{ field: "query", message: `more than ${MAX_EXPORT_ROWS} rows` }],
  );
}

function exportQuery(list: TObject): TObject {
  const filters = Object.fromEntries(
    Object.entries(list.properties).filter(([key]) => !NOT_FILTERS.has(key)),
  );
  return Type.Object({ ...filters, ...ExportOptions }, { additionalProperties: false });
}

interface Declaration<Q extends TObject, T> {
  kind: string;
  summary: string;
  /** The list route's own query schema. */
  query: Q;
  /** Inferred from the service call only, so that each `col(...)` is typed by it. */
  columns: ExportColumn<NoInfer<T>>[];
}

/** A paged list: `page` is the list route's service call, asked for 100 at a time until all are read. */
export function pagedExport<Q extends TObject, T>(
  declaration: Declaration<Q, T> & { page: (ctx: Ctx, query: Static<Q>) => Promise<Paged<T>> },
): ListExport {
  const { page, ...rest } = declaration;
  return {
    ...erase<Q, T>(rest),
    rows: async (ctx, filters) => {
      const items: T[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const answer = await page(ctx, { ...filters, limit: PAGE, offset } as Static<Q>);
        items.push(...answer.items);
        if (answer.items.length < PAGE || items.length >= answer.total) return items;
        if (items.length >= MAX_EXPORT_ROWS) tooMany();
      }
    },
  };
}

/** A list answered whole (the calendar, the items of one programme): `all` is the list route's service call. */
export function wholeExport<Q extends TObject, T>(
  declaration: Declaration<Q, T> & { all: (ctx: Ctx, query: Static<Q>) => Promise<T[]> },
): ListExport {
  const { all, ...rest } = declaration;
  return {
    ...erase<Q, T>(rest),
    rows: async (ctx, filters) => {
      const items = await all(ctx, filters as Static<Q>);
      if (items.length > MAX_EXPORT_ROWS) tooMany();
      return items;
    },
  };
}

function erase<Q extends TObject, T>(declaration: Declaration<Q, T>) {
  return {
    kind: declaration.kind,
    summary: declaration.summary,
    query: exportQuery(declaration.query),
    columns: declaration.columns as unknown as ExportColumn<unknown>[],
  };
}

/** Every row of the list for the filters, rendered as CSV (UTF-8 with BOM) or XLSX with headers in `lang`. */
export async function exportList(
  ctx: Ctx,
  list: ListExport,
  query: Record<string, unknown>,
): Promise<ExportFile> {
  const {
    format = "csv",
    lang = "en",
    ...filters
  } = query as {
    format?: ExportFormat;
    lang?: ExportLanguage;
  };
  const items = await list.rows(ctx, filters);
  const headers = list.columns.map(([header]) => header[lang]);
  const rows = items.map((item) => list.columns.map(([, value]) => value(item, lang)));
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `accord-${list.kind}-${stamp}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    data: format === "csv" ? toCsv(headers, rows) : await toXlsx(list.kind, headers, rows),
  };
}

/** The title of a record in the language of the export, English when it has none in that language. */
export const inLanguage = (lang: ExportLanguage, en: string, az?: string | null, ru?: string | null) =>
  (lang === "az" ? az : lang === "ru" ? ru : null) ?? en;

export const yesNo = (value: boolean | null | undefined) => (value == null ? null : value ? "yes" : "no");

/** Headers that many lists share. */
export const H = {
  code: { en: "Code", az: "Kod", ru: "Код" },
  title: { en: "Title", az: "Ad", ru: "Название" },
  name: { en: "Name", az: "Ad", ru: "Наименование" },
  kind: { en: "Kind", az: "Növ", ru: "Вид" },
  status: { en: "Status", az: "Status", ru: "Статус" },
  nation: { en: "Nation", az: "Ölkə", ru: "Страна" },
  organisation: { en: "Organisation", az: "Təşkilat", ru: "Организация" },
  year: { en: "Year", az: "İl", ru: "Год" },
  startsOn: { en: "Starts on", az: "Başlama tarixi", ru: "Дата начала" },
  endsOn: { en: "Ends on", az: "Bitmə tarixi", ru: "Дата окончания" },
  city: { en: "City", az: "Şəhər", ru: "Город" },
  area: { en: "Area", az: "Sahə", ru: "Область" },
  note: { en: "Note", az: "Qeyd", ru: "Примечание" },
  description: { en: "Description", az: "Təsvir", ru: "Описание" },
  unit: { en: "Unit", az: "Bölmə", ru: "Подразделение" },
  person: { en: "Person", az: "Şəxs", ru: "Лицо" },
  givenName: { en: "Given name", az: "Ad", ru: "Имя" },
  familyName: { en: "Family name", az: "Soyad", ru: "Фамилия" },
  rank: { en: "Rank", az: "Rütbə", ru: "Звание" },
  deadline: { en: "Deadline", az: "Son tarix", ru: "Срок" },
  series: { en: "Series", az: "Seriya", ru: "Серия" },
  number: { en: "Number", az: "Nömrə", ru: "Номер" },
  validFrom: { en: "Valid from", az: "Etibarlıdır (başlama)", ru: "Действует с" },
  validUntil: { en: "Valid until", az: "Etibarlıdır (son)", ru: "Действует до" },
  lead: { en: "Lead organisation", az: "Aparıcı təşkilat", ru: "Ведущая организация" },
  sample: { en: "Sample data", az: "Nümunə məlumat", ru: "Демо-данные" },
} satisfies Record<string, Headers>;
