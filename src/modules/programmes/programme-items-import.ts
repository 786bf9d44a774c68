import {
  changedFields,
  columnCodes,
  createPlan,
  knownIds,
  type ReadRow,
  serviceRowsImporter,
  updatePlan,
} from "../../platform/import-rows.js";
import { headers as h, NATION_HEADERS } from "../../platform/importer.js";
import { parseDateCell } from "../../platform/tabular.js";
import { addItem, updateItem } from "./annual-programmes.service.js";
import { programmeImportCodes } from "./goals-import.queries.js";
import {
  programmesOfNations,
  storedItems,
  visibleActivitiesByCode,
} from "./programme-items-import.queries.js";
import type { ItemInput, ItemPatch } from "./programmes.schemas.js";

/**
 * Import of the items of nations' annual programmes: one row per item. The programme is named by its nation and
 * a year it covers (it must exist: create the programme first); the item by its catalogue activity code, or, for
 * an item of the nation's own, by its title. A known item is updated where the file differs (area, planned dates
 * and participants, note; an own item's outcome when the file says it was implemented), so importing the same
 * file again changes nothing; the programme-items export has these headers and imports back. Every write is
 * `addItem`/`updateItem`: the programme's scope (a coordinator imports only into their nation's programmes), the
 * activity's and area's checks, and the audit.
 */

export const PROGRAMME_ITEM_FIELDS = [
  { key: "nation", required: true, headers: NATION_HEADERS },
  {
    key: "year",
    required: true,
    headers: h(["year", "programme year"], ["il", "proqram ili"], ["год", "год программы"]),
  },
  {
    key: "activity",
    headers: h(["activity code", "activity"], ["fəaliyyət kodu", "fəaliyyət"], ["код мероприятия"]),
  },
  { key: "title", headers: h(["title"], ["ad", "başlıq"], ["название"]) },
  { key: "area", headers: h(["area", "area code", "cooperation area"], ["sahə"], ["область"]) },
  {
    key: "plannedStartsOn",
    headers: h(["planned start", "start"], ["planlaşdırılan başlama"], ["плановое начало"]),
  },
  {
    key: "plannedEndsOn",
    headers: h(["planned end", "end"], ["planlaşdırılan bitmə"], ["плановое окончание"]),
  },
  {
    key: "plannedParticipants",
    headers: h(
      ["planned participants", "participants"],
      ["planlaşdırılan iştirakçılar"],
      ["плановое число участников"],
    ),
  },
  { key: "implemented", headers: h(["implemented"], ["icra olunub"], ["выполнено"]) },
  { key: "attended", headers: h(["attended"], ["iştirak edib"], ["посетили"]) },
  { key: "note", headers: h(["note", "comment"], ["qeyd"], ["примечание"]) },
];

export type ProgrammeItemRowPlan =
  | { programmeId: string; create: ItemInput }
  | { itemId: string; patch: ItemPatch };

const COLUMN_OF = {
  activityId: "activity",
  title: "title",
  areaCode: "area",
  plannedStartsOn: "plannedStartsOn",
  plannedEndsOn: "plannedEndsOn",
  plannedParticipants: "plannedParticipants",
  ownOutcome: "implemented",
  ownParticipants: "attended",
  note: "note",
};

const YES = new Set(["yes", "y", "true", "1", "bəli", "hə", "да"]);
const NO = new Set(["no", "n", "false", "0", "xeyr", "yox", "нет", ""]);

const whole = (text: string, max: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 && n <= max ? n : null;
};

