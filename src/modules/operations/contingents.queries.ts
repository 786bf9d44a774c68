import { sql, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import type { ContingentQuery, RotationInput, StrengthQuery } from "./operations.schemas.js";
import { codeNameRef, nationRef, type Q, releaseColumns, visibleContingents } from "./shared.queries.js";

// ------------------------------------------------------------------ contingents
const rotationTotal = (rotationColumn: string) =>
  sql<number>`(select coalesce(sum(s.count), 0)::int from rotation_strength s where s.rotation_id = ${sql.ref(rotationColumn)})`;

const contingentSelect = (db: Q) =>
  db
    .selectFrom("contingent")
    .select([
      "contingent.id",
      "contingent.operationId",
      "contingent.nationId",
      "contingent.name",
      "contingent.frameworkUnit",
      "contingent.note",
      "contingent.sample",
      ...releaseColumns("contingent"),
    ])
    .select((eb) => [
      codeNameRef(eb, "operation", "contingent.operation_id").$notNull().as("operation"),
      nationRef(eb, "contingent.nation_id").$notNull().as("nation"),
      nationRef(eb, "contingent.framework_nation_id").as("frameworkNation"),
      sql<
        string | null
      >`(select min(r.starts_on) from contingent_rotation r where r.contingent_id = contingent.id)`.as(
        "firstStartsOn",
      ),
      sql<string | null>`(select case when bool_or(r.ends_on is null) then null else max(r.ends_on) end
        from contingent_rotation r where r.contingent_id = contingent.id)`.as("lastEndsOn"),
      sql<number>`(select coalesce(sum(s.count), 0)::int from contingent_rotation r
        join rotation_strength s on s.rotation_id = r.id
        where r.contingent_id = contingent.id and r.starts_on <= current_date
          and (r.ends_on is null or r.ends_on >= current_date))`.as("currentStrength"),
      // The strength peaks on the first day of some rotation: sum every rotation serving on each such day.
      sql<number>`(select coalesce(max(x.total), 0)::int from (
          select r1.starts_on, sum(s.count) as total from contingent_rotation r1
          join contingent_rotation r2 on r2.contingent_id = r1.contingent_id and r2.starts_on <= r1.starts_on
            and (r2.ends_on is null or r2.ends_on >= r1.starts_on)
          join rotation_strength s on s.rotation_id = r2.id
          where r1.contingent_id = contingent.id group by r1.starts_on) x)`.as("peakStrength"),
    ]);

export async function listContingents(db: Q, viewer: Viewer, query: ContingentQuery) {
  let base = visibleContingents(db, viewer);
  if (query.operationId) base = base.where("contingent.operationId", "=", query.operationId);
  if (query.nationId) base = base.where("contingent.nationId", "=", query.nationId);
  const ids = base.select("contingent.id");
  return pageOf(
    query,
    contingentSelect(db)
      .where("contingent.id", "in", ids)
      .orderBy(
        sql`(select min(r.starts_on) from contingent_rotation r where r.contingent_id = contingent.id)`,
        (ob) => ob.asc().nullsLast(),
      )
      .orderBy("contingent.id"),
    base,
  );
}

export function findContingent(db: Q, viewer: Viewer, id: string) {
  return contingentSelect(db)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("contingentRotation as r")
          .select([
            "r.id",
            "r.slot",
            "r.label",
            "r.startsOn",
            "r.startPrecision",
            "r.endsOn",
            "r.sample",
            "r.note",
          ])
          .select((inner) => [
            jsonArrayFrom(
              inner
                .selectFrom("rotationStrength as s")
                .select(["s.category", "s.count"])
                .whereRef("s.rotationId", "=", "r.id")
                .orderBy(sql`s.count desc`)
                .orderBy("s.category"),
            ).as("strength"),
            rotationTotal("r.id").as("total"),
          ])
          .whereRef("r.contingentId", "=", "contingent.id")
          .orderBy("r.startsOn")
          .orderBy("r.slot"),
      ).as("rotations"),
    )
    .where("contingent.id", "=", id)
    .where(visibleTo(viewer, "contingent"))
    .executeTakeFirst();
}

/**
 * Strength over time of the contingents the viewer may see: one point on each day the strength changes (a
 * rotation starts, or the day after one ends), with the strength of every rotation serving that day by category.
 */
export async function strengthSeries(db: Q, viewer: Viewer, query: StrengthQuery) {
  let rotations = db
    .selectFrom("contingentRotation as r")
    .innerJoin("contingent", "contingent.id", "r.contingentId")
    .select(["r.id", "r.startsOn", "r.endsOn"])
    .where(visibleTo(viewer, "contingent"));
  if (query.operationId) rotations = rotations.where("contingent.operationId", "=", query.operationId);
  if (query.nationId) rotations = rotations.where("contingent.nationId", "=", query.nationId);
  const result = await sql<{ day: string; category: string | null; count: number }>`
    with vr as (${rotations}),
    days as (
      select starts_on as day from vr
      union select ends_on + 1 from vr where ends_on is not null
    )
    select to_char(d.day, 'YYYY-MM-DD') as day, s.category, coalesce(sum(s.count), 0)::int as count
    from days d
    left join vr on vr.starts_on <= d.day and (vr.ends_on is null or vr.ends_on >= d.day)
    left join rotation_strength s on s.rotation_id = vr.id
    group by d.day, s.category
    order by d.day, s.category`.execute(db);
  return result.rows;
}

/** Replaces the strength of a rotation, by category. */
export async function replaceStrength(
  trx: Transaction<DB>,
  rotationId: string,
  strength: RotationInput["strength"],
) {
  await trx.deleteFrom("rotationStrength").where("rotationId", "=", rotationId).execute();
  if (!strength?.length) return;
  await trx
    .insertInto("rotationStrength")
    .values(strength.map((s) => ({ ...s, rotationId })))
    .execute();
}
