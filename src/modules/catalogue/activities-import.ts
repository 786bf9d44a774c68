import { randomUUID } from "node:crypto";
import { allianceSide } from "../../platform/access/alliance.js";
import { authorize } from "../../platform/access/policy.js";
import { writeAudits } from "../../platform/audit.js";
import { bulkInsert } from "../../platform/bulk-write.js";
import { unprocessable } from "../../platform/errors.js";
import { problemsOf } from "../../platform/import-rows.js";
import type { Importer, MappedRow, PlanResult, RowPlan, RowProblem } from "../../platform/importer.js";
import { parseDateCell } from "../../platform/tabular.js";
import {
  checkInheritedSeatLimits,
  newActivity,
  notifyProposal,
  proposalRule,
  updateActivity,
} from "./activities.service.js";
import {
  ACTIVITY_KINDS,
  type ActivityInput,
  type ActivityPatch,
  type EventInput,
} from "./catalogue.schemas.js";
import { type EventParent, newEvent } from "./events.service.js";
import { activitiesByCode, type ExistingActivity, importCodes } from "./import.queries.js";
import { checkCapacity } from "./loaders.service.js";

/**
 * Import of the activity menu: one row per event, the activity's columns repeated on each of its rows (a row
 * without dates is an activity without an event). The natural keys are the activity code and, within an
 * activity, the event's start and end dates: a known code updates the activity where the file differs, a known
 * event is left alone, so importing the same file again changes nothing. Every write is the catalogue's own
 * `createActivity`/`updateActivity`/`createEvent`, with their access checks, rules and audit entries.
 */

const h = (en: string[], az: string[], ru: string[]) => ({ en, az, ru });
export const ACTIVITY_FIELDS = [
  { key: "code", required: true, headers: h(["code", "activity code"], ["kod", "fəaliyyət kodu"], ["код"]) },
  {
    key: "titleEn",
    required: true,
    headers: h(["title", "title en", "english title"], ["ad", "başlıq"], ["название"]),
  },
  { key: "titleAz", headers: h(["title az", "azerbaijani title"], ["azərbaycanca ad"], ["название az"]) },
  { key: "titleRu", headers: h(["title ru", "russian title"], ["rusca ad"], ["название ru"]) },
  { key: "kind", required: true, headers: h(["kind", "type"], ["növ"], ["вид", "тип"]) },
  {
    key: "menuYear",
    required: true,
    headers: h(["menu year", "year"], ["menyu ili", "il"], ["год меню", "год"]),
  },
  {
    key: "organiser",
    required: true,
    headers: h(["organiser", "organizer", "organiser code"], ["təşkilatçı"], ["организатор"]),
  },
  { key: "hostNation", headers: h(["host nation"], ["ev sahibi ölkə"], ["принимающая страна"]) },
  { key: "city", headers: h(["city"], ["şəhər"], ["город"]) },
  { key: "online", headers: h(["online"], ["onlayn"], ["онлайн"]) },
  { key: "languages", headers: h(["languages"], ["dillər"], ["языки"]) },
  { key: "areas", headers: h(["areas", "cooperation areas"], ["sahələr"], ["области"]) },
  { key: "capacity", headers: h(["capacity"], ["tutum"], ["вместимость"]) },
  { key: "nationQuota", headers: h(["nation quota", "quota"], ["ölkə kvotası"], ["квота страны"]) },
  {
    key: "startsOn",
    headers: h(["starts on", "start", "event start", "first start"], ["başlama", "ilk başlama"], ["начало"]),
  },
  {
    key: "endsOn",
    headers: h(["ends on", "end", "event end", "last end"], ["bitmə", "son bitmə"], ["окончание"]),
  },
  { key: "eventCity", headers: h(["event city"], ["tədbir şəhəri"], ["город мероприятия"]) },
  {
    key: "eventDates",
    headers: h(["event dates", "events dates"], ["tədbir tarixləri"], ["даты мероприятий"]),
  },
];