export const programmeItemsImporter = serviceRowsImporter({
  kind: "programme-items",
  fields: PROGRAMME_ITEM_FIELDS,
  columns: COLUMN_OF,
  refusedColumn: "nation",
  record: "item",
  write: async (ctx, plan: ProgrammeItemRowPlan) => {
    if ("create" in plan) {
      // addItem answers the whole programme: the new item is the one that was not there before.
      const before = new Set((await storedItems(ctx.db, [plan.programmeId])).map((item) => item.id));
      const programme = await addItem(ctx, plan.programmeId, plan.create);
      return programme.items.find((item) => !before.has(item.id))?.id ?? plan.programmeId;
    }
    await updateItem(ctx, plan.itemId, plan.patch);
    return plan.itemId;
  },

  async lookups(ctx, db, rows) {
    const codes = await programmeImportCodes(db);
    const nationIds = knownIds(rows, "nation", codes.nation);
    const programmes = await programmesOfNations(db, ctx.viewer, nationIds);
    const activities = await visibleActivitiesByCode(db, ctx.viewer, columnCodes(rows, "activity"));
    const items = await storedItems(
      db,
      programmes.map((p) => p.id),
    );
    return { codes, programmes, activities, items };
  },

  readRow(
    { row, mapped, problem, text },
    { codes, programmes, activities, items },
  ): ReadRow<ProgrammeItemRowPlan> | undefined {
    // The programme.
    const nationId = codes.nation.get(text("nation").toUpperCase());
    const year = Number(text("year"));
    let programmeId: string | undefined;
    if (!text("nation")) problem("nation", "is empty");
    else if (!nationId) problem("nation", `the nation code ${text("nation")} is not known`);
    else if (!/^\d{4}$/.test(text("year"))) problem("year", "must be a year");
    else {
      const covering = programmes.filter(
        (p) => p.nationId === nationId && p.firstYear <= year && year <= p.lastYear,
      );
      if (covering.length > 1)
        problem(
          "year",
          `${covering.length} programmes of ${text("nation")} cover ${year}; give its first year`,
        );
      programmeId = (covering.find((p) => p.firstYear === year) ?? covering[0])?.id;
      if (!programmeId)
        problem(
          "year",
          `no annual programme of ${text("nation").toUpperCase()} that you may see covers ${year}`,
        );
    }
    // The item's fields.
    const code = text("activity").toUpperCase();
    const activityId = code ? activities.get(code) : undefined;
    if (code && !activityId) problem("activity", `no activity you may see has the code ${text("activity")}`);
    if (!code && !text("title")) problem("title", "an item of the nation's own needs a title");
    if (text("title").length > 300) problem("title", "is longer than 300 characters");
    const areaCode = text("area").toLowerCase() || undefined;
    if (areaCode && !codes.areas.has(areaCode))
      problem("area", `the area of cooperation ${text("area")} is not known`);
    if (!code && !areaCode) problem("area", "an item of the nation's own needs an area of cooperation");
    const dates: Record<string, string | null> = {};
    for (const key of ["plannedStartsOn", "plannedEndsOn"]) {
      dates[key] = text(key) ? parseDateCell(text(key)) : null;
      if (text(key) && !dates[key]) problem(key, "is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)");
    }
    const plannedParticipants = text("plannedParticipants") ? whole(text("plannedParticipants"), 10000) : 0;
    if (plannedParticipants === null)
      problem("plannedParticipants", "must be a whole number from 0 to 10000");
    const implemented = text("implemented").toLowerCase();
    if (!YES.has(implemented) && !NO.has(implemented)) problem("implemented", "must be yes or no");
    // An own item's outcome: the export's "implemented" and "attended" of an item of the nation's own.
    const done = !code && YES.has(implemented);
    const attended = done && text("attended") ? whole(text("attended"), 10000) : null;
    if (done && text("attended") && attended === null)
      problem("attended", "must be a whole number from 0 to 10000");
    if (text("note").length > 2000) problem("note", "is longer than 2000 characters");
    if (!programmeId) return undefined;
    const key = `${programmeId} ${code ? `activity ${code}` : `title ${text("title").toLowerCase()}`}`;
    const plan = () => {
      const fields: ItemPatch = {
        ...(areaCode ? { areaCode } : {}),
        ...(mapped.has("plannedStartsOn") ? { plannedStartsOn: dates.plannedStartsOn } : {}),
        ...(mapped.has("plannedEndsOn") ? { plannedEndsOn: dates.plannedEndsOn } : {}),
        ...(mapped.has("plannedParticipants") ? { plannedParticipants: plannedParticipants! } : {}),
        ...(mapped.has("note") ? { note: text("note") || null } : {}),
        ...(done ? { ownOutcome: "done" as const, ownParticipants: attended } : {}),
      };
      const display = `${text("nation").toUpperCase()} ${year} / ${code || text("title")}`;
      const stored = items.find(
        (item) =>
          item.programmeId === programmeId &&
          (activityId
            ? item.activityId === activityId
            : !item.activityId && (item.title ?? "").toLowerCase() === text("title").toLowerCase()),
      );
      if (!stored) {
        const create: ItemInput = activityId
          ? { activityId, ...fields }
          : { title: text("title"), ...fields };
        return createPlan<ProgrammeItemRowPlan>(row, display, { programmeId, create });
      }
      const patch = changedFields(stored, fields) as ItemPatch;
      return updatePlan<ProgrammeItemRowPlan>(row, display, patch, { itemId: stored.id, patch });
    };
    return { key, plan };
  },
});
