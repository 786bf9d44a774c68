import {
  changedFields,
  columnCodes,
  createOrUpdate,
  createPlan,
  knownIds,
  type ReadRow,
  serviceRowsImporter,
  updatePlan,
} from "../../platform/import-rows.js";
import { headers as h, NATION_HEADERS } from "../../platform/importer.js";
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

export const GOAL_FIELDS = [
  { key: "nation", required: true, headers: NATION_HEADERS },
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

const COLUMN_OF = {
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

export const goalsImporter = serviceRowsImporter({
  kind: "goals",
  fields: GOAL_FIELDS,
  columns: COLUMN_OF,
  refusedColumn: "nation",
  record: "goal",
  write: createOrUpdate(createGoal, updateGoal),

  async lookups(ctx, db, rows) {
    const codes = await programmeImportCodes(db);
    const nationIds = knownIds(rows, "nation", codes.nation);
    return { codes, existing: await goalsByKey(db, ctx.viewer, nationIds, columnCodes(rows, "code")) };
  },

  readRow({ row, mapped, problem, text, known }, { codes, existing }): ReadRow<GoalRowPlan> | undefined {
    const nationId = known("nation", codes.nation, "nation");
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
    if (!nationId) return undefined;
    const key = `${nationId} ${code}`;
    const plan = () => {
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
      if (!stored) return createPlan<GoalRowPlan>(row, display, { create: { nationId, code, ...fields } });
      if (!stored.visible) {
        problem("code", "the code belongs to a goal you cannot see");
        return undefined;
      }
      const patch = changedFields(stored, fields) as GoalPatch;
      return updatePlan<GoalRowPlan>(row, display, patch, { id: stored.id, patch });
    };
    return { key, plan };
  },
});
