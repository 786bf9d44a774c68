import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import { nationRef, organisationRef } from "../../platform/record-refs.js";
import {
  INSTITUTION_KINDS,
  type NationQuery,
  type OrganisationQuery,
  type PersonQuery,
} from "./directory.schemas.js";

type Q = Kysely<DB>;

/** "-nameEn" → ["nameEn", "desc"] */
export function parseSort<F extends string>(sort: string | undefined, fallback: F): [F, "asc" | "desc"] {
  if (!sort) return [fallback, "asc"];
  return sort.startsWith("-") ? [sort.slice(1) as F, "desc"] : [sort as F, "asc"];
}

const matches = (q: string) => sql<boolean>`search @@ accord_search_query(${q})`;
/**
 * A code or name that starts with the text typed, or (from three characters, like a trigram search) holds it
 * anywhere: "PAGED-105" finds "ZZ-PAGED-105", "ministry" finds "Defence Ministry".
 */
const textMatch = (column: string, q: string) => {
  const escaped = q.replace(/[\\%_]/g, "\\$&");
  const pattern = q.length >= 3 ? `%${escaped}%` : `${escaped}%`;
  return sql<boolean>`accord_unaccent(lower(${sql.ref(column)})) like accord_unaccent(lower(${pattern}))`;
};

/**
 * The nations or organisations a register's list shows: the live ones unless archived ones are asked for, and of
 * those the ones whose text, code or English name matches what was typed.
 */
const listed =
  (table: "nation" | "organisation", query: { includeArchived?: boolean; q?: string }) =>
  // biome-ignore lint/suspicious/noExplicitAny: the predicate serves both registers' queries
  (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    const q = query.q?.trim();
    return eb.and([
      ...(query.includeArchived ? [] : [sql<boolean>`${sql.ref(`${table}.archived_at`)} is null`]),
      ...(q ? [eb.or([matches(q), textMatch(`${table}.code`, q), textMatch(`${table}.name_en`, q)])] : []),
    ]);
  };

const membershipsOf = (eb: ExpressionBuilder<DB, "nation">) =>
  jsonArrayFrom(
    eb
      .selectFrom("nationMembership as m")
      .select(["m.id", "m.kind", "m.startedOn", "m.startPrecision", "m.endedOn", "m.source", "m.note"])
      .whereRef("m.nationId", "=", "nation.id")
      .orderBy("m.startedOn"),
  ).as("memberships");

const NATION_COLUMNS = [
  "nation.id",
  "nation.code",
  "nation.nameEn",
  "nation.nameAz",
  "nation.nameRu",
  "nation.nonIsoCode",
  "nation.archivedAt",
] as const;

export async function listNations(db: Q, query: NationQuery) {
  let base = db.selectFrom("nation").where(listed("nation", query));
  if (query.membership) {
    const kind = query.membership;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom("nationMembership as m")
          .select("m.id")
          .whereRef("m.nationId", "=", "nation.id")
          .where("m.kind", "=", kind)
          .where((inner) =>
            inner.or([inner("m.endedOn", "is", null), inner("m.endedOn", ">=", sql<string>`current_date`)]),
          ),
      ),
    );
  }
  const [field, direction] = parseSort(query.sort, "code");
  return pageOf(
    query,
    base
      .select(NATION_COLUMNS)
      .select((eb) => membershipsOf(eb))
      .orderBy(`nation.${field}`, direction)
      .orderBy("nation.id"),
    base,
  );
}

export function findNation(db: Q, id: string) {
  return db
    .selectFrom("nation")
    .select(NATION_COLUMNS)
    .select((eb) => membershipsOf(eb))
    .where("nation.id", "=", id)
    .executeTakeFirst();
}

/** Whether the code is an ISO 3166-1 alpha-3 code, assigned today or formerly used. */
export async function isIsoNationCode(db: Q, code: string): Promise<boolean> {
  const row = await db.selectFrom("iso_3166").select("code").where("code", "=", code).executeTakeFirst();
  return !!row;
}

const organisationRefs = <O>(query: SelectQueryBuilder<DB, "organisation", O>) =>
  query.select((eb) => [
    nationRef(eb, "organisation.nationId").as("nation"),
    organisationRef(eb, "organisation.parentId").as("parent"),
  ]);

const organisationColumns = [
  "organisation.id",
  "organisation.code",
  "organisation.nameEn",
  "organisation.nameAz",
  "organisation.nameRu",
  "organisation.kind",
  "organisation.nationId",
  "organisation.parentId",
  "organisation.city",
  "organisation.foundingAct",
  "organisation.foundedOn",
  "organisation.charterYear",
  "organisation.website",
  "organisation.archivedAt",
] as const;

