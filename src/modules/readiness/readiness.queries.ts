import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import { nationRef, organisationRef } from "../../platform/record-refs.js";
import { CRITERION_COLUMNS } from "./answers.queries.js";
import { criteriaByArea } from "./checklist-areas.js";
import { seesOnlyOwnTeams } from "./readiness.policy.js";
import type { ChecklistQuery, EvaluationQuery, UnitQuery } from "./readiness.schemas.js";
import type { AreaCounts } from "./scoring.js";
import { teamMemberCertified } from "./team-certification.queries.js";

type Q = Kysely<DB>;

// ------------------------------------------------------------------ visibility
const onTeam = ({ personId }: { personId?: string | null }, table: string) =>
  sql<boolean>`exists (select 1 from evaluation_team_member tm
    where tm.evaluation_id = ${sql.ref(`${table}.id`)} and tm.person_id = ${personId ?? null}::uuid)`;

/**
 * Who reads an evaluation: its releasability (the unit's nation owns it, the evaluating organisation has it
 * released), and the members of its team. Evaluators who hold no other role read only their own teams'.
 */
export function evaluationVisibleTo(viewer: Viewer, table = "e") {
  // biome-ignore lint/suspicious/noExplicitAny: used on any query that has the evaluation under `table`
  return (eb: ExpressionBuilder<any, any>): Expression<SqlBool> => {
    if (seesOnlyOwnTeams(viewer)) return onTeam(viewer, table);
    return eb.or([visibleTo(viewer, table)(eb), onTeam(viewer, table)]);
  };
}

// ------------------------------------------------------------------ units
const declarationsOf = (eb: ExpressionBuilder<DB, "organisation">) =>
  jsonArrayFrom(
    eb
      .selectFrom("forcePoolDeclaration as d")
      .select(["d.id", "d.poolName", "d.declaredFrom", "d.declaredTo", "d.note", "d.sample"])
      .whereRef("d.unitId", "=", "organisation.id")
      .orderBy("d.declaredFrom", "desc"),
  ).as("declarations");

function unitBase(db: Q) {
  return db
    .selectFrom("organisation")
    .leftJoin("unitProfile as up", "up.organisationId", "organisation.id")
    .where("organisation.kind", "=", "unit")
    .where("organisation.archivedAt", "is", null)
    .select([
      "organisation.id",
      "organisation.code",
      "organisation.nameEn",
      "organisation.nationId",
      "up.unitType",
      "up.size",
      "up.echelon",
      sql<boolean>`coalesce(up.is_headquarters, false)`.as("isHeadquarters"),
      sql<boolean>`coalesce(up.sample, false)`.as("sample"),
    ])
    .select((eb) => [
      nationRef(eb, "organisation.nationId").as("nation"),
      organisationRef(eb, "organisation.parentId").as("parent"),
      declarationsOf(eb),
    ]);
}

export async function listUnits(db: Q, query: UnitQuery) {
  let base = unitBase(db);
  if (query.q?.trim()) {
    const q = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) =>
      eb.or([eb("organisation.code", "ilike", q), eb("organisation.nameEn", "ilike", q)]),
    );
  }
  if (query.nationId) base = base.where("organisation.nationId", "=", query.nationId);
  if (query.declared) {
    base = base.where(
      sql<boolean>`exists (select 1 from force_pool_declaration d where d.unit_id = organisation.id
        and daterange(d.declared_from, d.declared_to, '[]') @> current_date)`,
    );
  }
  return pageOf(query, base.orderBy("organisation.code"), base.clearSelect());
}

export function findUnit(db: Q, id: string) {
  return unitBase(db).where("organisation.id", "=", id).executeTakeFirst();
}

// ------------------------------------------------------------------ checklists
const versionsOf = (eb: ExpressionBuilder<DB, "checklistTemplate">) =>
  jsonArrayFrom(
    eb
      .selectFrom("checklistVersion as v")
      .select([
        "v.id",
        "v.version",
        "v.note",
        "v.sourceFilename",
        "v.createdAt",
        sql<number>`(select count(*)::int from checklist_criterion c where c.version_id = v.id)`.as(
          "criteria",
        ),
        sql<number>`(select count(*)::int from evaluation e where e.checklist_version_id = v.id)`.as(
          "usedBy",
        ),
      ])
      .whereRef("v.templateId", "=", "checklistTemplate.id")
      .orderBy("v.version", "desc"),
  ).as("versions");

/** A checklist template's own columns and its latest version number. */
const TEMPLATE_COLUMNS = [
  "checklistTemplate.id",
  "checklistTemplate.code",
  "checklistTemplate.title",
  "checklistTemplate.description",
  "checklistTemplate.sample",
  sql<
    number | null
  >`(select max(v.version) from checklist_version v where v.template_id = checklist_template.id)`.as(
    "latestVersion",
  ),
] as const;