type ActivityValues = Omit<ActivityInput, "code">;
export interface ActivityRowPlan {
  code: string;
  /** Set on the first row of a code: create the activity, or patch the existing one (null: nothing to change). */
  activity: { create: ActivityInput } | { id: string; patch: ActivityPatch | null } | null;
  existingId: string | null;
  event: EventInput | null;
  /** The stored activity (with the file's changes) that an event of an existing activity joins. */
  parent: EventParent | null;
}

const YES = new Set(["yes", "y", "true", "1", "bəli", "hə", "да"]);
const NO = new Set(["no", "n", "false", "0", "xeyr", "yox", "нет", ""]);
const list = (text: string) =>
  text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((item) => item.toLowerCase());

/** The service names `body.organiserId`; the file's column is `organiser`. */
const COLUMN_OF: Record<string, string> = {
  code: "code",
  titleEn: "titleEn",
  kind: "kind",
  menuYear: "menuYear",
  organiserId: "organiser",
  hostNationId: "hostNation",
  areas: "areas",
  languages: "languages",
  capacity: "capacity",
  nationQuota: "nationQuota",
  startsOn: "startsOn",
  endsOn: "endsOn",
  city: "city",
};
export const columnOfField = (field: string) =>
  COLUMN_OF[field.replace(/^body\./, "").split(".")[0]!] ?? null;

type Codes = Awaited<ReturnType<typeof importCodes>>;

/** One span of an "Event dates" cell: "2031-03-03/2031-03-07" (as exported), or two dates joined by " - " or "..". */
function parseSpan(text: string): [string, string] | null {
  const iso = /^(\d{4}-\d{2}-\d{2})\s*\/\s*(\d{4}-\d{2}-\d{2})$/.exec(text);
  const parts = iso ? [iso[1]!, iso[2]!] : text.split(/\s+[-–—]\s+|\s*\.\.\s*/);
  if (parts.length !== 2) return null;
  const [startsOn, endsOn] = parts.map((part) => parseDateCell(part.trim()));
  return startsOn && endsOn ? [startsOn, endsOn] : null;
}

/**
 * A row whose "Event dates" cell lists several events ("start/end; start/end", as the menu's export writes it)
 * stands for one row per event, each with that event's dates (its first start and last end columns give way).
 */
function expandEventDates(rows: MappedRow[]) {
  const problems: RowProblem[] = [];
  const expanded: MappedRow[] = [];
  for (const row of rows) {
    const cell = row.values.eventDates ?? "";
    if (!cell) {
      expanded.push(row);
      continue;
    }
    const spans = cell
      .split(/[;\n]+/)
      .map((span) => span.trim())
      .filter(Boolean)
      .map(parseSpan);
    if (spans.some((span) => !span)) {
      problems.push({
        row: row.row,
        column: "eventDates",
        message: "must list each event as start/end dates (YYYY-MM-DD/YYYY-MM-DD), separated by semicolons",
      });
      continue;
    }
    const mapped = new Set([...row.mapped, "startsOn", "endsOn"]);
    for (const [startsOn, endsOn] of spans as [string, string][])
      expanded.push({ row: row.row, values: { ...row.values, startsOn, endsOn }, mapped });
  }
  return { expanded, problems };
}

