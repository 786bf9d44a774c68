import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Kysely } from "kysely";
import PDFDocument from "pdfkit";
import type { DB } from "../db/schema/index.js";
import type { Viewer } from "./access/viewer.js";
import { type DateLanguage, formatDateText, formatDateTimeText } from "./dates.js";

/**
 * The printable reports (event roster, evaluation, exercise, meeting minutes) share this layout: a title and a
 * subtitle, labelled fields, headings, paragraphs, and tables that break across pages with their header repeated;
 * every page ends with the record's releasability marking, when and for whom it was generated, and "page n of m".
 */
export type ReportLanguage = DateLanguage;
export const REPORT_LANGUAGES = ["en", "az", "ru"] as const;

/** pdfkit's standard fonts have no Cyrillic and no Azerbaijani ə: DejaVu Sans, as for certificates. */
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function loadFonts() {
  const require = createRequire(import.meta.url);
  fonts ??= {
    regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
    bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

const WORDS: Record<
  ReportLanguage,
  {
    page: string;
    generated: string;
    marking: Record<"public" | "internal" | "restricted", string>;
    releasableTo: string;
    none: string;
  }
> = {
  en: {
    page: "Page {n} of {m}",
    generated: "Generated {at} UTC by {who}",
    marking: { public: "PUBLIC", internal: "INTERNAL — signed-in users", restricted: "RESTRICTED" },
    releasableTo: "releasable to",
    none: "—",
  },
  az: {
    page: "Səhifə {n} / {m}",
    generated: "Yaradılıb: {at} UTC, {who}",
    marking: {
      public: "AÇIQ",
      internal: "DAXİLİ — sistemə daxil olmuş istifadəçilər",
      restricted: "MƏHDUD",
    },
    releasableTo: "təqdim edilə bilər",
    none: "—",
  },
  ru: {
    page: "Страница {n} из {m}",
    generated: "Сформировано {at} UTC, {who}",
    marking: {
      public: "ОТКРЫТО",
      internal: "ДЛЯ ВНУТРЕННЕГО ПОЛЬЗОВАНИЯ — зарегистрированные пользователи",
      restricted: "ОГРАНИЧЕННЫЙ ДОСТУП",
    },
    releasableTo: "может быть передано",
    none: "—",
  },
};

export interface Releasable {
  releasability: string;
  /** Codes (or names) of the nations and organisations a restricted record is released to, owners included. */
  releaseTo?: string[];
}

/** The marking line of a record: `RESTRICTED — releasable to AZE, NATO-SCHOOL`. */
export function markingOf(language: ReportLanguage, record: Releasable): string {
  const words = WORDS[language];
  const level = words.marking[record.releasability as keyof typeof words.marking] ?? record.releasability;
  const to = (record.releaseTo ?? []).filter(Boolean);
  return to.length && record.releasability === "restricted"
    ? `${level} — ${words.releasableTo} ${to.join(", ")}`
    : level;
}

export interface ReleaseColumns {
  releasability: string;
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releaseNations: string[];
  releaseOrganisations: string[];
}

/** The record's marking, its owners and release lists written as nation and organisation codes. */
export async function markingOfRecord(
  db: Kysely<DB>,
  language: ReportLanguage,
  record: ReleaseColumns,
): Promise<string> {
  const nations = [record.ownerNationId, ...record.releaseNations].filter((id): id is string => !!id);
  const organisations = [record.ownerOrganisationId, ...record.releaseOrganisations].filter(
    (id): id is string => !!id,
  );
  const [nationCodes, organisationCodes] = await Promise.all([
    nations.length
      ? db.selectFrom("nation").select("code").where("id", "in", nations).orderBy("code").execute()
      : [],
    organisations.length
      ? db
          .selectFrom("organisation")
          .select("code")
          .where("id", "in", organisations)
          .orderBy("code")
          .execute()
      : [],
  ]);
  return markingOf(language, {
    releasability: record.releasability,
    releaseTo: [...nationCodes, ...organisationCodes].map((row) => row.code),
  });
}

/** The report's language: the one asked for, else the account's own, else English. */
export async function reportLanguage(
  db: Kysely<DB>,
  viewer: Viewer,
  asked: ReportLanguage | undefined,
): Promise<ReportLanguage> {
  if (asked) return asked;
  if (!viewer.userId) return "en";
  const user = await db
    .selectFrom("appUser")
    .select("preferredLanguage")
    .where("id", "=", viewer.userId)
    .executeTakeFirst();
  const preferred = user?.preferredLanguage;
  return preferred === "az" || preferred === "ru" ? preferred : "en";
}

/** A text in the report's language, falling back to English when the translation is missing. */
export function pick(
  language: ReportLanguage,
  en: string,
  az: string | null | undefined,
  ru: string | null | undefined,
): string {
  return (language === "az" ? az : language === "ru" ? ru : en) || en;
}

/** `Maj. Məmmədova, Aysel (AZE)`: rank, family name first, as a roster is sorted. */
export function personName(
  person: { rankTitle?: string | null; familyName: string; givenName: string },
  nationCode?: string | null,
): string {
  const name = [person.rankTitle, `${person.familyName}, ${person.givenName}`].filter(Boolean).join(" ");
  return nationCode ? `${name} (${nationCode})` : name;
}

export const formatDate = (iso: string | null | undefined, language: ReportLanguage): string =>
  iso ? formatDateText(iso, language) : WORDS[language].none;

export interface ReportColumn {
  header: string;
  /** Share of the table's width; the shares of a table need not add up to 1. */
  width: number;
}

export type ReportCell = string | number | null | undefined;

export interface PdfReportOptions {
  language: ReportLanguage;
  title: string;
  subtitle?: string;
  marking: string;
  /** Who asked for it (the account's user name) and when; shown at the foot of each page. */
  generatedBy: string | null;
  generatedAt?: Date;
  landscape?: boolean;
  /** Tests turn compression off; parsers read either. */
  compress?: boolean;
}

const MARGIN = 40;
const FOOTER = 30;
const INK = "#000";
const MUTED = "#555";
const RULE = "#bbb";
const HEAD_FILL = "#e8edf4";

const text = (cell: ReportCell): string => (cell === null || cell === undefined ? "" : String(cell));

export class PdfReport {
  private readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  readonly language: ReportLanguage;
  private readonly options: PdfReportOptions;

  constructor(options: PdfReportOptions) {
    this.options = options;
    this.language = options.language;
    const { regular, bold } = loadFonts();
    this.doc = new PDFDocument({
      size: "A4",
      layout: options.landscape ? "landscape" : "portrait",
      margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
      bufferPages: true,
      compress: options.compress ?? true,
      info: { Title: options.title, Creator: "Accord", Subject: options.subtitle ?? options.title },
    });
    this.doc.registerFont("regular", regular);
    this.doc.registerFont("bold", bold);
    const chunks: Buffer[] = [];
    this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.doc.font("bold").fontSize(16).fillColor(INK).text(options.title, { width: this.width });
    if (options.subtitle) {
      this.doc.font("regular").fontSize(10).fillColor(MUTED).text(options.subtitle, { width: this.width });
    }
    this.doc.fillColor(INK).moveDown(0.8);
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private ensureRoom(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(title: string): this {
    this.doc.font("bold").fontSize(12);
    this.ensureRoom(this.doc.heightOfString(title, { width: this.width }) + 30);
    this.doc.moveDown(0.4).fillColor("#1c3d6e").text(title, MARGIN, this.doc.y, { width: this.width });
    this.doc.fillColor(INK).moveDown(0.3);
    return this;
  }

  paragraph(body: string | null | undefined): this {
    const value = body?.trim() ? body : WORDS[this.language].none;
    this.doc
      .font("regular")
      .fontSize(9.5)
      .fillColor(INK)
      .text(value, MARGIN, this.doc.y, { width: this.width });
    this.doc.moveDown(0.4);
    return this;
  }

  /** Label: value lines, the labels in one column. */
  fields(pairs: [string, ReportCell][]): this {
    const labelWidth = this.width * 0.28;
    for (const [label, value] of pairs) {
      this.doc.fontSize(9.5);
      const shown = text(value) || WORDS[this.language].none;
      const height = Math.max(
        this.doc.font("bold").heightOfString(label, { width: labelWidth - 6 }),
        this.doc.font("regular").heightOfString(shown, { width: this.width - labelWidth }),
      );
      this.ensureRoom(height + 2);
      const top = this.doc.y;
      this.doc
        .font("bold")
        .fillColor(MUTED)
        .text(label, MARGIN, top, { width: labelWidth - 6 });
      this.doc
        .font("regular")
        .fillColor(INK)
        .text(shown, MARGIN + labelWidth, top, {
          width: this.width - labelWidth,
        });
      this.doc.x = MARGIN;
      this.doc.y = top + height + 2;
    }
    this.doc.moveDown(0.4);
    return this;
  }

  /** A table whose rows break across pages, the header row repeated at the top of each page. */
  table(columns: ReportColumn[], rows: ReportCell[][], empty?: string): this {
    const total = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (this.width * column.width) / total);
    const pad = 3;
    const measure = (cells: string[], font: "regular" | "bold") => {
      this.doc.font(font).fontSize(8.5);
      return (
        Math.max(
          ...cells.map((cell, index) => this.doc.heightOfString(cell, { width: widths[index]! - 2 * pad })),
        ) +
        2 * pad
      );
    };
    const draw = (cells: string[], font: "regular" | "bold", height: number) => {
      const top = this.doc.y;
      if (font === "bold") this.doc.rect(MARGIN, top, this.width, height).fill(HEAD_FILL);
      this.doc.font(font).fontSize(8.5).fillColor(INK);
      let x = MARGIN;
      cells.forEach((cell, index) => {
        this.doc.text(cell, x + pad, top + pad, {
          width: widths[index]! - 2 * pad,
          // A cell taller than a page is cut rather than run off it.
          height: this.bottom - MARGIN - 2 * pad,
          ellipsis: true,
        });
        x += widths[index]!;
      });
      this.doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + this.width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.x = MARGIN;
      this.doc.y = top + height;
    };
    const header = columns.map((column) => column.header);
    const headerHeight = measure(header, "bold");
    const maxRow = this.bottom - MARGIN - headerHeight;
    const bodyRows = rows.map((row) => columns.map((_, index) => text(row[index])));
    // The header is not left alone at the foot of a page: it goes with the first row.
    this.ensureRoom(headerHeight + Math.min(maxRow, bodyRows[0] ? measure(bodyRows[0], "regular") : 0));
    draw(header, "bold", headerHeight);
    for (const cells of bodyRows) {
      const height = Math.min(maxRow, measure(cells, "regular"));
      if (this.doc.y + height > this.bottom) {
        this.doc.addPage();
        draw(header, "bold", headerHeight);
      }
      draw(cells, "regular", height);
    }
    if (!bodyRows.length && empty) {
      this.doc.moveDown(0.2).font("regular").fontSize(9).fillColor(MUTED).text(empty, MARGIN, this.doc.y);
      this.doc.fillColor(INK);
    }
    this.doc.moveDown(0.6);
    return this;
  }

  /** Writes the foot of every page and returns the document. */
  async finish(): Promise<Buffer> {
    const words = WORDS[this.language];
    const generated = words.generated
      .replace("{at}", formatDateTimeText(this.options.generatedAt ?? new Date(), this.language))
      .replace("{who}", this.options.generatedBy ?? "—");
    const range = this.doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.doc.switchToPage(index);
      const page = this.doc.page;
      // Writing below the bottom margin would otherwise open a new page.
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      const y = page.height - MARGIN - FOOTER + 10;
      this.doc
        .moveTo(MARGIN, y - 4)
        .lineTo(page.width - MARGIN, y - 4)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      this.doc.font("bold").fontSize(7.5).fillColor("#8a1c1c");
      this.doc.text(this.options.marking, MARGIN, y, { width: this.width * 0.7, lineBreak: false });
      this.doc.font("regular").fillColor(MUTED);
      this.doc.text(
        words.page.replace("{n}", String(index - range.start + 1)).replace("{m}", String(range.count)),
        MARGIN + this.width * 0.7,
        y,
        { width: this.width * 0.3, align: "right", lineBreak: false },
      );
      this.doc.text(generated, MARGIN, y + 11, { width: this.width, lineBreak: false });
      page.margins.bottom = bottom;
    }
    this.doc.end();
    return this.done;
  }
}
