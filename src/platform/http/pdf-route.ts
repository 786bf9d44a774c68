import type { ReportLanguage } from "../pdf-report.js";
import { pdfReportSchema, sendPdf } from "./pdf.js";
import { type Ctx, ctxOf } from "./request-context.js";
import type { RoutesPlugin } from "./type-provider.js";

/** Makes a record's printable report: the PDF and the file name it is offered under. */
export type RecordReportPdf = (
  ctx: Ctx,
  id: string,
  lang?: ReportLanguage,
) => Promise<{ pdf: Buffer; filename: string }>;

/** `GET url?lang=` of a record's printable report (`:id` in the url names the record), answered as a PDF. */
export function pdfReportRoute(
  app: Parameters<RoutesPlugin>[0],
  url: string,
  tags: string[],
  summary: string,
  makePdf: RecordReportPdf,
): void {
  app.get(url, { schema: pdfReportSchema(tags, summary) }, async (request, reply) => {
    const { pdf, filename } = await makePdf(ctxOf(request), request.params.id, request.query.lang);
    return sendPdf(reply, pdf, filename);
  });
}
