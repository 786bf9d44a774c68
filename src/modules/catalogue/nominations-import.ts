import type { Ctx } from "../../platform/http/request-context.js";
import { dryRun, firstOfKeys, refuseProblems, rowCells, writeRow } from "../../platform/import-rows.js";
import {
  headers as h,
  type Importer,
  NATION_HEADERS,
  type PlanResult,
  type RowPlan,
  type RowProblem,
} from "../../platform/importer.js";
import { parseDateCell } from "../../platform/tabular.js";
import { nominate } from "./catalogue.service.js";
import {
  eventsByActivityCode,
  existingNominations,
  importCodes,
  peopleByEmail,
  peopleByName,
} from "./import.queries.js";

/**
 * Import of a coordinator's nominations: one row per person and event. The event is named by its activity code
 * (and its start date when the activity has more than one event); the person by e-mail address, or by nation,
 * family name and given name, as in the people import. Each nomination is `nominate` itself: the same access
 * check, eligibility and state rules, and the same seat function (`accord_nominate`, under the event's lock), so
 * a file can never seat more people than the event holds: past the capacity or the nation's quota a first-come
 * event waitlists. The natural key is event + person: a nomination that exists is left alone, so importing the
 * same file again changes nothing.
 */

export const NOMINATION_FIELDS = [
  {
    key: "activity",
    required: true,
    headers: h(
      ["activity", "activity code", "code"],
      ["fəaliyyət", "fəaliyyət kodu", "kod"],
      ["мероприятие", "код мероприятия", "код"],
    ),
  },
  {
    key: "startsOn",
    headers: h(
      ["starts on", "start", "event start", "event date"],
      ["başlama", "tədbirin başlama tarixi"],
      ["начало", "дата начала"],
    ),
  },
  {
    key: "email",
    headers: h(["email", "e mail", "email address"], ["e poçt", "elektron poçt"], ["эл почта", "почта"]),
  },
  { key: "nation", headers: NATION_HEADERS },
  { key: "familyName", headers: h(["family name", "last name", "surname"], ["soyad"], ["фамилия"]) },
  { key: "givenName", headers: h(["given name", "first name", "name"], ["ad"], ["имя"]) },
  { key: "priority", headers: h(["priority"], ["prioritet"], ["приоритет"]) },
  { key: "note", headers: h(["note", "comment"], ["qeyd"], ["примечание"]) },
];

export interface NominationRowPlan {
  eventId: string;
  personId: string;
  priority?: number;
  note?: string | null;
}

const COLUMN_OF: Record<string, string> = { personId: "email", priority: "priority", note: "note" };
const columnOf = (field: string) => COLUMN_OF[field.replace(/^body\./, "")] ?? null;

async function run(ctx: Ctx, plans: RowPlan<NominationRowPlan>[]) {
  const problems: RowProblem[] = [];
  const created: string[] = [];
  const seats: { row: number; status: string; reason: string | null }[] = [];
  for (const { row, plan } of plans) {
    problems.push(
      ...(await writeRow(
        ctx.db,
        row,
        columnOf,
        async () => {
          const { eventId, ...input } = plan;
          const taken = await nominate(ctx, eventId, input);
          created.push(taken.id);
          seats.push({ row, status: taken.status, reason: taken.statusReason });
        },
        "email",
      )),
    );
  }
  return { problems, created, seats };
}

