import type { Readable } from "node:stream";
import { type Static, type TObject, Type } from "typebox";
import { AppError } from "./errors.js";
import type { Ctx } from "./http/request-context.js";
import { StrictObject, StringEnum } from "./http/schemas.js";
import { csvStream, EXPORT_CONTENT_TYPES, type ExportValue, xlsxStream } from "./tabular-export.js";

/**
 * One mechanism for the export of every list: a module declares, per list, the list's own query schema, the
 * service function that answers one page of it (so its access check, releasability filter and filters apply
 * unchanged) and its columns with headers in en/az/ru; `exportList` pages through everything and streams CSV or
 * XLSX page by page (cells neutralised against formula injection in tabular-export.ts), so an export of any length
 * holds one page in memory. The routes (`GET /api/exports/<kind>`)
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
  /** The list's rows a page at a time, as its own service answers them. */
  pages: (ctx: Ctx, filters: Record<string, unknown>) => AsyncGenerator<unknown[]>;
  columns: ExportColumn<unknown>[];
}

export interface ExportFile {
  filename: string;
  contentType: string;
  /** The file as it is written; the first page has been read, so access and filter errors come before it. */
  stream: Readable;
}

/**
 * Above this many rows an export is refused (413 naming the query): the list pages by offset, so a longer one
 * would cost more than it is worth. Memory does not limit it: the file is streamed.
 */
export const MAX_EXPORT_ROWS = 1_000_000;
const PAGE = 500;
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
  return StrictObject({ ...filters, ...ExportOptions });
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
    pages: async function* (ctx, filters) {
      // Advance by what the page held, not by what was asked: a list that answers fewer per page is still read whole.
      for (let offset = 0; ; ) {
        if (offset >= MAX_EXPORT_ROWS) tooMany();
        const answer = await page(ctx, { ...filters, limit: PAGE, offset } as Static<Q>);
        // Known from the first page, which is read before the answer starts: a 413, not a file cut short.
        if (answer.total > MAX_EXPORT_ROWS) tooMany();
        yield answer.items;
        offset += answer.items.length;
        if (!answer.items.length || offset >= answer.total) return;
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
    pages: async function* (ctx, filters) {
      const items = await all(ctx, filters as Static<Q>);
      if (items.length > MAX_EXPORT_ROWS) tooMany();
      yield items;
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

/**
 * Every row of the list for the filters, streamed as CSV (UTF-8 with BOM) or XLSX with headers in `lang`. The first
 * page is read before the answer starts, so a refusal (access, a filter) is an error answer, not a broken file.
 */
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
  const source = list.pages(ctx, filters);
  const first = await source.next();
  const rows = async function* () {
    if (first.done) return;
    yield first.value;
    yield* source;
  };
  const cells = async function* () {
    for await (const items of rows())
      yield items.map((item) => list.columns.map(([, value]) => value(item, lang)));
  };
  const headers = list.columns.map(([header]) => header[lang]);
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `accord-${list.kind}-${stamp}.${format}`,
    contentType: EXPORT_CONTENT_TYPES[format],
    stream: format === "csv" ? csvStream(headers, cells()) : xlsxStream(list.kind, headers, cells()),
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
