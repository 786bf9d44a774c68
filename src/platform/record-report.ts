import type { Ctx } from "./http/request-context.js";
import {
  formatDate,
  markingOfRecord,
  PdfReport,
  type ReleaseColumns,
  type ReportCell,
  type ReportLanguage,
} from "./pdf-report.js";

/**
 * What the record reports (exercise, evaluation, meeting minutes) build on PdfReport: the report opened for the
 * caller with the record's marking, sections of a heading and a table that says "none" when it has no rows, and
 * the few ways a value is written in every report.
 */

/** A record's release as its JSON read answers it (ReleaseOutput: the nation and organisation lists as ids). */
export interface ReleaseOutputColumns {
  releasability: string;
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releaseNationIds: string[];
  releaseOrganisationIds: string[];
}

/** The texts of a report in its language: "none" for an empty table, the column headers among the rest. */
export interface ReportWords {
  none: string;
}

/** A column of a section's table, named by its header's key in the report's words ("#" for a running number). */
export type ColumnKey<W> = { [K in keyof W]: W[K] extends string ? K : never }[keyof W] | "#";

export class RecordReport<W extends ReportWords> extends PdfReport {
  constructor(
    options: ConstructorParameters<typeof PdfReport>[0],
    private readonly words: W,
  ) {
    super(options);
  }

  /**
   * A heading, then the table of its rows (or the report's "none"): the columns in the order given, each with its
   * share of the table's width, `{ name: 5, role: 2 }`.
   */
  section(title: string, widths: Partial<Record<ColumnKey<W>, number>>, rows: ReportCell[][]): this {
    this.heading(title);
    const columns = Object.entries(widths as Record<string, number>).map(([key, width]) => ({
      header: key === "#" ? key : String(this.words[key as keyof W]),
      width,
    }));
    return this.table(columns, rows, this.words.none);
  }
}

/**
 * Opens the report of a record for the caller: its marking from the record's owners and release lists (given as
 * stored, or as the JSON read answers them) and the caller's user name at the foot of each page.
 */
export async function openRecordReport<W extends ReportWords>(
  ctx: Ctx,
  language: ReportLanguage,
  words: W,
  page: { title: string; subtitle: string },
  record: ReleaseColumns | ReleaseOutputColumns,
): Promise<RecordReport<W>> {
  const columns: ReleaseColumns =
    "releaseNationIds" in record
      ? {
          releasability: record.releasability,
          ownerNationId: record.ownerNationId,
          ownerOrganisationId: record.ownerOrganisationId,
          releaseNations: record.releaseNationIds,
          releaseOrganisations: record.releaseOrganisationIds,
        }
      : record;
  const marking = await markingOfRecord(ctx.db, language, columns);
  return new RecordReport(
    { language, title: page.title, subtitle: page.subtitle, marking, generatedBy: ctx.viewer.username },
    words,
  );
}

/** A stored code's label in the report's language; the code itself when the dictionary lacks it. */
export const labelOf = <T extends Record<string, string>>(labels: T, code: string | null | undefined) =>
  code ? (labels[code as keyof T] ?? code) : null;

/** `1 Mar 2026 – 5 Mar 2026`: a period's first and last day. */
export const dateRange = (
  from: string | null | undefined,
  to: string | null | undefined,
  language: ReportLanguage,
) => `${formatDate(from, language)} – ${formatDate(to, language)}`;

/** `Azerbaijan (AZE)`: a nation or organisation by its English name and code; null for none. */
export const nameAndCode = (ref: { code: string; nameEn: string } | null | undefined) =>
  ref ? `${ref.nameEn} (${ref.code})` : null;

/** A line of the report with its `{name}` places filled in: `fillIn("{n} of {m}", { n: 1, m: 2 })`. */
export const fillIn = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((line, [name, value]) => line.replace(`{${name}}`, String(value)), template);
