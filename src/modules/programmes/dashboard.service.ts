import "./programmes.policy.js";
import { authorize } from "../../platform/access/policy.js";
import { validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { participationFigures } from "../catalogue/index.js";
import { contributionFigures } from "../operations/index.js";
import { certificationFigures } from "../training/index.js";
import * as queries from "./dashboard.queries.js";
import type { AllianceDashboardQuery, NationDashboardQuery } from "./dashboard.schemas.js";

export type Language = "en" | "az" | "ru";

/** The years a dashboard covers: the ten years to this one unless the caller says otherwise. */
function span(query: { fromYear?: number; toYear?: number }) {
  const today = new Date().toISOString().slice(0, 10);
  const toYear = query.toYear ?? Number(today.slice(0, 4));
  const fromYear = query.fromYear ?? toYear - 9;
  if (fromYear > toYear) throw validation("query.fromYear", "must not be after toYear");
  if (toYear - fromYear > 60) throw validation("query.fromYear", "at most 60 years at once");
  return { fromYear, toYear, asOf: today };
}

/** Every figure of the nations, each counted by the owning capability over the records the viewer may see. */
async function figures(ctx: Ctx, nationIds: string[], fromYear: number, toYear: number, asOf: string) {
  const { db, viewer } = ctx;
  const [programme, participation, goals, certifications, contributions] = await Promise.all([
    queries.programmeFigures(db, viewer, nationIds, fromYear, toYear),
    participationFigures(db, viewer, nationIds, fromYear, toYear),
    queries.goalFigures(db, viewer, nationIds),
    certificationFigures(db, viewer, nationIds, asOf),
    contributionFigures(db, viewer, nationIds, fromYear, toYear),
  ]);
  return { programme, participation, goals, certifications, contributions };
}

export async function nationDashboard(ctx: Ctx, query: NationDashboardQuery) {
  authorize(ctx.viewer, "programmes.read");
  const { fromYear, toYear, asOf } = span(query);
  const [nation] = await queries.nationsById(ctx.db, [query.nationId]);
  if (!nation) throw validation("query.nationId", "no such nation");
  const [all, areaRows] = await Promise.all([
    figures(ctx, [nation.id], fromYear, toYear, asOf),
    queries.areaNames(ctx.db),
  ]);
  const byYear = new Map(all.participation.map((row) => [row.year, row]));
  const used = new Set(all.programme.map((row) => row.areaCode));
  return {
    nation,
    fromYear,
    toYear,
    asOf,
    areas: areaRows.filter((area) => used.has(area.code)),
    programme: all.programme.map(({ nationId: _, ...row }) => row),
    // Every year of the span, so that a trend shows the years without participation as zero.
    participation: Array.from({ length: toYear - fromYear + 1 }, (_, index) => {
      const year = fromYear + index;
      const row = byYear.get(year);
      return { year, eventsAttended: row?.eventsAttended ?? 0, participants: row?.participants ?? 0 };
    }),
    goals: all.goals.map(({ nationId: _, ...row }) => row),
    certifications: all.certifications.map(({ nationId: _, ...row }) => row),
    contributions: all.contributions.map(({ nationId: _, ...row }) => ({
      ...row,
      pledged: Number(row.pledged),
      paid: Number(row.paid),
    })),
  };
}

const sum = <T>(rows: T[], value: (row: T) => number) => rows.reduce((total, row) => total + value(row), 0);

/**
 * The same figures for several nations side by side: those asked for, or every nation with a figure the viewer may
 * see (a nation whose every figure the viewer may not see is left out, as if it had none).
 */
export async function allianceDashboard(ctx: Ctx, query: AllianceDashboardQuery) {
  authorize(ctx.viewer, "programmes.read");
  const { fromYear, toYear, asOf } = span(query);
  const asked = query.nationIds ? [...new Set(query.nationIds.toLowerCase().split(","))] : null;
  const nations = asked ? await queries.nationsById(ctx.db, asked) : await queries.activeNations(ctx.db);
  if (asked && nations.length !== asked.length) throw validation("query.nationIds", "no such nation");
  const all = await figures(
    ctx,
    nations.map((nation) => nation.id),
    fromYear,
    toYear,
    asOf,
  );
  const of = <T extends { nationId: string }>(rows: T[], nationId: string) =>
    rows.filter((row) => row.nationId === nationId);
  const rows = nations.map((nation) => {
    const programme = of(all.programme, nation.id);
    const participation = of(all.participation, nation.id);
    const contributions = new Map<string, { currency: string; pledged: number; paid: number }>();
    for (const row of of(all.contributions, nation.id)) {
      const total = contributions.get(row.currency) ?? { currency: row.currency, pledged: 0, paid: 0 };
      total.pledged += Number(row.pledged);
      total.paid += Number(row.paid);
      contributions.set(row.currency, total);
    }
    return {
      nation,
      plannedItems: sum(programme, (row) => row.planned),
      doneItems: sum(programme, (row) => row.done),
      eventsAttended: sum(participation, (row) => row.eventsAttended),
      participants: sum(participation, (row) => row.participants),
      goals: of(all.goals, nation.id).map(({ nationId: _, ...row }) => row),
      certificationsHeld: sum(of(all.certifications, nation.id), (row) => row.held),
      contributions: [...contributions.values()].map((row) => ({
        ...row,
        pledged: Math.round(row.pledged * 100) / 100,
        paid: Math.round(row.paid * 100) / 100,
      })),
    };
  });
  const hasFigures = (row: (typeof rows)[number]) =>
    row.plannedItems + row.eventsAttended + row.certificationsHeld > 0 ||
    row.goals.length > 0 ||
    row.contributions.length > 0;
  return { fromYear, toYear, asOf, nations: asked ? rows : rows.filter(hasFigures) };
}