/** A row's activity and event as the service takes them, or the row's problems. */
function parseRow({ row, values, mapped }: MappedRow, codes: Codes) {
  const problems: RowProblem[] = [];
  const problem = (column: string, message: string) => problems.push({ row, column, message });
  const text = (key: string) => values[key] ?? "";
  const code = text("code").toUpperCase();
  if (!code) problem("code", "is empty");
  else if (!/^[A-Z0-9][A-Z0-9_.-]{1,59}$/.test(code))
    problem("code", "must be 2 to 60 capital letters, digits, '.', '_' or '-'");
  if (!text("titleEn")) problem("titleEn", "is empty");
  for (const key of ["titleEn", "titleAz", "titleRu", "city", "eventCity"])
    if (text(key).length > (key.startsWith("title") ? 300 : 200)) problem(key, "is too long");
  const kind = text("kind")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind))
    problem("kind", `must be one of ${ACTIVITY_KINDS.join(", ")}`);
  const menuYear = Number(text("menuYear"));
  if (!Number.isInteger(menuYear) || menuYear < 1950 || menuYear > 2200)
    problem("menuYear", "must be a year between 1950 and 2200");
  const organiserId = codes.organisation.get(text("organiser").toUpperCase());
  if (!text("organiser")) problem("organiser", "is empty");
  else if (!organiserId) problem("organiser", `the organisation code ${text("organiser")} is not known`);
  let hostNationId: string | null = null;
  if (text("hostNation")) {
    hostNationId = codes.nation.get(text("hostNation").toUpperCase()) ?? null;
    if (!hostNationId) problem("hostNation", `the nation code ${text("hostNation")} is not known`);
  }
  const online = text("online").toLowerCase();
  if (!YES.has(online) && !NO.has(online)) problem("online", "must be yes or no");
  const languages = list(text("languages"));
  if (languages.length > 10 || languages.some((l) => !/^[a-z]{2}$/.test(l)))
    problem("languages", "must be up to 10 two-letter language codes separated by commas");
  const areas = [...new Set(list(text("areas")))].sort();
  const unknownAreas = areas.filter((area) => !codes.areas.has(area));
  if (unknownAreas.length) problem("areas", `unknown area ${unknownAreas.join(", ")}`);
  const count = (key: string) => {
    if (!text(key)) return null;
    const n = Number(text(key));
    if (!Number.isInteger(n) || n < 1 || n > 100000) problem(key, "must be a whole number from 1 to 100000");
    return n;
  };
  const capacity = count("capacity");
  const nationQuota = count("nationQuota");
  if (capacity && nationQuota && nationQuota > capacity)
    problem("nationQuota", "the per-nation quota cannot exceed the capacity");
  const dates: Record<string, string | null> = {};
  for (const key of ["startsOn", "endsOn"]) {
    dates[key] = text(key) ? parseDateCell(text(key)) : null;
    if (text(key) && !dates[key]) problem(key, "is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)");
  }
  if (!!text("startsOn") !== !!text("endsOn"))
    problem(text("startsOn") ? "endsOn" : "startsOn", "an event needs both a start and an end date");
  if (dates.startsOn && dates.endsOn && dates.endsOn < dates.startsOn)
    problem("endsOn", "is before the start date");
  const optional = <T>(key: string, value: T) => (mapped.has(key) ? { [key]: value } : {});
  const activity: ActivityValues = {
    titleEn: text("titleEn"),
    kind: kind as ActivityInput["kind"],
    menuYear,
    organiserId: organiserId ?? "",
    ...optional("titleAz", text("titleAz") || null),
    ...optional("titleRu", text("titleRu") || null),
    ...(mapped.has("hostNation") ? { hostNationId } : {}),
    ...optional("city", text("city") || null),
    ...(mapped.has("online") ? { online: YES.has(online) } : {}),
    ...optional("languages", languages),
    ...optional("areas", areas),
    ...optional("capacity", capacity),
    ...optional("nationQuota", nationQuota),
  };
  const event: EventInput | null =
    dates.startsOn && dates.endsOn
      ? {
          startsOn: dates.startsOn,
          endsOn: dates.endsOn,
          ...(text("eventCity") ? { city: text("eventCity") } : {}),
        }
      : null;
  return { code, activity, event, problems };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of the file's activity that differ from the stored one (organiser excepted: it never changes). */
function patchOf(existing: ExistingActivity, values: ActivityValues): ActivityPatch | null {
  const { organiserId: _organiser, ...fields } = values;
  const stored = existing as unknown as Record<string, unknown>;
  const patch = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => !same(value, stored[key])),
  );
  return Object.keys(patch).length ? (patch as ActivityPatch) : null;
}

const CHUNK = 1_000;

