import "./meetings.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { resolveRelease, splitRelease, withRelease } from "../../platform/access/releasability.js";
import { insertRecord } from "../../platform/audited-write.js";
import { orNotFound } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./meetings.queries.js";
import type { SeriesInput, SeriesQuery } from "./meetings.schemas.js";

type SeriesRow = NonNullable<Awaited<ReturnType<typeof queries.findSeries>>>;

function seriesOutput(row: SeriesRow) {
  return withRelease({ ...row, meetingCount: Number(row.meetingCount ?? 0) });
}

export async function listSeries(ctx: Ctx, query: SeriesQuery) {
  authorize(ctx.viewer, "meeting_series.read");
  const page = await queries.listSeries(ctx.db, ctx.viewer, query);
  return paged(query, { total: page.total, items: page.items.map(seriesOutput) });
}

export async function getSeries(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "meeting_series.read");
  const row = orNotFound(await queries.findSeries(ctx.db, ctx.viewer, id), "The meeting series");
  return seriesOutput(row);
}

export async function createSeries(ctx: Ctx, input: SeriesInput) {
  authorize(ctx.viewer, "meeting_series.create");
  const { release: asked, fields } = splitRelease(input);
  const release = resolveRelease(ctx.viewer, asked, {
    ownerOrganisationId: input.organiserId ?? null,
    releasability: "internal",
  });
  const row = await insertRecord(
    ctx,
    "meetingSeries",
    { ...fields, ...release },
    { action: "meeting_series.create" },
  );
  return getSeries(ctx, row.id);
}

export async function listSeriesDecisions(
  ctx: Ctx,
  seriesId: string,
  query: { meetingId?: string; limit?: number; offset?: number },
) {
  authorize(ctx.viewer, "meeting_series.read");
  orNotFound(await queries.findSeries(ctx.db, ctx.viewer, seriesId), "The meeting series");
  // Decisions are as visible as their meeting.
  const rows = await queries.listDecisions(ctx.db, {
    seriesId,
    meetingId: query.meetingId,
    viewer: ctx.viewer,
  });
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 25;
  return paged(query, { total: rows.length, items: rows.slice(offset, offset + limit) });
}
