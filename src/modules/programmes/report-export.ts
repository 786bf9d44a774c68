import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { type DateLanguage, formatDateText } from "../../platform/dates.js";
import { neutraliseCell } from "../../platform/tabular-export.js";

export type Cell = string | number | null;

export interface ReportTable {
  name: string;
  columns: string[];
  rows: Cell[][];
  /** Columns of codes for machines (CSV, XLSX): a PDF is read by people and leaves them out. */
  codeColumns?: number[];
  /** Columns of ISO dates: CSV and XLSX keep them ISO (data), a PDF writes them in the report's language. */
  dateColumns?: number[];
}

export interface ReportDocument {
  /** The language of the words and of the dates a PDF writes out (English when not given). */
  language?: DateLanguage;
  title: string;
  subtitle: string;
  /** The first table is the one a CSV export carries. */
  tables: ReportTable[];
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe; numbers stay numbers. */
const safe = (value: Cell): Cell => (typeof value === "string" ? neutraliseCell(value) : value);

/** RFC 4180: CRLF line ends; fields with a comma, quote or line break are quoted and quotes doubled. */
export function toCsv(table: ReportTable): string {
  const field = (value: Cell) => {
    const text = value === null ? "" : String(safe(value));
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${[table.columns, ...table.rows].map((row) => row.map(field).join(",")).join("\r\n")}\r\n`;
}

export async function toXlsx(report: ReportDocument): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Accord";
  workbook.title = report.title;
  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(safe));
    sheet.columns.forEach((column, index) => {
      const widest = Math.max(
        table.columns[index]?.length ?? 8,
        ...table.rows.map((row) => String(row[index] ?? "").length),
      );
      column.width = Math.min(60, Math.max(8, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * PDF's standard fonts have no Cyrillic and no Azerbaijani ə: DejaVu Sans comes from the `dejavu-fonts-ttf` npm
 * package (as for certificates), so nothing is read from the operating system.
 */
function fontPath(name: string): string {
  return createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => {
  fonts ??= {
    regular: readFileSync(fontPath("DejaVuSans.ttf")),
    bold: readFileSync(fontPath("DejaVuSans-Bold.ttf")),
  };
  return fonts;
};

export function toPdf(report: ReportDocument): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 36, info: { Title: report.title } });
  doc.registerFont("body", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  doc.font("bold").fontSize(16).text(report.title);
  doc.font("body").fontSize(10).fillColor("#555").text(report.subtitle).fillColor("#000").moveDown();
  const width = doc.page.width - 72;
  for (const full of report.tables) {
    const keep = (_: unknown, index: number) => !full.codeColumns?.includes(index);
    const cell = (value: Cell, index: number): Cell =>
      typeof value === "string" && value && full.dateColumns?.includes(index)
        ? formatDateText(value, report.language ?? "en")
        : value;
    const table = {
      ...full,
      columns: full.columns.filter(keep),
      rows: full.rows.map((row) => row.map(cell).filter(keep)),
    };
    doc.font("bold").fontSize(12).text(table.name).moveDown(0.3);
    const first = Math.max(0.3, Math.min(0.45, 1 - 0.1 * (table.columns.length - 1)));
    const widths = table.columns.map((_, index) =>
      index === 0 ? width * first : (width * (1 - first)) / Math.max(1, table.columns.length - 1),
    );
    const drawRow = (cells: Cell[], font: "body" | "bold") => {
      doc.font(font).fontSize(8);
      const height =
        Math.max(
          ...cells.map((cell, index) =>
            doc.heightOfString(String(cell ?? ""), { width: widths[index]! - 4 }),
          ),
        ) + 4;
      if (doc.y + height > doc.page.height - 36) doc.addPage();
      const top = doc.y;
      let x = 36;
      cells.forEach((cell, index) => {
        doc.text(String(cell ?? ""), x + 2, top + 2, { width: widths[index]! - 4 });
        x += widths[index]!;
      });
      doc
        .moveTo(36, top + height)
        .lineTo(36 + width, top + height)
        .strokeColor("#ccc")
        .lineWidth(0.5)
        .stroke();
      doc.x = 36;
      doc.y = top + height;
    };
    drawRow(table.columns, "bold");
    for (const row of table.rows) drawRow(row, "body");
    doc.moveDown();
  }
  doc.end();
  return done;
}

export const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
} as const;
