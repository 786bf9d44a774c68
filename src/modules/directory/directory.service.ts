import "./directory.policy.js";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { authorize, can } from "../../platform/access/policy.js";
import { withRelease } from "../../platform/access/releasability.js";
import { coordinatesNation, isAdministrator } from "../../platform/access/viewer.js";
import { writeAudit } from "../../platform/audit.js";
import {
  auditedUpdate,
  deleteRecord,
  insertRecord,
  lockRow,
  patchColumns,
  updateRecord,
} from "../../platform/audited-write.js";
import { isForeignKeyViolation } from "../../platform/constraint-errors.js";
import { AppError, forbiddenField, orNotFound, validation } from "../../platform/errors.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { paged } from "../../platform/http/schemas.js";
import * as queries from "./directory.queries.js";
import type {
  AffiliationInput,
  MembershipInput,
  NationInput,
  NationPatch,
  NationQuery,
  OrganisationInput,
  OrganisationPatch,
  OrganisationQuery,
  PersonInput,
  PersonPatch,
  PersonQuery,
} from "./directory.schemas.js";
import * as writes from "./directory-writes.queries.js";

function checkDateOrder(from: string | null | undefined, to: string | null | undefined, field: string) {
  if (from && to && to < from) throw validation(field, "must not be before the start date");
}

/**
 * Deletes a record, or archives it when other records still refer to it, so history keeps its references.
 */
async function deleteOrArchive(
  ctx: Ctx,
  table: "nation" | "organisation" | "person",
  id: string,
  before: Record<string, unknown>,
): Promise<{ outcome: "deleted" | "archived" }> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writes.deleteRecord(trx, table, id);
      await writeAudit(trx, ctx, { action: `${table}.delete`, recordType: table, recordId: id, before });
    });
    return { outcome: "deleted" };
  } catch (error) {
    if (!isForeignKeyViolation(error)) throw error;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await writes.archiveRecord(trx, table, id);
    await writeAudit(trx, ctx, {
      action: `${table}.archive`,
      recordType: table,
      recordId: id,
      before: { archivedAt: null },
      after: { archivedAt: new Date().toISOString() },
    });
  });
  return { outcome: "archived" };
}

// ------------------------------------------------------------------ nations
export async function listNations(ctx: Ctx, query: NationQuery) {
  authorize(ctx.viewer, "nation.read");
  return paged(query, await queries.listNations(ctx.db, query));
}

export async function getNation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "nation.read");
  return orNotFound(await queries.findNation(ctx.db, id), "The nation");
}

/**
 * A nation's code is an ISO 3166-1 alpha-3 code (current or formerly used, for historical records) unless the
 * nation carries the explicit flag `nonIsoCode`; the flag is refused on an ISO code, so it always means something.
 */
async function checkNationCode(db: Kysely<DB>, code: string, nonIsoCode: boolean) {
  const iso = await queries.isIsoNationCode(db, code);
  if (!iso && !nonIsoCode)
    throw validation(
      "body.code",
      "is not an ISO 3166-1 alpha-3 code (current or formerly used); set nonIsoCode to record it anyway",
    );
  if (iso && nonIsoCode)
    throw validation("body.nonIsoCode", `${code} is an ISO 3166-1 alpha-3 code; leave the flag unset`);
}

export async function createNation(ctx: Ctx, input: NationInput) {
  authorize(ctx.viewer, "nation.create");
  await checkNationCode(ctx.db, input.code, input.nonIsoCode ?? false);
  const row = await insertRecord(ctx, "nation", input, { action: "nation.create" });
  return getNation(ctx, row.id);
}

export async function updateNation(ctx: Ctx, id: string, patch: NationPatch) {
  authorize(ctx.viewer, "nation.update");
  await ctx.db.transaction().execute(async (trx) => {
    const where = { id, missing: "The nation" };
    const before = await lockRow(trx, "nation", where);
    if (patch.code !== undefined || patch.nonIsoCode !== undefined)
      await checkNationCode(trx, patch.code ?? before.code, patch.nonIsoCode ?? before.nonIsoCode);
    await auditedUpdate(trx, ctx, "nation", where, patch, { action: "nation.update" });
  });
  return getNation(ctx, id);
}

