import { type Static, Type } from "typebox";
import type { Ctx } from "../../platform/http/request-context.js";
import { StrictObject, StringEnum } from "../../platform/http/schemas.js";
import { EXPORT_CONTENT_TYPES, type ExportValue, toCsv, toXlsx } from "../../platform/tabular-export.js";
import { getEvaluationChecklist } from "./answers.service.js";

export const ResultsExportQuery = StrictObject({
  format: Type.Optional(StringEnum(["csv", "xlsx"], "csv (default) or xlsx")),
  lang: Type.Optional(StringEnum(["en", "az", "ru"], "Language of the headers (default en)")),
});
export type ResultsExportQuery = Static<typeof ResultsExportQuery>;

type Lang = "en" | "az" | "ru";
type Row = Awaited<ReturnType<typeof getEvaluationChecklist>>["areas"][number]["criteria"][number];

const COLUMNS: { header: Record<Lang, string>; value: (row: Row) => ExportValue }[] = [
  { header: { en: "Area", az: "Sahə", ru: "Область" }, value: (r) => `${r.areaCode} ${r.areaTitle}` },
  { header: { en: "Criterion", az: "Meyar", ru: "Критерий" }, value: (r) => r.code },
  { header: { en: "Text", az: "Mətn", ru: "Текст" }, value: (r) => r.text },
  { header: { en: "Critical", az: "Kritik", ru: "Критический" }, value: (r) => (r.critical ? "yes" : "no") },
  { header: { en: "Answer", az: "Cavab", ru: "Ответ" }, value: (r) => r.answer },
  { header: { en: "Comment", az: "Şərh", ru: "Комментарий" }, value: (r) => r.comment },
  { header: { en: "Evidence", az: "Sübut", ru: "Подтверждение" }, value: (r) => r.evidence },
  { header: { en: "Answered by", az: "Cavablandıran", ru: "Ответил" }, value: (r) => r.answeredBy },
  { header: { en: "Answered at", az: "Cavab vaxtı", ru: "Время ответа" }, value: (r) => r.answeredAt },
];

/**
 * The evaluation's answers, one row per agreed criterion, as CSV or XLSX: read through the checklist's own service
 * (its access check and visibility apply); every cell is neutralised against formulas by the tabular export.
 */
export async function exportResults(ctx: Ctx, id: string, query: ResultsExportQuery) {
  const { format = "csv", lang = "en" } = query;
  const checklist = await getEvaluationChecklist(ctx, id);
  const headers = COLUMNS.map((column) => column.header[lang]);
  const rows = checklist.areas.flatMap((area) =>
    area.criteria.map((row) => COLUMNS.map((column) => column.value(row))),
  );
  const data = format === "xlsx" ? await toXlsx("Results", headers, rows) : toCsv(headers, rows);
  return {
    data,
    contentType: EXPORT_CONTENT_TYPES[format],
    filename: `evaluation-${id.slice(0, 8)}-results.${format}`,
  };
}
