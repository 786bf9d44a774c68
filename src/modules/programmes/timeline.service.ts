import "./programmes.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { EXPORT_CONTENT_TYPES, toCsv } from "../../platform/tabular-export.js";
import { eventTimelineParts } from "../catalogue/index.js";
import { exchangeService, meetingsTimelineParts } from "../meetings/index.js";
import { operationsTimelineParts } from "../operations/index.js";
import { evaluationTimelineParts } from "../readiness/index.js";
import { trainingTimelineParts } from "../training/index.js";
import * as queries from "./timeline.queries.js";
import type { TimelineExportQuery, TimelineQuery } from "./timeline.schemas.js";

export async function getTimeline(ctx: Ctx, query: TimelineQuery) {
  authorize(ctx.viewer, "programmes.read");
  if (query.fromYear && query.toYear && query.fromYear > query.toYear)
    throw validation("query.fromYear", "must not be after toYear");
  const nation = await queries.findNation(ctx.db, query.nationId);
  if (!nation) throw validation("query.nationId", "no such nation");
  const { viewer } = ctx;
  const parts = [
    ...queries.programmeTimelineParts(viewer, nation.id),
    ...operationsTimelineParts(viewer, nation.id),
    ...eventTimelineParts(viewer, nation.id),
    ...trainingTimelineParts(viewer, nation.id),
    ...evaluationTimelineParts(viewer, nation.id),
    ...meetingsTimelineParts(viewer, nation.id, await exchangeService.exchangeScope(ctx)),
  ];
  const kinds = query.kinds ? [...new Set(query.kinds.split(","))] : null;
  const entries = await queries.timeline(ctx.db, parts, {
    kinds,
    fromYear: query.fromYear,
    toYear: query.toYear,
  });
  return { nation, entries };
}

const HEADERS = {
  en: ["Kind", "Starts", "Ends", "Title", "Detail", "Source", "Link", "Sample"],
  az: ["Növ", "Başlanğıc", "Son", "Ad", "Təfərrüat", "Mənbə", "Keçid", "Nümunə"],
  ru: ["Вид", "Начало", "Окончание", "Название", "Подробности", "Источник", "Ссылка", "Пример"],
} as const;

/** The timeline for the same filters as CSV (UTF-8 with BOM; cells that a spreadsheet would run are neutralised). */
export async function exportTimeline(ctx: Ctx, query: TimelineExportQuery) {
  const { lang = "en", ...filters } = query;
  const { nation, entries } = await getTimeline(ctx, filters);
  const title = (entry: (typeof entries)[number]) =>
    (lang === "az" ? entry.titleAz : lang === "ru" ? entry.titleRu : null) ?? entry.title;
  const data = toCsv(
    HEADERS[lang],
    entries.map((entry) => [
      entry.kind,
      entry.startsOn,
      entry.endsOn,
      title(entry),
      entry.detail,
      entry.source,
      entry.link,
      entry.sample ? "sample" : "",
    ]),
  );
  return {
    data,
    contentType: EXPORT_CONTENT_TYPES.csv,
    filename: `timeline-${nation.code}.csv`,
  };
}
