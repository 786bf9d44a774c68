import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { IsoDate, StrictObject, StringEnum, Uuid } from "../../platform/http/schemas.js";
import { CONTENT_TYPES, type ReportDocument, toCsv, toPdf, toXlsx } from "./report-export.js";

/** What programmes' route plugins share: parameter and query schemas, and the sending of an exported report. */

export const AsOfQuery = StrictObject({ asOf: Type.Optional(IsoDate) });
export const ExportFormatQuery = StrictObject({
  format: StringEnum(["csv", "xlsx", "pdf"]),
  asOf: Type.Optional(IsoDate),
  language: Type.Optional(StringEnum(["en", "az", "ru"])),
});
export const Binary = Type.String({ description: "The report file (CSV, XLSX or PDF)" });
export const NationQuery = StrictObject({ nationId: Uuid });

export async function sendReport(
  reply: FastifyReply,
  report: ReportDocument,
  format: "csv" | "xlsx" | "pdf",
  name: string,
) {
  const body =
    format === "csv"
      ? Buffer.from(toCsv(report.tables[0]!), "utf8")
      : format === "xlsx"
        ? await toXlsx(report)
        : await toPdf(report);
  const filename = `${name.replace(/[^A-Za-z0-9_.-]+/g, "-")}.${format}`;
  return reply
    .header("content-type", CONTENT_TYPES[format])
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(body);
}