export async function listChecklists(db: Q, query: ChecklistQuery) {
  let base = db.selectFrom("checklistTemplate");
  if (query.q?.trim()) {
    const q = `%${query.q.trim().replace(/[\\%_]/g, "\\$&")}%`;
    base = base.where((eb) =>
      eb.or([eb("checklistTemplate.code", "ilike", q), eb("checklistTemplate.title", "ilike", q)]),
    );
  }
  return pageOf(
    query,
    base
      .select(TEMPLATE_COLUMNS)
      .select((eb) => versionsOf(eb))
      .orderBy("checklistTemplate.code"),
    base,
  );
}

export function findChecklist(db: Q, id: string) {
  return db
    .selectFrom("checklistTemplate")
    .select(TEMPLATE_COLUMNS)
    .select((eb) => versionsOf(eb))
    .where("checklistTemplate.id", "=", id)
    .executeTakeFirst();
}

export async function findVersion(db: Q, id: string) {
  const version = await db
    .selectFrom("checklistVersion as v")
    .innerJoin("checklistTemplate as t", "t.id", "v.templateId")
    .select([
      "v.id",
      "v.templateId",
      "t.code as templateCode",
      "v.version",
      "v.note",
      sql<number>`(select count(*)::int from evaluation e where e.checklist_version_id = v.id)`.as("usedBy"),
    ])
    .where("v.id", "=", id)
    .executeTakeFirst();
  if (!version) return undefined;
  const rows = await db
    .selectFrom("checklistArea as a")
    .innerJoin("checklistCriterion as c", "c.areaId", "a.id")
    .select(CRITERION_COLUMNS)
    .where("a.versionId", "=", id)
    .orderBy("a.sortOrder")
    .orderBy("c.sortOrder")
    .execute();
  return { ...version, areas: criteriaByArea(rows) };
}

/** Inserts a version's areas and criteria inside the caller's transaction. */
export async function insertVersionContent(
  trx: Q,
  versionId: string,
  areas: {
    code: string;
    title: string;
    criteria: { code: string; text: string; guidance?: string | null; critical?: boolean }[];
  }[],
) {
  for (const [areaIndex, area] of areas.entries()) {
    const row = await trx
      .insertInto("checklistArea")
      .values({ versionId, code: area.code.trim(), title: area.title.trim(), sortOrder: areaIndex })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("checklistCriterion")
      .values(
        area.criteria.map((criterion, index) => ({
          versionId,
          areaId: row.id,
          code: criterion.code.trim(),
          text: criterion.text.trim(),
          guidance: criterion.guidance?.trim() || null,
          critical: criterion.critical ?? false,
          sortOrder: index,
        })),
      )
      .execute();
  }
}

// ------------------------------------------------------------------ evaluations
const summaryColumns = (db: Q) =>
  db
    .selectFrom("evaluation as e")
    .innerJoin("organisation as u", "u.id", "e.unitId")
    .leftJoin("unitProfile as up", "up.organisationId", "e.unitId")
    .select([
      "e.id",
      "e.title",
      "e.kind",
      "e.state",
      "e.startsOn",
      "e.endsOn",
      "e.outcome",
      "e.previousEvaluationId",
      "e.sample",
      "e.unitId",
      "e.evaluatingOrganisationId",
      "u.nationId as unitNationId",
      sql<boolean>`coalesce(up.is_headquarters, false)`.as("isHeadquarters"),
      sql<number>`(select count(*)::int from evaluation_answer a where a.evaluation_id = e.id)`.as(
        "criteria",
      ),
      sql<number>`(select count(*)::int from evaluation_answer a where a.evaluation_id = e.id and a.answer is not null)`.as(
        "answered",
      ),
    ])
    .select((eb) => [
      organisationRef(eb, "e.unitId").$notNull().as("unit"),
      nationRef(eb, "u.nationId").as("unitNation"),
    ]);

export async function listEvaluations(db: Q, viewer: Viewer, query: EvaluationQuery) {
  let base = summaryColumns(db).where(evaluationVisibleTo(viewer, "e"));
  if (query.unitId) base = base.where("e.unitId", "=", query.unitId);
  if (query.state) base = base.where("e.state", "=", query.state);
  if (query.kind) base = base.where("e.kind", "=", query.kind);
  if (query.mine) base = base.where(onTeam(viewer, "e"));
  if (query.personId) base = base.where(onTeam({ personId: query.personId }, "e"));
  const teamRole = sql<"lead" | "evaluator" | null>`(select tm.role from evaluation_team_member tm
    where tm.evaluation_id = e.id and tm.person_id = ${query.personId ?? null}::uuid)`;
  return pageOf(
    query,
    base.select(teamRole.as("teamRole")).orderBy("e.startsOn", "desc").orderBy("e.id"),
    base.clearSelect(),
  );
}

