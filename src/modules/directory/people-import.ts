import "./directory.policy.js";
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { can } from "../../platform/access/policy.js";
import { canRead } from "../../platform/access/releasability.js";
import { coordinatesNation, isAdministrator } from "../../platform/access/viewer.js";
import { bulkInsert, bulkUpdate } from "../../platform/bulk-write.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { firstOfKeys, rowCells } from "../../platform/import-rows.js";
import type {
  Importer,
  ImportField,
  MappedRow,
  PlanResult,
  Progress,
  RowPlan,
  RowProblem,
} from "../../platform/importer.js";
import { parseDateCell } from "../../platform/tabular.js";
import {
  activeCodes,
  affiliationsOf,
  peopleByEmail,
  peopleWithAccounts,
  visiblePeopleByFamilyName,
} from "./people-import.queries.js";

/**
 * Import of people with their affiliation (one organisation per row). The natural key is the e-mail address when
 * the row has one, otherwise nation + family name + given name; a row matching a person the importer may see
 * updates that person, otherwise it creates one. Access is decided per row with the rules of `person.create`
 * and `person.update`.
 */
export const PEOPLE_FIELDS: ImportField[] = [
  {
    key: "givenName",
    required: true,
    headers: { en: ["given name", "first name", "name"], az: ["ad"], ru: ["имя"] },
  },
  {
    key: "familyName",
    required: true,
    headers: { en: ["family name", "last name", "surname"], az: ["soyad"], ru: ["фамилия"] },
  },
  {
    key: "nation",
    required: true,
    headers: {
      en: ["nation", "nation code", "country"],
      az: ["ölkə", "ölkə kodu", "millət"],
      ru: ["страна", "код страны", "нация"],
    },
  },
  { key: "rankTitle", headers: { en: ["rank", "rank title", "title"], az: ["rütbə"], ru: ["звание"] } },
  {
    key: "email",
    headers: {
      en: ["email", "e mail", "email address"],
      az: ["e poçt", "elektron poçt"],
      ru: ["эл почта", "электронная почта", "почта"],
    },
  },
  { key: "phone", headers: { en: ["phone", "telephone"], az: ["telefon"], ru: ["телефон"] } },
  { key: "languages", headers: { en: ["languages"], az: ["dillər"], ru: ["языки"] } },
  {
    key: "organisation",
    headers: {
      en: ["organisation", "organization", "organisation code"],
      az: ["təşkilat", "təşkilat kodu"],
      ru: ["организация", "код организации"],
    },
  },
  { key: "position", headers: { en: ["position"], az: ["vəzifə"], ru: ["должность"] } },
  {
    key: "startedOn",
    headers: { en: ["started on", "start date", "from"], az: ["başlama tarixi"], ru: ["дата начала"] },
  },
  {
    key: "endedOn",
    headers: { en: ["ended on", "end date", "to"], az: ["bitmə tarixi"], ru: ["дата окончания"] },
  },
];

