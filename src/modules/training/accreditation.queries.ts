import { type Insertable, type Kysely, sql, type Updateable } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import type { AccreditationApplicationTable } from "../../db/schema/training.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { ApplicationQuery } from "./training.schemas.js";

type Q = Kysely<DB>;

export function standardSets(db: Q) {
  return db
    .selectFrom("standardSet as s")
    .select(["s.id", "s.code", "s.titleEn", "s.titleAz", "s.titleRu"])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("standardArea as ar")
          .whereRef("ar.standardSetId", "=", "s.id")
          .select(["ar.id", "ar.code", "ar.titleEn", "ar.titleAz", "ar.titleRu"])
          .select((inner) =>
            jsonArrayFrom(
              inner
                .selectFrom("standard as st")
                .whereRef("st.areaId", "=", "ar.id")
                .select([
                  "st.id",
                  "st.code",
                  "st.titleEn",
                  "st.titleAz",
                  "st.titleRu",
                  "st.descriptionEn",
                  "st.sample",
                ])
                .orderBy("st.sortOrder"),
            ).as("standards"),
          )
          .orderBy("ar.sortOrder"),
      ).as("areas"),
    )
    .orderBy("s.code")
    .execute();
}

/** Counts per application: standards, self-assessed, with evidence, complete (nothing missing). */
const progressOf = sql<{ standards: number; selfAssessed: number; withEvidence: number; complete: number }>`(
  select json_build_object(
    'standards', count(*)::int,
    'selfAssessed', count(sa.standard_id)::int,
    'withEvidence', count(*) filter (where exists (select 1 from accreditation_evidence ev
        where ev.application_id = app.id and ev.standard_id = st.id))::int,
    'complete', count(*) filter (where sa.standard_id is not null
        and exists (select 1 from accreditation_evidence ev where ev.application_id = app.id and ev.standard_id = st.id)
        and not exists (select 1 from accreditation_finding f where f.application_id = app.id
          and f.standard_id = st.id and f.status = 'open'))::int)
  from standard st join standard_area ar on ar.id = st.area_id
  left join accreditation_self_assessment sa on sa.application_id = app.id and sa.standard_id = st.id
  where ar.standard_set_id = app.standard_set_id)`;

const applicationBase = (db: Q) =>
  db.selectFrom("accreditationApplication as app").innerJoin("organisation as o", "o.id", "app.centreId");

const applicationColumns = [
  "app.id",
  "app.centreId",
  "o.code as centreCode",
  "o.nameEn as centreNameEn",
  "o.nameAz as centreNameAz",
  "o.nameRu as centreNameRu",
  "app.kind",
  "app.state",
  "app.decision",
  "app.decidedOn",
  "app.validUntil",
  "app.visitStartsOn",
  "app.visitEndsOn",
  "app.sample",
  "app.standardSetId",
  "app.reviewingOrganisationId",
  "app.selfAssessmentDueOn",
  "app.submittedAt",
  "app.visitedAt",
  "app.reportDueOn",
  "app.decisionNote",
  "app.note",
  ...releaseColumns("app"),
] as const;

export async function listApplications(
  db: Q,
  viewer: Viewer,
  query: ApplicationQuery & { expiringBy?: string },
) {
  let base = applicationBase(db).where(visibleTo(viewer, "app"));
  if (query.centreId) base = base.where("app.centreId", "=", query.centreId);
  if (query.kind) base = base.where("app.kind", "=", query.kind);
  if (query.state) base = base.where("app.state", "=", query.state);
  if (query.expiringBy) {
    base = base
      .where("app.state", "=", "decided")
      .where("app.validUntil", ">=", sql<string>`current_date`)
      .where("app.validUntil", "<=", query.expiringBy);
  }
  return pageOf(
    query,
    base.select(applicationColumns).select(progressOf.as("progress")).orderBy("app.createdAt", "desc"),
    base,
  );
}

export function findApplication(db: Q, viewer: Viewer | null, id: string) {
  let query = applicationBase(db)
    .select(applicationColumns)
    .select(progressOf.as("progress"))
    .where("app.id", "=", id);
  if (viewer) query = query.where(visibleTo(viewer, "app"));
  return query.executeTakeFirst();
}
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof findApplication>>>;