export const activitiesImporter: Importer<ActivityRowPlan> = {
  kind: "activities",
  fields: ACTIVITY_FIELDS,

  async plan(ctx, db, rows, progress): Promise<PlanResult<ActivityRowPlan>> {
    const codes = await importCodes(db);
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const { expanded, problems: spanProblems } = expandEventDates(rows);
    errors.push(...spanProblems);
    const parsed = expanded.map((row) => ({ row: row.row, ...parseRow(row, codes) }));
    progress?.(0, parsed.length);
    const existing = await activitiesByCode(db, ctx.viewer, [
      ...new Set(parsed.map((p) => p.code).filter(Boolean)),
    ]);
    const firstRow = new Map<string, { row: number; activity: ActivityValues }>();
    /** The activity each code's events join, as the event rules need it (null: its first row was refused). */
    const parents = new Map<string, EventParent | null>();
    const events = new Map<string, number>();
    const plans: RowPlan<ActivityRowPlan>[] = [];
    for (const [index, { row, code, activity, event, problems }] of parsed.entries()) {
      if (index % CHUNK === 0) progress?.(index, parsed.length);
      if (problems.length) {
        errors.push(...problems);
        continue;
      }
      const first = firstRow.get(code);
      if (first) {
        const differs = Object.keys(activity).find(
          (key) =>
            !same(
              (activity as Record<string, unknown>)[key],
              (first.activity as Record<string, unknown>)[key],
            ),
        );
        if (differs) {
          errors.push({
            row,
            column: COLUMN_OF[differs] ?? differs,
            message: `differs from row ${first.row}, which has the same activity code`,
          });
          continue;
        }
      }
      const eventKey = `${code} ${event?.startsOn} ${event?.endsOn}`;
      if (first && (!event || events.has(eventKey))) {
        warnings.push({
          row,
          column: null,
          message: `the same ${event ? "event" : "activity"} as row ${events.get(eventKey) ?? first.row}; this row is skipped`,
        });
        continue;
      }
      const stored = existing.get(code);
      if (stored && !stored.visible) {
        errors.push({ row, column: "code", message: "the code belongs to an activity you cannot see" });
        continue;
      }
      if (stored && activity.organiserId !== stored.organiserId && !first) {
        errors.push({
          row,
          column: "organiser",
          message: "differs from the existing activity's organiser, which does not change",
        });
        continue;
      }
      const known =
        event && stored?.events.some((e) => e.startsOn === event.startsOn && e.endsOn === event.endsOn);
      const step: ActivityRowPlan["activity"] = first
        ? null
        : stored
          ? { id: stored.id, patch: patchOf(stored, activity) }
          : { create: { code, ...activity } };
      if (!first) firstRow.set(code, { row, activity });
      if (event) events.set(eventKey, row);
      // The catalogue's own rules, as createActivity, updateActivity and createEvent apply them, row by row in
      // memory: the file's rows are checked against each other and the stored records, nothing is tried and undone.
      try {
        if (step && "create" in step) {
          parents.set(code, null);
          const made = newActivity(ctx.viewer, step.create);
          parents.set(code, { hostInstitutionId: null, status: "draft", ...made.row });
        } else if (step) {
          parents.set(code, null);
          const patched = { ...stored!, ...(step.patch ?? {}) } as ExistingActivity;
          if (step.patch) {
            authorize(ctx.viewer, "activity.update", stored!);
            checkCapacity(patched.capacity, patched.nationQuota, "body.nationQuota");
            // Lowered limits against the seats already held, read without locks: the commit checks again under them.
            await checkInheritedSeatLimits(db, stored!.id, step.patch, false);
          }
          parents.set(code, patched);
        }
        const parent = parents.get(code);
        if (event && !known) {
          if (!parent)
            throw unprocessable(
              "code",
              "the activity of this code could not be imported (see its first row)",
            );
          newEvent(ctx.viewer, stored?.id ?? "", parent, event);
        }
      } catch (error) {
        errors.push(...problemsOf(error, row, columnOfField, "organiser"));
        continue;
      }
      const action =
        (step && "create" in step) || (event && !known)
          ? "create"
          : step && "patch" in step && step.patch
            ? "update"
            : "unchanged";
      plans.push({
        row,
        key: event ? eventKey : code,
        action,
        plan: {
          code,
          activity: step,
          existingId: stored?.id ?? null,
          event: known ? null : event,
          parent: stored ? (parents.get(code) ?? null) : null,
        },
      });
    }
    progress?.(parsed.length, parsed.length);
    return { plans, errors, warnings };
  },

  /**
   * Set-based: per chunk of rows, the new activities, their areas and their events in one statement each, and
   * one audit entry per record as the service writes them; a changed activity goes through `updateActivity`.
   * The rules are applied again (they are checked in memory), so that nothing the plan refused is written.
   */
  async apply(ctx, trx, plans, progress) {
    const writing = plans.filter((p) => p.action !== "unchanged");
    const inTrx = { ...ctx, db: trx };
    const created: string[] = [];
    const updated: string[] = [];
    const ids = new Map<string, string>();
    const parents = new Map<string, EventParent>();
    progress?.(0, writing.length);
    // A partner's new activities are proposals, as createActivity makes them.
    const proposal = await proposalRule(
      trx,
      ctx.viewer,
      writing.flatMap(({ plan }) =>
        plan.activity && "create" in plan.activity ? [plan.activity.create.organiserId] : [],
      ),
    );
    for (let start = 0; start < writing.length; start += CHUNK) {
      const newActivities: Record<string, unknown>[] = [];
      const areas: Record<string, unknown>[] = [];
      const newEvents: Record<string, unknown>[] = [];
      for (const { plan } of writing.slice(start, start + CHUNK)) {
        const step = plan.activity;
        if (step && "create" in step) {
          const made = newActivity(ctx.viewer, step.create);
          const row = proposal(made.row);
          const id = randomUUID();
          ids.set(plan.code, id);
          parents.set(plan.code, { hostInstitutionId: null, status: "draft", ...row });
          newActivities.push({ id, ...row });
          areas.push(...made.areas.map((areaCode) => ({ activityId: id, areaCode })));
          created.push(id);
        } else if (step?.patch) {
          await updateActivity(inTrx, step.id, step.patch);
          updated.push(step.id);
        }
        if (!plan.event) continue;
        const activityId = ids.get(plan.code) ?? plan.existingId!;
        const parent = parents.get(plan.code) ?? plan.parent!;
        const id = randomUUID();
        newEvents.push({ id, ...newEvent(ctx.viewer, activityId, parent, plan.event) });
        created.push(id);
      }
      const storedActivities = await bulkInsert(trx, "activity", newActivities);
      await bulkInsert(trx, "activityArea", areas);
      const storedEvents = await bulkInsert(trx, "event", newEvents);
      // Alliance staff hear of each proposal the file makes, as they do of one created in the form.
      const proposals = storedActivities.filter((row) => row.status === "proposed");
      const side = proposals.length ? await allianceSide(trx) : undefined;
      for (const row of proposals) {
        const proposal = row as { id: string; code: string; titleEn: string; organiserId: string };
        await notifyProposal(ctx, trx, proposal, "activity.proposed", { side });
      }
      const areasOf = (id: unknown) =>
        areas.filter((a) => a.activityId === id).map((a) => a.areaCode as string);
      await writeAudits(trx, ctx, [
        ...storedActivities.map((row) => ({
          action: "activity.create",
          recordType: "activity",
          recordId: row.id as string,
          after: { ...row, areas: areasOf(row.id) },
        })),
        ...storedEvents.map((row) => ({
          action: "event.create",
          recordType: "event",
          recordId: row.id as string,
          after: row,
        })),
      ]);
      progress?.(Math.min(start + CHUNK, writing.length), writing.length);
    }
    return { created, updated };
  },
};
