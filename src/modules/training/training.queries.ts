import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import { overseenNationIds, readsEverything, type Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { CertificateQuery, CourseQuery, RegistryQuery } from "./training.schemas.js";

type Q = Kysely<DB>;

const uuids = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

const personRef = (column: string) => sql<{
  id: string;
  givenName: string;
  familyName: string;
  rankTitle: string | null;
  nationCode: string;
} | null>`(select json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
    'rankTitle', p.rank_title, 'nationCode', n.code)
  from person p join nation n on n.id = p.nation_id where p.id = ${sql.ref(column)})`;

// ------------------------------------------------------------------ courses
/** What a course and its runs show of the course's activity (aliased `a`): code, titles, who organises it. */
const COURSE_ACTIVITY_COLUMNS = [
  "a.code as activityCode",
  "a.titleEn",
  "a.titleAz",
  "a.titleRu",
  "a.organiserId",
  "a.hostInstitutionId",
] as const;

const courseColumns = (db: Q) =>
  db
    .selectFrom("course as c")
    .innerJoin("activity as a", "a.id", "c.activityId")
    .leftJoin("qualification as q", "q.code", "c.qualificationCode")
    .select([
      "c.id",
      "c.activityId",
      ...COURSE_ACTIVITY_COLUMNS,
      "c.qualificationCode",
      "q.nameEn as qualificationNameEn",
      "q.nameAz as qualificationNameAz",
      "q.nameRu as qualificationNameRu",
      "q.validityYears as qualificationValidityYears",
      "c.objectives",
      "c.modules",
      "c.entryRequirements",
      "c.assessment",
      "c.certificateValidityYears",
      "c.sample",
    ])
    .select([personRef("c.director_person_id").as("director")])
    .select(
      sql<
        { id: string; givenName: string; familyName: string; rankTitle: string | null; nationCode: string }[]
      >`coalesce((select json_agg(json_build_object('id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
          'rankTitle', p.rank_title, 'nationCode', n.code) order by p.family_name)
        from person p join nation n on n.id = p.nation_id where p.id = any(c.instructor_person_ids)), '[]'::json)`.as(
        "instructors",
      ),
    );

export async function listCourses(db: Q, viewer: Viewer, query: CourseQuery) {
  let base = courseColumns(db).where(visibleTo(viewer, "a"));
  if (query.q?.trim()) {
    const q = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) => eb.or([eb("a.code", "ilike", q), eb("a.titleEn", "ilike", q)]));
  }
  return pageOf(query, base.orderBy("a.code"), base.clearSelect());
}

export function findCourse(db: Q, viewer: Viewer, id: string) {
  return courseColumns(db).where(visibleTo(viewer, "a")).where("c.id", "=", id).executeTakeFirst();
}

export type CourseRow = NonNullable<Awaited<ReturnType<typeof findCourse>>>;

/** What a course run shows of its event (aliased `e`). */
const RUN_EVENT_COLUMNS = [
  "e.id as eventId",
  "e.title",
  "e.startsOn",
  "e.endsOn",
  "e.city",
  "e.status",
] as const;

export function courseRuns(db: Q, courseId: string) {
  return db
    .selectFrom("event as e")
    .innerJoin("course as c", "c.activityId", "e.activityId")
    .leftJoin("courseRun as r", "r.eventId", "e.id")
    .where("c.id", "=", courseId)
    .select([
      ...RUN_EVENT_COLUMNS,
      "r.signedOffAt",
      sql<number>`(select count(*)::int from nomination n where n.event_id = e.id and n.status = 'accepted')`.as(
        "participants",
      ),
      sql<number>`(select count(*)::int from certificate x where x.event_id = e.id and x.revoked_at is null)`.as(
        "certificates",
      ),
    ])
    .orderBy("e.startsOn", "desc")
    .execute();
}