/** One evaluation the viewer may read, with whether the viewer is on its team. */
export function findEvaluation(db: Q, viewer: Viewer, id: string) {
  return summaryColumns(db)
    .select([
      "e.checklistVersionId",
      "e.summaryStatement",
      "e.reportedAt",
      ...releaseColumns("e"),
      onTeam(viewer, "e").as("onTeam"),
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("checklistVersion as v")
          .innerJoin("checklistTemplate as t", "t.id", "v.templateId")
          .select(["v.id", "t.code as templateCode", "v.version"])
          .whereRef("v.id", "=", "e.checklistVersionId"),
      )
        .$notNull()
        .as("checklistVersion"),
      organisationRef(eb, "e.evaluatingOrganisationId").as("evaluatingOrganisation"),
      jsonArrayFrom(
        eb
          .selectFrom("evaluationPhase as ph")
          .select(["ph.phase", "ph.startsOn", "ph.endsOn"])
          .whereRef("ph.evaluationId", "=", "e.id")
          .orderBy("ph.startsOn"),
      ).as("phases"),
      jsonArrayFrom(
        eb
          .selectFrom("evaluationTeamMember as tm")
          .innerJoin("person as p", "p.id", "tm.personId")
          .innerJoin("nation as n", "n.id", "p.nationId")
          .select((inner) => [
            "tm.id",
            "tm.role",
            teamMemberCertified.as("certified"),
            jsonObjectFrom(
              inner
                .selectFrom("person as pp")
                .innerJoin("nation as nn", "nn.id", "pp.nationId")
                .select(["pp.id", "pp.givenName", "pp.familyName", "pp.rankTitle", "nn.code as nationCode"])
                .whereRef("pp.id", "=", "tm.personId"),
            )
              .$notNull()
              .as("person"),
          ])
          .whereRef("tm.evaluationId", "=", "e.id")
          .where(visibleTo(viewer, "p"))
          .orderBy("tm.role")
          .orderBy("p.familyName"),
      ).as("team"),
      jsonArrayFrom(
        eb
          .selectFrom("evaluation as r")
          .select(["r.id", "r.title", "r.startsOn"])
          .whereRef("r.previousEvaluationId", "=", "e.id")
          .where(evaluationVisibleTo(viewer, "r"))
          .orderBy("r.startsOn"),
      ).as("reEvaluations"),
    ])
    .where("e.id", "=", id)
    .where(evaluationVisibleTo(viewer, "e"))
    .executeTakeFirst();
}

/** Scores per area, computed in SQL: percent = yes / (yes + no) over the evaluated criteria. */
export async function areaScores(db: Q, evaluationId: string): Promise<AreaCounts[]> {
  const result = await sql<AreaCounts>`
    select a.id as area_id, a.code, a.title,
      count(*) filter (where ans.answer = 'yes')::int as yes,
      count(*) filter (where ans.answer = 'no')::int as no,
      count(*) filter (where ans.answer = 'not_evaluated')::int as not_evaluated,
      count(*) filter (where ans.answer is null)::int as unanswered,
      count(*) filter (where ans.answer = 'no' and c.critical)::int as critical_no,
      round(100.0 * count(*) filter (where ans.answer = 'yes')
        / nullif(count(*) filter (where ans.answer in ('yes', 'no')), 0), 1)::float8 as percent
    from evaluation_answer ans
    join checklist_criterion c on c.id = ans.criterion_id
    join checklist_area a on a.id = c.area_id
    where ans.evaluation_id = ${evaluationId}
    group by a.id, a.code, a.title, a.sort_order
    order by a.sort_order`.execute(db);
  return result.rows;
}

export function findingsOf(db: Q, evaluationId: string) {
  return db
    .selectFrom("evaluationFinding")
    .select(["id", "kind", "areaId", "text", "createdAt"])
    .where("evaluationId", "=", evaluationId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

export function actionsOf(db: Q, viewer: Viewer, evaluationId: string) {
  return db
    .selectFrom("followUpAction as f")
    .select([
      "f.id",
      "f.findingId",
      "f.title",
      "f.dueOn",
      "f.status",
      sql<boolean>`f.status in ('open', 'in_progress') and f.due_on < current_date`.as("overdue"),
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("person as p")
          .innerJoin("nation as n", "n.id", "p.nationId")
          .select(["p.id", "p.givenName", "p.familyName", "p.rankTitle", "n.code as nationCode"])
          .whereRef("p.id", "=", "f.ownerPersonId")
          .where(visibleTo(viewer, "p")),
      ).as("ownerPerson"),
      organisationRef(eb, "f.ownerOrganisationId").as("ownerOrganisation"),
    ])
    .where("f.evaluationId", "=", evaluationId)
    .orderBy("f.dueOn")
    .orderBy("f.id")
    .execute();
}