export interface PersonPlan {
  personId: string | null;
  person: {
    givenName: string;
    familyName: string;
    nationId: string;
    rankTitle?: string | null;
    email?: string | null;
    phone?: string | null;
    languages?: string[];
  };
  /** Set for a new person: who owns the record (as `createPerson` decides). */
  owner: { ownerNationId: string | null; ownerOrganisationId: string | null } | null;
  affiliation: {
    id: string | null;
    organisationId: string;
    position?: string | null;
    startedOn?: string | null;
    endedOn?: string | null;
  } | null;
  personChanged: boolean;
  affiliationChanged: boolean;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const LIMITS: Record<string, number> = {
  givenName: 100,
  familyName: 100,
  rankTitle: 100,
  email: 254,
  phone: 50,
  position: 200,
};

type Db = Kysely<DB> | Transaction<DB>;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export const peopleImporter: Importer<PersonPlan> = {
  kind: "people",
  fields: PEOPLE_FIELDS,

  async plan(ctx: Ctx, db: Db, rows: MappedRow[], progress?: Progress): Promise<PlanResult<PersonPlan>> {
    progress?.(0, rows.length);
    const codes = await activeCodes(db);
    const errors: RowProblem[] = [];
    const warnings: RowProblem[] = [];
    const plans: RowPlan<PersonPlan>[] = [];
    const repeated = firstOfKeys(warnings, "person");
    const emails = rows.map((r) => r.values.email?.toLowerCase()).filter((e): e is string => !!e);
    // Every person holding one of the file's e-mail addresses, visible or not: the address is unique.
    const byEmail = new Map(
      (emails.length ? await peopleByEmail(db, emails) : []).map((p) => [p.email!.toLowerCase(), p]),
    );
    // Rows without an e-mail address are matched by nation and name: all such people in one query.
    const families = [
      ...new Set(rows.filter((r) => !r.values.email).map((r) => (r.values.familyName ?? "").toLowerCase())),
    ].filter(Boolean);
    const byName = new Map<string, (typeof byEmail extends Map<string, infer V> ? V : never)[]>();
    if (families.length) {
      const named = await visiblePeopleByFamilyName(db, ctx.viewer, families);
      for (const person of named) {
        const key = `${person.nationId} ${person.familyName.toLowerCase()} ${person.givenName.toLowerCase()}`;
        byName.set(key, [...(byName.get(key) ?? []), person]);
      }
    }
    // The first affiliation of each known person with each organisation, for the rows naming an organisation.
    const known = [...byEmail.values(), ...[...byName.values()].flat()].map((p) => p.id);
    const affiliations = new Map<
      string,
      { id: string; position: string | null; startedOn: string | null; endedOn: string | null }
    >();
    if (known.length && rows.some((r) => r.values.organisation)) {
      const stored = await affiliationsOf(db, known);
      for (const { personId, organisationId, ...affiliation } of stored)
        affiliations.set(`${personId} ${organisationId}`, affiliation);
    }
    const linked = await peopleWithAccounts(db);

    for (const [index, { row, values, mapped }] of rows.entries()) {
      if (index % 1_000 === 0) progress?.(index, rows.length);
      const { problems: rowErrors, problem, text } = rowCells(row, values);
      const optional = (key: string) => (mapped.has(key) ? text(key) || null : undefined);
      for (const [key, max] of Object.entries(LIMITS))
        if (text(key).length > max) problem(key, `is longer than ${max} characters`);
      if (!text("givenName")) problem("givenName", "is empty");
      if (!text("familyName")) problem("familyName", "is empty");
      const nationCode = text("nation").toUpperCase();
      const nationId = codes.nation.get(nationCode);
      if (!nationCode) problem("nation", "is empty");
      else if (!nationId) problem("nation", `the nation code ${nationCode} is not known`);
      const email = text("email");
      if (email && !EMAIL.test(email)) problem("email", "is not an e-mail address");
      const languages = mapped.has("languages")
        ? text("languages")
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map((l) => l.toLowerCase())
        : undefined;
      if (languages && (languages.length > 20 || languages.some((l) => !/^[a-z]{2,3}$/.test(l))))
        problem("languages", "must be up to 20 two- or three-letter language codes separated by commas");
      const organisationCode = text("organisation").toUpperCase();
      let organisationId: string | null = null;
      if (organisationCode) {
        organisationId = codes.organisation.get(organisationCode) ?? null;
        if (!organisationId)
          warnings.push({
            row,
            column: "organisation",
            message: `the organisation code ${organisationCode} is not known; the person is imported without the affiliation`,
          });
      } else if (text("position") || text("startedOn") || text("endedOn")) {
        warnings.push({
          row,
          column: "organisation",
          message: "position and dates are ignored without an organisation",
        });
      }
      const dates: Record<string, string | null> = {};
      for (const key of ["startedOn", "endedOn"]) {
        dates[key] = text(key) ? parseDateCell(text(key)) : null;
        if (text(key) && !dates[key]) problem(key, "is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)");
      }
      if (dates.startedOn && dates.endedOn && dates.endedOn < dates.startedOn)
        problem("endedOn", "is before the start date");

      const key = email
        ? email.toLowerCase()
        : `${nationCode} / ${text("familyName").toLowerCase()} / ${text("givenName").toLowerCase()}`;
      if (repeated(row, key)) continue;
      if (rowErrors.length || !nationId) {
        errors.push(...rowErrors);
        continue;
      }

      // The existing person, if any: by e-mail, else by name within the nation (only people the importer sees).
      let existing = email ? byEmail.get(email.toLowerCase()) : undefined;
      if (existing && !canRead(ctx.viewer, existing)) {
        errors.push({ row, column: "email", message: "the e-mail address belongs to another person record" });
        continue;
      }
      if (!email) {
        const matches =
          byName.get(`${nationId} ${text("familyName").toLowerCase()} ${text("givenName").toLowerCase()}`) ??
          [];
        if (matches.length > 1) {
          errors.push({
            row,
            column: "familyName",
            message:
              "more than one person of this nation has this name; add an e-mail column to tell them apart",
          });
          continue;
        }
        existing = matches[0];
      }

      const person: PersonPlan["person"] = {
        givenName: text("givenName"),
        familyName: text("familyName"),
        nationId,
        ...(optional("rankTitle") !== undefined ? { rankTitle: optional("rankTitle") } : {}),
        ...(email ? { email } : {}),
        ...(optional("phone") !== undefined ? { phone: optional("phone") } : {}),
        ...(languages ? { languages } : {}),
      };
      let owner: PersonPlan["owner"] = null;
      let personChanged = false;
      if (existing) {
        if (!can(ctx.viewer, "person.update", existing)) {
          errors.push({
            row,
            column: "nation",
            message: "you may not change this person (another owner's record)",
          });
          continue;
        }
        if (existing.nationId !== nationId) {
          if (linked.has(existing.id) && !isAdministrator(ctx.viewer)) {
            errors.push({
              row,
              column: "nation",
              message: "the person is linked to a user account: only an administrator changes their nation",
            });
            continue;
          }
          if (!can(ctx.viewer, "person.create", { nationId, organisationId: existing.ownerOrganisationId })) {
            errors.push({
              row,
              column: "nation",
              message: `you may not place people in nation ${nationCode}`,
            });
            continue;
          }
        }
        const before = existing as unknown as Record<string, unknown>;
        personChanged = Object.entries(person).some(([field, value]) =>
          Array.isArray(value)
            ? !sameList(value, before[field] as string[])
            : (value ?? null) !== (before[field] ?? null),
        );
      } else {
        if (!can(ctx.viewer, "person.create", { nationId, organisationId })) {
          errors.push({
            row,
            column: "nation",
            message: `you may not import people of nation ${nationCode}`,
          });
          continue;
        }
        const ownedByOrganisation =
          !isAdministrator(ctx.viewer) && !coordinatesNation(ctx.viewer, nationId) && !!organisationId;
        owner = {
          ownerNationId: ownedByOrganisation ? null : nationId,
          ownerOrganisationId: ownedByOrganisation ? organisationId : null,
        };
      }

      let affiliation: PersonPlan["affiliation"] = null;
      let affiliationChanged = false;
      if (organisationId) {
        const wanted = {
          organisationId,
          ...(mapped.has("position") ? { position: text("position") || null } : {}),
          ...(mapped.has("startedOn") ? { startedOn: dates.startedOn ?? null } : {}),
          ...(mapped.has("endedOn") ? { endedOn: dates.endedOn ?? null } : {}),
        };
        const current = existing ? affiliations.get(`${existing.id} ${organisationId}`) : undefined;
        const currentRecord = current as unknown as Record<string, unknown> | undefined;
        affiliationChanged =
          !currentRecord ||
          Object.entries(wanted).some(
            ([field, value]) =>
              field !== "organisationId" && (value ?? null) !== (currentRecord[field] ?? null),
          );
        if (affiliationChanged && existing && linked.has(existing.id) && !isAdministrator(ctx.viewer)) {
          errors.push({
            row,
            column: "organisation",
            message:
              "the person is linked to a user account: only an administrator changes their affiliations",
          });
          continue;
        }
        if (affiliationChanged && !can(ctx.viewer, "person.create", { nationId, organisationId })) {
          errors.push({
            row,
            column: "organisation",
            message: `you may not place people in the organisation ${organisationCode}`,
          });
          continue;
        }
        affiliation = { id: current?.id ?? null, ...wanted };
      }

      plans.push({
        row,
        key,
        action: !existing ? "create" : personChanged || affiliationChanged ? "update" : "unchanged",
        plan: {
          personId: existing?.id ?? null,
          person,
          owner,
          affiliation,
          personChanged,
          affiliationChanged,
        },
      });
    }
    progress?.(rows.length, rows.length);
    return { plans, errors, warnings };
  },

  async apply(_ctx: Ctx, trx: Transaction<DB>, plans: RowPlan<PersonPlan>[], progress?: Progress) {
    // Set-based: every new person in one statement per batch, every change likewise (bulk-write.ts); the ids of
    // new people are made here so that their affiliations can name them in the same pass.
    const created: string[] = [];
    const updated: string[] = [];
    const newPeople: Record<string, unknown>[] = [];
    const changedPeople: (Record<string, unknown> & { id: string })[] = [];
    const newAffiliations: Record<string, unknown>[] = [];
    const changedAffiliations: (Record<string, unknown> & { id: string })[] = [];
    for (const { action, plan } of plans) {
      if (action === "unchanged") continue;
      let personId = plan.personId;
      if (!personId) {
        personId = randomUUID();
        newPeople.push({ id: personId, ...plan.person, ...plan.owner! });
        created.push(personId);
      } else {
        if (plan.personChanged) changedPeople.push({ id: personId, ...plan.person });
        updated.push(personId);
      }
      if (plan.affiliation && plan.affiliationChanged) {
        const { id, ...values } = plan.affiliation;
        if (id) changedAffiliations.push({ id, ...values });
        else newAffiliations.push({ ...values, personId });
      }
    }
    const total = created.length + updated.length;
    progress?.(0, total);
    for (let start = 0; start < newPeople.length; start += 1_000) {
      await bulkInsert(trx, "person", newPeople.slice(start, start + 1_000));
      progress?.(Math.min(start + 1_000, newPeople.length), total);
    }
    await bulkUpdate(trx, "person", changedPeople);
    await bulkInsert(trx, "personAffiliation", newAffiliations);
    await bulkUpdate(trx, "personAffiliation", changedAffiliations);
    progress?.(total, total);
    return { created, updated };
  },
};