export async function deleteNation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "nation.delete");
  const before = orNotFound(await writes.recordRow(ctx.db, "nation", id), "The nation");
  return deleteOrArchive(ctx, "nation", id, before);
}

export async function addMembership(ctx: Ctx, nationId: string, input: MembershipInput) {
  authorize(ctx.viewer, "nation.update");
  checkDateOrder(input.startedOn, input.endedOn, "body.endedOn");
  return ctx.db.transaction().execute(async (trx) => {
    await lockRow(trx, "nation", { id: nationId, missing: "The nation" });
    const row = await writes.insertMembership(trx, nationId, input).catch((error: { code?: string }) => {
      if (error.code === "23P01") {
        throw new AppError("CONFLICT", "The nation already has a membership of this kind in these dates", [
          { field: "body.startedOn", message: "overlaps an existing membership of this kind" },
        ]);
      }
      throw error;
    });
    await writeAudit(trx, ctx, {
      action: "nation.membership.add",
      recordType: "nation_membership",
      recordId: row.id,
      after: { ...row, nationId },
    });
    return row;
  });
}

export async function removeMembership(ctx: Ctx, nationId: string, membershipId: string) {
  authorize(ctx.viewer, "nation.update");
  await deleteRecord(
    ctx,
    "nationMembership",
    { id: membershipId, scope: { nationId }, missing: "The membership" },
    { action: "nation.membership.remove" },
  );
}

// ------------------------------------------------------------------ organisations
export async function listOrganisations(ctx: Ctx, query: OrganisationQuery) {
  authorize(ctx.viewer, "organisation.read");
  return paged(query, await queries.listOrganisations(ctx.db, query));
}

export async function getOrganisation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "organisation.read");
  return orNotFound(await queries.findOrganisation(ctx.db, id), "The organisation");
}

export async function createOrganisation(ctx: Ctx, input: OrganisationInput) {
  authorize(ctx.viewer, "organisation.create");
  const row = await insertRecord(ctx, "organisation", input, { action: "organisation.create" });
  return getOrganisation(ctx, row.id);
}

export async function updateOrganisation(ctx: Ctx, id: string, patch: OrganisationPatch) {
  authorize(ctx.viewer, "organisation.update", { id });
  if (patch.parentId === id) throw validation("body.parentId", "an organisation cannot be its own parent");
  await updateRecord(ctx, "organisation", { id, missing: "The organisation" }, patch, {
    action: "organisation.update",
    rules: {
      organisation_parent_id_check: [
        "body.parentId",
        "an organisation cannot be placed under its own descendant",
      ],
    },
  });
  return getOrganisation(ctx, id);
}

export async function deleteOrganisation(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "organisation.delete");
  const before = orNotFound(await writes.recordRow(ctx.db, "organisation", id), "The organisation");
  return deleteOrArchive(ctx, "organisation", id, before);
}

// ------------------------------------------------------------------ people
type PersonRow = NonNullable<Awaited<ReturnType<typeof queries.findPerson>>>;

function personOutput<T extends PersonRow | Awaited<ReturnType<typeof queries.listPeople>>["items"][number]>(
  row: T,
) {
  return withRelease(row);
}

/**
 * The nation and the current affiliations of a person linked to an account are part of that account's read scope
 * (see `buildViewer`). Like role grants, only an administrator changes them: nobody widens their own access or
 * another user's by editing a directory entry.
 */
async function guardAccountScope(db: Kysely<DB>, ctx: Ctx, personId: string, field: string) {
  if (isAdministrator(ctx.viewer)) return;
  if (await writes.accountOfPerson(db, personId)) {
    throw forbiddenField(
      field,
      "The person is linked to a user account: their nation and affiliations define that account's access, which only an administrator may change",
    );
  }
}

/** A person may be placed only where the writer could have created them: the same rule as `person.create`. */
function guardPlacement(
  ctx: Ctx,
  placement: { nationId: string; organisationId: string | null },
  field: string,
) {
  if (!can(ctx.viewer, "person.create", placement))
    throw forbiddenField(field, "You may only place people in a nation or organisation you represent");
}

export async function listPeople(ctx: Ctx, query: PersonQuery) {
  authorize(ctx.viewer, "person.list");
  const page = await queries.listPeople(ctx.db, ctx.viewer, query);
  return paged(query, { ...page, items: page.items.map(personOutput) });
}