export async function dossierParts(db: Q, application: ApplicationRow) {
  const [set, areas, assessments, evidence, findings, team] = await Promise.all([
    db
      .selectFrom("standardSet")
      .select(["id", "code", "titleEn", "titleAz", "titleRu"])
      .where("id", "=", application.standardSetId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("standardArea as ar")
      .where("ar.standardSetId", "=", application.standardSetId)
      .select(["ar.id", "ar.code", "ar.titleEn", "ar.titleAz", "ar.titleRu"])
      .select((eb) =>
        jsonArrayFrom(
          eb
            .selectFrom("standard as st")
            .whereRef("st.areaId", "=", "ar.id")
            .select(["st.id", "st.code", "st.titleEn", "st.titleAz", "st.titleRu"])
            .orderBy("st.sortOrder"),
        ).as("standards"),
      )
      .orderBy("ar.sortOrder")
      .execute(),
    db
      .selectFrom("accreditationSelfAssessment")
      .where("applicationId", "=", application.id)
      .select(["standardId", "rating", "narrative", "updatedAt"])
      .execute(),
    db
      .selectFrom("accreditationEvidence as ev")
      .innerJoin("storedFile as f", "f.id", "ev.fileId")
      .where("ev.applicationId", "=", application.id)
      .select([
        "ev.id",
        "ev.standardId",
        "ev.fileId",
        "f.filename",
        "f.contentType",
        "f.sizeBytes",
        "ev.createdAt",
      ])
      .orderBy("ev.createdAt")
      .execute(),
    db
      .selectFrom("accreditationFinding")
      .where("applicationId", "=", application.id)
      .select(["id", "standardId", "kind", "text", "dueOn", "status", "closedAt", "closureNote", "createdAt"])
      .orderBy("createdAt")
      .execute(),
    db
      .selectFrom("accreditationVisitMember as m")
      .where("m.applicationId", "=", application.id)
      .select(["m.role"])
      .select((eb) =>
        jsonObjectFrom(
          eb
            .selectFrom("person as p")
            .innerJoin("nation as n", "n.id", "p.nationId")
            .whereRef("p.id", "=", "m.personId")
            .select(["p.id", "p.givenName", "p.familyName", "p.rankTitle", "n.code as nationCode"]),
        ).as("person"),
      )
      .execute(),
  ]);
  return { set, areas, assessments, evidence, findings, team };
}

/** Managers of a centre (any role scoped to it or above it) and the coordinators of its nation, for reminders. */
export async function centreContacts(db: Q, centreId: string): Promise<string[]> {
  const { rows } = await sql<{ userId: string }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = ${centreId}
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    )
    select distinct r.user_id as "userId" from role_assignment r
    join app_user u on u.id = r.user_id and u.disabled_at is null
    where r.organisation_id in (select id from up)
       or (r.role = 'national_coordinator' and r.nation_id = (select nation_id from organisation where id = ${centreId}))`.execute(
    db,
  );
  return rows.map((row) => row.userId);
}

// ------------------------------------------------------------------ lookups of the accreditation's writes
/** The applicant centre: an organisation with its nation. */
export function findCentre(db: Q, centreId: string) {
  return db
    .selectFrom("organisation")
    .select(["id", "nationId"])
    .where("id", "=", centreId)
    .executeTakeFirst();
}

/** The standard set by id, or the default set by code. */
export function findStandardSet(db: Q, where: { id: string } | { code: string }) {
  const query = db.selectFrom("standardSet").select("id");
  return (
    "id" in where ? query.where("id", "=", where.id) : query.where("code", "=", where.code)
  ).executeTakeFirst();
}

/** The organisations with these codes (the alliance and the accrediting body). */
export function organisationsByCode(db: Q, codes: string[]) {
  return db.selectFrom("organisation").select(["id", "code"]).where("code", "in", codes).execute();
}

export async function organisationName(db: Q, id: string) {
  const row = await db
    .selectFrom("organisation")
    .select("nameEn")
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
  return row.nameEn;
}

/**
 * Whether the reviewer is a known organisation, and whether it is the centre or an organisation above or below it
 * (the rule of the database trigger of migration 0019).
 */
export async function reviewerRelation(db: Q, centreId: string, reviewerId: string) {
  const { rows } = await sql<{ known: boolean; related: boolean }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from organisation where id = ${centreId}
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ), down(id) as (
      select id from organisation where id = ${centreId}
      union
      select o.id from organisation o join down on o.parent_id = down.id
    )
    select exists (select 1 from organisation where id = ${reviewerId}) as known,
      exists (select 1 from up where id = ${reviewerId}) or exists (select 1 from down where id = ${reviewerId}) as related`.execute(
    db,
  );
  return rows[0] ?? { known: false, related: false };
}

