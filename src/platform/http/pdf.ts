import type { FastifyReply } from "fastify";
import { Type } from "typebox";
import { REPORT_LANGUAGES } from "../pdf-report.js";
import { errorResponses, IdParams, StrictObject, StringEnum } from "./schemas.js";

/** `?lang=en|az|ru`: the report's language; without it, the account's language. */
export const ReportQuery = StrictObject({
  lang: Type.Optional(StringEnum(REPORT_LANGUAGES, "The report's language; the account's own when absent")),
});

/** The schema of a GET that answers a printable report: a PDF document, declared as such in the API document. */
export const pdfReportSchema = (tags: string[], summary: string) => ({
  tags,
  summary,
  params: IdParams,
  querystring: ReportQuery,
  response: {
    200: {
      description: "The report as a PDF document",
      content: { "application/pdf": { schema: { type: "string", format: "binary" } } },
    },
    ...errorResponses,
  },
});

/** Sends a generated PDF for viewing in the browser, under an ASCII file name, never sniffed as another type. */
export function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string): FastifyReply {
  const asciiName = filename.replace(/[^A-Za-z0-9_.-]+/g, "-");
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", `inline; filename="${asciiName}"`)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(pdf);
}