export async function listOrganisations(db: Q, query: OrganisationQuery) {
  let base = db.selectFrom("organisation").where(listed("organisation", query));
  if (query.kind) base = base.where("organisation.kind", "=", query.kind);
  if (query.category === "institution") base = base.where("organisation.kind", "in", [...INSTITUTION_KINDS]);
  if (query.category === "organisation")
    base = base.where("organisation.kind", "not in", [...INSTITUTION_KINDS]);
  if (query.nationId) base = base.where("organisation.nationId", "=", query.nationId);
  if (query.parentId) base = base.where("organisation.parentId", "=", query.parentId);
  const [field, direction] = parseSort(query.sort, "code");
  return pageOf(
    query,
    organisationRefs(base.select([...organisationColumns]))
      .orderBy(`organisation.${field}`, direction)
      .orderBy("organisation.id"),
    base,
  );
}

export async function findOrganisation(db: Q, id: string) {
  const organisation = await organisationRefs(db.selectFrom("organisation").select([...organisationColumns]))
    .where("organisation.id", "=", id)
    .executeTakeFirst();
  if (!organisation) return undefined;
  const [children, ancestors] = await Promise.all([
    db
      .selectFrom("organisation")
      .select(["id", "code", "nameEn", "kind"])
      .where("parentId", "=", id)
      .where("archivedAt", "is", null)
      .orderBy("code")
      .execute(),
    sql<{ id: string; code: string; nameEn: string; depth: number }>`
      with recursive up(id, code, name_en, parent_id, depth) as (
        select p.id, p.code, p.name_en, p.parent_id, 1 from organisation p where p.id = ${organisation.parentId}
        union all
        select o.id, o.code, o.name_en, o.parent_id, up.depth + 1 from organisation o join up on o.id = up.parent_id
        where up.depth < 50
      ) select id, code, name_en, depth from up order by depth desc`.execute(db),
  ]);
  return {
    ...organisation,
    children,
    ancestors: ancestors.rows.map(({ id, code, nameEn }) => ({ id, code, nameEn })),
  };
}

const personColumns = [
  "person.id",
  "person.givenName",
  "person.familyName",
  "person.rankTitle",
  "person.nationId",
  "person.email",
  "person.phone",
  "person.languages",
  "person.archivedAt",
  ...releaseColumns("person"),
] as const;

const personRefs = <O>(query: SelectQueryBuilder<DB, "person", O>) =>
  query.select((eb) => [
    nationRef(eb, "person.nationId").$notNull().as("nation"),
    jsonObjectFrom(
      eb
        .selectFrom("personAffiliation as a")
        .innerJoin("organisation as o", "o.id", "a.organisationId")
        .select(["o.id", "o.code", "o.nameEn"])
        .whereRef("a.personId", "=", "person.id")
        .where((inner) =>
          inner.or([inner("a.endedOn", "is", null), inner("a.endedOn", ">=", sql<string>`current_date`)]),
        )
        .orderBy("a.startedOn", (ob) => ob.desc().nullsLast())
        .limit(1),
    ).as("currentOrganisation"),
  ]);

export async function listPeople(db: Q, viewer: Viewer, query: PersonQuery) {
  let base = db.selectFrom("person").where(visibleTo(viewer, "person"));
  if (!query.includeArchived) base = base.where("person.archivedAt", "is", null);
  if (query.q?.trim()) {
    const q = query.q.trim();
    base = base.where((eb) =>
      eb.or([matches(q), textMatch("person.family_name", q), textMatch("person.given_name", q)]),
    );
  }
  if (query.nationId) base = base.where("person.nationId", "=", query.nationId);
  if (query.organisationId) {
    const organisationId = query.organisationId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom("personAffiliation as a")
          .select("a.id")
          .whereRef("a.personId", "=", "person.id")
          .where("a.organisationId", "=", organisationId),
      ),
    );
  }
  const [field, direction] = parseSort(query.sort, "familyName");
  return pageOf(
    query,
    personRefs(base.select([...personColumns]))
      .orderBy(`person.${field}`, direction)
      .orderBy("person.id"),
    base,
  );
}

export async function findPerson(db: Q, viewer: Viewer, id: string) {
  return personRefs(db.selectFrom("person").select([...personColumns]))
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("personAffiliation as a")
          .innerJoin("organisation as o", "o.id", "a.organisationId")
          .select((inner) => [
            "a.id",
            "a.organisationId",
            "a.position",
            "a.startedOn",
            "a.endedOn",
            organisationRef(inner, "o.id").$notNull().as("organisation"),
          ])
          .whereRef("a.personId", "=", "person.id")
          .orderBy("a.startedOn", (ob) => ob.desc().nullsFirst()),
      ).as("affiliations"),
    )
    .where("person.id", "=", id)
    .where(visibleTo(viewer, "person"))
    .executeTakeFirst();
}