/** The run (an event of a course activity), with what access decisions need. */
export function findRun(db: Q, viewer: Viewer, eventId: string) {
  return db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .innerJoin("course as c", "c.activityId", "a.id")
    .leftJoin("courseRun as r", "r.eventId", "e.id")
    .leftJoin("appUser as u", "u.id", "r.signedOffBy")
    .where("e.id", "=", eventId)
    .where(visibleTo(viewer, "a"))
    .select([
      ...RUN_EVENT_COLUMNS,
      ...COURSE_ACTIVITY_COLUMNS,
      "c.id as courseId",
      "c.assessment",
      "c.qualificationCode",
      "c.certificateValidityYears",
      "c.sample",
      "r.signedOffAt",
      "u.displayName as signedOffBy",
    ])
    .executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export async function runParticipants(db: Q, eventId: string) {
  const [people, sessions, attendance, scores, certificates] = await Promise.all([
    db
      .selectFrom("nomination as n")
      .innerJoin("person as p", "p.id", "n.personId")
      .innerJoin("nation as na", "na.id", "p.nationId")
      .where("n.eventId", "=", eventId)
      .where("n.status", "=", "accepted")
      .select([
        "n.id as nominationId",
        "p.id",
        "p.givenName",
        "p.familyName",
        "p.rankTitle",
        "na.code as nationCode",
      ])
      .orderBy("p.familyName")
      .orderBy("p.givenName")
      .execute(),
    db
      .selectFrom("eventSession")
      .where("eventId", "=", eventId)
      .select(["id", "title", "startsAt", "endsAt"])
      .orderBy("startsAt")
      .execute(),
    db
      .selectFrom("sessionAttendance as sa")
      .innerJoin("eventSession as s", "s.id", "sa.sessionId")
      .where("s.eventId", "=", eventId)
      .select(["sa.sessionId", "sa.nominationId", "sa.present"])
      .execute(),
    db
      .selectFrom("assessmentResult")
      .where("eventId", "=", eventId)
      .select(["nominationId", "componentCode", "score"])
      .execute(),
    db
      .selectFrom("certificate")
      .where("eventId", "=", eventId)
      .where("revokedAt", "is", null)
      .select(["id", "number", "nominationId", "validUntil", "revokedAt"])
      .execute(),
  ]);
  return { people, sessions, attendance, scores, certificates };
}

// ------------------------------------------------------------------ certificates
/** Who may list a certificate, as SQL over `x` (certificate), `p` (person) and `a` (activity). */
export function certificateVisibleTo(viewer: Viewer) {
  return (): Expression<SqlBool> => {
    if (readsEverything(viewer)) return sql<boolean>`true`;
    const allowed = [sql<boolean>`false`];
    if (viewer.personId) allowed.push(sql<boolean>`x.person_id = ${viewer.personId}`);
    const nations = overseenNationIds(viewer);
    if (nations.length) allowed.push(sql<boolean>`p.nation_id = any(${uuids(nations)})`);
    if (viewer.managedOrganisationIds.length) {
      allowed.push(
        sql<boolean>`(a.organiser_id = any(${uuids(viewer.managedOrganisationIds)}) or a.host_institution_id = any(${uuids(viewer.managedOrganisationIds)}))`,
      );
    }
    return sql<boolean>`(${sql.join(allowed, sql` or `)})`;
  };
}

const certificateBase = (db: Q) =>
  db
    .selectFrom("certificate as x")
    .innerJoin("person as p", "p.id", "x.personId")
    .innerJoin("nation as na", "na.id", "p.nationId")
    .innerJoin("event as e", "e.id", "x.eventId")
    .innerJoin("course as c", "c.id", "x.courseId")
    .innerJoin("activity as a", "a.id", "c.activityId");

const certificateColumns = [
  "x.id",
  "x.number",
  "x.verificationCode",
  "x.holderName",
  "x.personId",
  "p.nationId as personNationId",
  "na.code as nationCode",
  "x.courseId",
  "a.titleEn",
  "a.titleAz",
  "a.titleRu",
  "a.organiserId",
  "a.hostInstitutionId",
  "x.eventId",
  "e.startsOn as courseStartsOn",
  "e.endsOn as courseEndsOn",
  "x.qualificationCode",
  "x.language",
  "x.issuedOn",
  "x.validFrom",
  "x.validUntil",
  "x.revokedAt",
  "x.revokedReason",
  "x.replacesId",
  "x.sample",
] as const;

export async function listCertificates(db: Q, viewer: Viewer, query: CertificateQuery) {
  let base = certificateBase(db).where(certificateVisibleTo(viewer));
  if (query.mine) base = base.where("x.personId", "=", viewer.personId ?? sql<string>`null`);
  if (query.personId) base = base.where("x.personId", "=", query.personId);
  if (query.eventId) base = base.where("x.eventId", "=", query.eventId);
  if (query.status === "revoked") base = base.where("x.revokedAt", "is not", null);
  if (query.status === "valid")
    base = base
      .where("x.revokedAt", "is", null)
      .where((eb) =>
        eb.or([eb("x.validUntil", "is", null), eb("x.validUntil", ">=", sql<string>`current_date`)]),
      );
  if (query.status === "expired")
    base = base.where("x.revokedAt", "is", null).where("x.validUntil", "<", sql<string>`current_date`);
  if (query.q?.trim()) {
    const q = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) => eb.or([eb("x.number", "ilike", q), eb("x.holderName", "ilike", q)]));
  }
  return pageOf(
    query,
    base.select(certificateColumns).orderBy("x.issuedOn", "desc").orderBy("x.number", "desc"),
    base,
  );
}