export const nominationsImporter: Importer<NominationRowPlan> = {
  kind: "nominations",
  fields: NOMINATION_FIELDS,

  async plan(ctx, db, rows): Promise<PlanResult<NominationRowPlan>> {
    const codes = await importCodes(db);
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const activityCodes = [
      ...new Set(rows.map((r) => (r.values.activity ?? "").toUpperCase()).filter(Boolean)),
    ];
    const events = await eventsByActivityCode(db, ctx.viewer, activityCodes);
    const emails = [...new Set(rows.map((r) => (r.values.email ?? "").toLowerCase()).filter(Boolean))];
    const byEmail = new Map(
      (await peopleByEmail(db, ctx.viewer, emails)).map((p) => [p.email!.toLowerCase(), p]),
    );
    const existing = await existingNominations(
      db,
      events.map((e) => e.id),
    );
    const repeated = firstOfKeys(warnings, "nomination");
    const candidates: RowPlan<NominationRowPlan>[] = [];
    for (const { row, values } of rows) {
      const { problems: rowErrors, problem, text } = rowCells(row, values);
      // The event.
      const code = text("activity").toUpperCase();
      const ofActivity = events.filter((e) => e.code === code && e.status !== "cancelled");
      const startsOn = text("startsOn") ? parseDateCell(text("startsOn")) : null;
      let event = ofActivity.length === 1 && !text("startsOn") ? ofActivity[0] : undefined;
      if (!code) problem("activity", "is empty");
      else if (!ofActivity.length)
        problem("activity", `no event of an activity with the code ${code} is known`);
      else if (text("startsOn") && !startsOn)
        problem("startsOn", "is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)");
      else if (startsOn) {
        event = ofActivity.find((e) => e.startsOn === startsOn);
        if (!event) problem("startsOn", `${code} has no event starting on ${startsOn}`);
      } else if (!event)
        problem("startsOn", `${code} has ${ofActivity.length} events: give the start date of the one meant`);
      // The person.
      let personId: string | undefined;
      const email = text("email").toLowerCase();
      if (email) {
        personId = byEmail.get(email)?.id;
        if (!personId) problem("email", `no person you may see has the e-mail address ${text("email")}`);
      } else if (!text("nation") || !text("familyName") || !text("givenName")) {
        problem("email", "name the person by e-mail address, or by nation, family name and given name");
      } else {
        const nationId = codes.nation.get(text("nation").toUpperCase());
        if (!nationId) problem("nation", `the nation code ${text("nation")} is not known`);
        else {
          const matches = await peopleByName(db, ctx.viewer, nationId, text("familyName"), text("givenName"));
          if (matches.length > 1)
            problem("familyName", "more than one person of this nation has this name; add an e-mail column");
          else if (!matches.length)
            problem("familyName", "no person you may see of this nation has this name");
          else personId = matches[0]!.id;
        }
      }
      let priority: number | undefined;
      if (text("priority")) {
        priority = Number(text("priority"));
        if (!Number.isInteger(priority) || priority < 1 || priority > 10000)
          problem("priority", "must be a whole number from 1 to 10000");
      }
      if (text("note").length > 2000) problem("note", "is longer than 2000 characters");
      if (rowErrors.length || !event || !personId) {
        errors.push(...rowErrors);
        continue;
      }
      const key = `${event.id} ${personId}`;
      if (repeated(row, key)) continue;
      candidates.push({
        row,
        key,
        action: existing.has(key) ? "unchanged" : "create",
        plan: {
          eventId: event.id,
          personId,
          ...(priority !== undefined ? { priority } : {}),
          ...(text("note") ? { note: text("note") } : {}),
        },
      });
    }
    // Every new nomination is tried through `nominate`, in file order (a row sees the seats the rows before it
    // took), and undone; the seat each would get is shown as a warning when it is not a plain nomination.
    const tried = await dryRun(db, (trx) =>
      run(
        { ...ctx, db: trx },
        candidates.filter((p) => p.action === "create"),
      ),
    );
    errors.push(...tried.problems);
    for (const seat of tried.seats)
      if (seat.status === "waitlisted")
        warnings.push({
          row: seat.row,
          column: null,
          message: `would be waitlisted: ${seat.reason ?? "no seat is free"}`,
        });
    for (const p of candidates)
      if (p.action === "unchanged")
        warnings.push({
          row: p.row,
          column: null,
          message: "this person is already nominated for this event; left as it is",
        });
    const refused = new Set(tried.problems.map((p) => p.row));
    return { plans: candidates.filter((p) => !refused.has(p.row)), errors, warnings };
  },

  async apply(ctx, trx, plans) {
    const written = await run(
      { ...ctx, db: trx },
      plans.filter((p) => p.action === "create"),
    );
    refuseProblems(written.problems);
    return { created: written.created, updated: [] };
  },
};