/** Whether the standard belongs to the set. */
export async function standardInSet(db: Q, standardId: string, standardSetId: string) {
  const row = await db
    .selectFrom("standard as st")
    .innerJoin("standardArea as ar", "ar.id", "st.areaId")
    .select("st.id")
    .where("st.id", "=", standardId)
    .where("ar.standardSetId", "=", standardSetId)
    .executeTakeFirst();
  return Boolean(row);
}

/** Each standard of the set, in order, with whether the application has self-assessed and evidenced it. */
export async function standardCoverage(db: Q, applicationId: string, standardSetId: string) {
  const { rows } = await sql<{ code: string; assessed: boolean; evidenced: boolean }>`
    select st.code,
      exists (select 1 from accreditation_self_assessment sa where sa.application_id = ${applicationId} and sa.standard_id = st.id) as assessed,
      exists (select 1 from accreditation_evidence ev where ev.application_id = ${applicationId} and ev.standard_id = st.id) as evidenced
    from standard st join standard_area ar on ar.id = st.area_id
    where ar.standard_set_id = ${standardSetId} order by ar.sort_order, st.sort_order`.execute(db);
  return rows;
}

export async function hasOpenCondition(db: Q, applicationId: string) {
  const row = await db
    .selectFrom("accreditationFinding")
    .select("id")
    .where("applicationId", "=", applicationId)
    .where("kind", "=", "condition")
    .where("status", "=", "open")
    .executeTakeFirst();
  return Boolean(row);
}

/** Decided applications whose validity ends between today and `expiringBy`, with their centre's name. */
export function dueRenewals(db: Q, today: string, expiringBy: string) {
  return db
    .selectFrom("accreditationApplication as app")
    .innerJoin("organisation as o", "o.id", "app.centreId")
    .select(["app.id", "app.centreId", "app.kind", "app.validUntil", "o.nameEn"])
    .where("app.state", "=", "decided")
    .where("app.validUntil", ">=", today)
    .where("app.validUntil", "<=", expiringBy)
    .execute();
}

export function findEvidence(db: Q, applicationId: string, evidenceId: string) {
  return db
    .selectFrom("accreditationEvidence")
    .select("fileId")
    .where("id", "=", evidenceId)
    .where("applicationId", "=", applicationId)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ writes
/** The database's clock for a change (the transaction's start, as `now()` everywhere in SQL). */
export const now = sql<Date>`now()`;

export function updateApplication(db: Q, id: string, changes: Updateable<AccreditationApplicationTable>) {
  return db
    .updateTable("accreditationApplication")
    .set(changes)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces the visit team. */
export async function replaceVisitTeam(
  db: Q,
  applicationId: string,
  team: { personId: string; role?: string | undefined }[],
) {
  await db.deleteFrom("accreditationVisitMember").where("applicationId", "=", applicationId).execute();
  await db
    .insertInto("accreditationVisitMember")
    .values(team.map((m) => ({ applicationId, personId: m.personId, role: m.role ?? "member" })))
    .execute();
}

export function findSelfAssessment(db: Q, applicationId: string, standardId: string) {
  return db
    .selectFrom("accreditationSelfAssessment")
    .selectAll()
    .where("applicationId", "=", applicationId)
    .where("standardId", "=", standardId)
    .executeTakeFirst();
}

/** Writes the self-assessment of one standard, replacing an earlier one. */
export function upsertSelfAssessment(
  db: Q,
  value: {
    applicationId: string;
    standardId: string;
    rating: string;
    narrative: string | null;
    updatedBy: string | null;
  },
) {
  const { rating, narrative, updatedBy } = value;
  return db
    .insertInto("accreditationSelfAssessment")
    .values(value)
    .onConflict((oc) =>
      oc
        .columns(["applicationId", "standardId"])
        .doUpdateSet({ rating, narrative, updatedBy, updatedAt: now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertEvidence(db: Q, value: Insertable<DB["accreditationEvidence"]>) {
  return db.insertInto("accreditationEvidence").values(value).returningAll().executeTakeFirstOrThrow();
}

export function deleteEvidence(db: Q, applicationId: string, evidenceId: string) {
  return db
    .deleteFrom("accreditationEvidence")
    .where("id", "=", evidenceId)
    .where("applicationId", "=", applicationId)
    .returningAll()
    .executeTakeFirst();
}