export function findCertificate(db: Q, id: string) {
  return certificateBase(db).select(certificateColumns).where("x.id", "=", id).executeTakeFirst();
}
export type CertificateRow = NonNullable<Awaited<ReturnType<typeof findCertificate>>>;

export function findCertificateByCode(db: Q, code: string) {
  return certificateBase(db)
    .select(certificateColumns)
    .where("x.verificationCode", "=", code)
    .executeTakeFirst();
}

// ------------------------------------------------------------------ registry and qualifications
export async function hasValidQualification(
  db: Q,
  personId: string,
  qualificationCode: string,
  from: string,
  to: string,
): Promise<boolean> {
  const row = await db
    .selectFrom("certificate")
    .select("id")
    .where("personId", "=", personId)
    .where("qualificationCode", "=", qualificationCode)
    .where("revokedAt", "is", null)
    .where("validFrom", "<=", from)
    .where((eb) => eb.or([eb("validUntil", "is", null), eb("validUntil", ">=", to)]))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** People holding a live certificate of the qualification that is valid on the date (one row per person). */
export function certifiedQuery(db: Q, qualificationCode: string, onDate: string) {
  return db
    .selectFrom("certificate as x")
    .innerJoin("person as p", "p.id", "x.personId")
    .innerJoin("nation as na", "na.id", "p.nationId")
    .where("x.qualificationCode", "=", qualificationCode)
    .where("x.revokedAt", "is", null)
    .where("x.validFrom", "<=", onDate)
    .where((eb) => eb.or([eb("x.validUntil", "is", null), eb("x.validUntil", ">=", onDate)]))
    .distinctOn("x.personId")
    .select([
      "x.personId",
      "p.givenName",
      "p.familyName",
      "p.rankTitle",
      "p.nationId",
      "na.code as nationCode",
      "x.id as certificateId",
      "x.number as certificateNumber",
      "x.validFrom",
      "x.validUntil",
    ])
    .orderBy("x.personId")
    .orderBy(sql`x.valid_until desc nulls first`);
}

export async function registry(db: Q, viewer: Viewer, query: RegistryQuery, onDate: string) {
  let base = db
    .selectFrom(certifiedQuery(db, query.qualification, onDate).where(visibleTo(viewer, "p")).as("r"))
    .selectAll("r");
  if (query.nationId) base = base.where("r.nationId", "=", query.nationId);
  if (query.expiringWithinDays)
    base = base.where(
      "r.validUntil",
      "<=",
      sql<string>`(${onDate}::date + ${query.expiringWithinDays}::int)`,
    );
  return pageOf(
    query,
    base.orderBy("r.familyName").orderBy("r.givenName").orderBy("r.certificateId"), // namesakes would otherwise swap places between pages
    base.clearSelect(),
  );
}

/** The qualifications with their holders today: the people the viewer may list in the registry, no others. */
export function listQualifications(db: Q, viewer: Viewer) {
  return db
    .selectFrom("qualification as q")
    .select(["q.code", "q.nameEn", "q.nameAz", "q.nameRu", "q.validityYears"])
    .select((eb) =>
      eb
        .selectFrom("certificate as x")
        .innerJoin("person as p", "p.id", "x.personId")
        .select(sql<number>`count(distinct x.person_id)::int`.as("n"))
        .whereRef("x.qualificationCode", "=", "q.code")
        .where("x.revokedAt", "is", null)
        .where("x.validFrom", "<=", sql<string>`current_date`)
        .where((inner) =>
          inner.or([
            inner("x.validUntil", "is", null),
            inner("x.validUntil", ">=", sql<string>`current_date`),
          ]),
        )
        .where(visibleTo(viewer, "p"))
        .$asScalar()
        .as("holders"),
    )
    .orderBy("q.code")
    .execute();
}