export async function getPerson(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "person.list");
  const person = orNotFound(await queries.findPerson(ctx.db, ctx.viewer, id), "The person");
  return personOutput(person);
}

export async function createPerson(ctx: Ctx, input: PersonInput) {
  authorize(ctx.viewer, "person.create", input);
  const { organisationId, position, releaseNationIds, releaseOrganisationIds, ...fields } = input;
  // A person belongs to their nation unless an organiser records them for their own organisation.
  const ownedByOrganisation =
    !isAdministrator(ctx.viewer) && !coordinatesNation(ctx.viewer, input.nationId) && !!organisationId;
  const row = await insertRecord(
    ctx,
    "person",
    {
      ...fields,
      ownerNationId: ownedByOrganisation ? null : input.nationId,
      ownerOrganisationId: ownedByOrganisation ? organisationId : null,
      releaseNations: releaseNationIds ?? [],
      releaseOrganisations: releaseOrganisationIds ?? [],
    },
    {
      action: "person.create",
      also: (person, trx) =>
        organisationId
          ? writes.insertAffiliation(trx, {
              personId: person.id,
              organisationId,
              position: position ?? null,
            })
          : Promise.resolve(),
      audited: (person) => ({ ...person, organisationId: organisationId ?? null }),
    },
  );
  return getPerson(ctx, row.id);
}

export async function updatePerson(ctx: Ctx, id: string, patch: PersonPatch) {
  authorize(ctx.viewer, "person.list");
  await ctx.db.transaction().execute(async (trx) => {
    const before = orNotFound(await queries.findPerson(trx, ctx.viewer, id), "The person");
    authorize(ctx.viewer, "person.update", before);
    if (patch.nationId !== undefined && patch.nationId !== before.nationId) {
      await guardAccountScope(trx, ctx, id, "body.nationId");
      guardPlacement(
        ctx,
        { nationId: patch.nationId, organisationId: before.ownerOrganisationId },
        "body.nationId",
      );
    }
    const after = await writes.updatePersonRow(trx, id, patchColumns(patch));
    const { affiliations: _a, nation: _n, currentOrganisation: _c, ...plainBefore } = before;
    await writeAudit(trx, ctx, {
      action: "person.update",
      recordType: "person",
      recordId: id,
      before: plainBefore,
      after,
    });
  });
  return getPerson(ctx, id);
}

export async function deletePerson(ctx: Ctx, id: string) {
  authorize(ctx.viewer, "person.list");
  const before = orNotFound(await queries.findPerson(ctx.db, ctx.viewer, id), "The person");
  authorize(ctx.viewer, "person.delete", before);
  const { affiliations: _a, nation: _n, currentOrganisation: _c, ...plain } = before;
  return deleteOrArchive(ctx, "person", id, plain);
}

export async function addAffiliation(ctx: Ctx, personId: string, input: AffiliationInput) {
  authorize(ctx.viewer, "person.list");
  checkDateOrder(input.startedOn, input.endedOn, "body.endedOn");
  const person = orNotFound(await queries.findPerson(ctx.db, ctx.viewer, personId), "The person");
  authorize(ctx.viewer, "person.update", person);
  await guardAccountScope(ctx.db, ctx, personId, "body.organisationId");
  guardPlacement(
    ctx,
    { nationId: person.nationId, organisationId: input.organisationId },
    "body.organisationId",
  );
  await insertRecord(ctx, "personAffiliation", { ...input, personId }, { action: "person.affiliation.add" });
  return getPerson(ctx, personId);
}

export async function removeAffiliation(ctx: Ctx, personId: string, affiliationId: string) {
  authorize(ctx.viewer, "person.list");
  const person = orNotFound(await queries.findPerson(ctx.db, ctx.viewer, personId), "The person");
  authorize(ctx.viewer, "person.update", person);
  await guardAccountScope(ctx.db, ctx, personId, "affiliationId");
  await deleteRecord(
    ctx,
    "personAffiliation",
    { id: affiliationId, scope: { personId }, missing: "The affiliation" },
    { action: "person.affiliation.remove" },
  );
  return getPerson(ctx, personId);
}
