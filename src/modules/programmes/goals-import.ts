import type { Ctx } from "../../platform/http/request-context.js";
import { changedFields, refuseProblems, tryRows, writeRows } from "../../platform/import-rows.js";
import type { Importer, PlanResult, RowPlan, RowProblem } from "../../platform/importer.js";
import { parseDateCell } from "../../platform/tabular.js";
import { createGoal, updateGoal } from "./goals.service.js";
import { goalsByKey, programmeImportCodes } from "./goals-import.queries.js";
import { GOAL_STATUSES, type GoalInput, type GoalPatch } from "./programmes.schemas.js";

/**
 * Import of partnership goals: one row per goal, the natural key its nation and code (unique in the database).
 * A known goal is updated where the file differs (title, area, status through the goal's transitions, agreed
 * year, target date, description), so importing the same file again changes nothing; the partnership-goals
 * export has these headers and imports back. Every write is `createGoal`/`updateGoal`: the nation's scope
 * (a coordinator imports only their nation's goals), agreed years even, status transitions, and the audit.
 */

const h = (en: string[], az: string[], ru: string[]) => ({ en, az, ru });
export const GOAL_FIELDS = [
  {
    key: "nation",
    required: true,
    headers: h(["nation", "nation code", "country"], ["ölkə", "ölkə kodu"], ["страна", "код страны"]),
  },
  { key: "code", required: true, headers: h(["code", "goal code"], ["kod"], ["код"]) },
  { key: "title", required: true, headers: h(["title"], ["ad", "başlıq"], ["название"]) },
  {
    key: "area",
    required: true,
    headers: h(["area", "area code", "cooperation area"], ["sahə"], ["область"]),
  },
  { key: "status", headers: h(["status"], ["status"], ["статус"]) },
  {
    key: "agreedYear",
    headers: h(["agreed in", "agreed year"], ["razılaşdırılıb", "razılaşdırılma ili"], ["согласовано в"]),
  },
  { key: "targetOn", headers: h(["target date", "target"], ["hədəf tarixi"], ["целевая дата"]) },
  { key: "description", headers: h(["description"], ["təsvir"], ["описание"]) },
];

export type GoalRowPlan = { create: GoalInput } | { id: string; patch: GoalPatch };

const COLUMN_OF: Record<string, string> = {
  nationId: "nation",
  ownerNationId: "nation",
  code: "code",
  title: "title",
  areaCode: "area",
  status: "status",
  agreedYear: "agreedYear",
  targetOn: "targetOn",
  description: "description",
};
const columnOf = (field: string) => COLUMN_OF[field.replace(/^body\./, "").split(".")[0]!] ?? null;

async function run(ctx: Ctx, plans: RowPlan<GoalRowPlan>[]) {
  return writeRows(
    ctx.db,
    plans,
    columnOf,
    async (plan) =>
      "create" in plan
        ? (await createGoal(ctx, plan.create)).id
        : (await updateGoal(ctx, plan.id, plan.patch)).id,
    "nation",
  );
}

export const goalsImporter: Importer<GoalRowPlan> = {
  kind: "goals",
  fields: GOAL_FIELDS,

  async plan(ctx, db, rows): Promise<PlanResult<GoalRowPlan>> {
    const codes = await programmeImportCodes(db);
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const nationIds = [
      ...new Set(rows.flatMap((r) => codes.nation.get((r.values.nation ?? "").toUpperCase()) ?? [])),
    ];
    const goalCodes = [...new Set(rows.map((r) => (r.values.code ?? "").toUpperCase()).filter(Boolean))];
    const existing = await goalsByKey(db, ctx.viewer, nationIds, goalCodes);
    const seen = new Map<string, number>();
    const candidates: RowPlan<GoalRowPlan>[] = [];
    for (const { row, values, mapped } of rows) {
      const problems: RowProblem[] = [];
      const problem = (column: string, message: string) => problems.push({ row, column, message });
      const text = (key: string) => values[key] ?? "";
      const nationId = codes.nation.get(text("nation").toUpperCase());
      if (!text("nation")) problem("nation", "is empty");
      else if (!nationId) problem("nation", `the nation code ${text("nation")} is not known`);
      const code = text("code").toUpperCase();
      if (!/^[A-Z0-9][A-Z0-9_.-]{1,59}$/.test(code))
        problem("code", "must be 2 to 60 capital letters, digits, '.', '_' or '-'");
      if (!text("title")) problem("title", "is empty");
      else if (text("title").length > 300) problem("title", "is longer than 300 characters");
      const areaCode = text("area").toLowerCase();
      if (!codes.areas.has(areaCode)) problem("area", `the area of cooperation ${text("area")} is not known`);
      const status = text("status")
        .toLowerCase()
        .replace(/[\s-]+/g, "_");
      if (status && !(GOAL_STATUSES as readonly string[]).includes(status))
        problem("status", `must be one of ${GOAL_STATUSES.join(", ")}`);
      const agreedYear = text("agreedYear") ? Number(text("agreedYear")) : null;
      if (agreedYear !== null && (!Number.isInteger(agreedYear) || agreedYear < 1990 || agreedYear > 2200))
        problem("agreedYear", "must be a year between 1990 and 2200");
      const targetOn = text("targetOn") ? parseDateCell(text("targetOn")) : null;
      if (text("targetOn") && !targetOn)
        problem("targetOn", "is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)");
      if (text("description").length > 10000) problem("description", "is too long");
      if (problems.length || !nationId) {
        errors.push(...problems);
        continue;
      }
      const key = `${nationId} ${code}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        warnings.push({ row, column: null, message: `the same goal as row ${earlier}; this row is skipped` });
        continue;
      }
      seen.set(key, row);
      const fields = {
        title: text("title"),
        areaCode,
        ...(status ? { status: status as GoalInput["status"] } : {}),
        ...(mapped.has("agreedYear") ? { agreedYear } : {}),
        ...(mapped.has("targetOn") ? { targetOn } : {}),
        ...(mapped.has("description") ? { description: text("description") || null } : {}),
      };
      const display = `${text("nation").toUpperCase()} / ${code}`;
      const stored = existing.get(key);
      if (!stored) {
        candidates.push({
          row,
          key: display,
          action: "create",
          plan: { create: { nationId, code, ...fields } },
        });
        continue;
      }
      if (!stored.visible) {
        errors.push({ row, column: "code", message: "the code belongs to a goal you cannot see" });
        continue;
      }
      const patch = changedFields(stored, fields) as GoalPatch;
      const changes = Object.keys(patch).length > 0;
      candidates.push({
        row,
        key: display,
        action: changes ? "update" : "unchanged",
        plan: { id: stored.id, patch },
      });
    }
    const plans = await tryRows(db, candidates, errors, (trx, plans) => run({ ...ctx, db: trx }, plans));
    return { plans, errors, warnings };
  },

  async apply(ctx, trx, plans) {
    const written = await run({ ...ctx, db: trx }, plans);
    refuseProblems(written.problems);
    return { created: written.created, updated: written.updated };
  },
};
