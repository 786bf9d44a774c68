import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { findIdBy } from "../../platform/find-id-by.js";
import { certifiedPeople, hasValidQualification } from "../training/index.js";
import * as queries from "./readiness.queries.js";
import { EVALUATOR_QUALIFICATION } from "./readiness.schemas.js";

const UNIT_CODE = "AZE-LF-IC1";
const TEMPLATE_CODE = "CREVAL-L1-COY";
const EVALUATION_TITLE = "Alliance evaluation level 1 of the infantry company (sample)";
const RE_EVALUATION_TITLE = "Re-evaluation level 1 of the infantry company (sample)";

/** Sample checklist: capability areas and criterion stems (invented, labelled sample). */
const AREAS: { code: string; title: string; stems: string[] }[] = [
  {
    code: "C2",
    title: "Command and control",
    stems: [
      "The company commander issues orders in the alliance format",
      "Staff procedures follow alliance doctrine",
      "The command post is manned for continuous operations",
      "Reporting to the higher headquarters meets the required times",
      "Orders are understood two levels down",
    ],
  },
  {
    code: "COMMS",
    title: "Communications and information systems",
    stems: [
      "Secure voice communication with the battalion is established",
      "Radio procedures follow alliance standards",
      "Backup communications are planned and tested",
      "Message handling uses the agreed formats",
      "Communications equipment is interoperable with allied units",
    ],
  },
  {
    code: "TRG",
    title: "Training and standards",
    stems: [
      "Individual training records are complete",
      "Collective training to the platoon level is documented",
      "Soldiers meet the physical fitness standard",
      "Marksmanship qualification is current",
      "Key personnel meet the English language requirement",
    ],
  },
  {
    code: "ORG",
    title: "Organisation and personnel",
    stems: [
      "The unit is manned to the declared strength",
      "Key appointments are filled",
      "Replacement procedures are in place",
      "Medical readiness of personnel is documented",
      "Legal and rules-of-engagement briefings are given",
    ],
  },
  {
    code: "LOG",
    title: "Logistics and sustainment",
    stems: [
      "Supplies for the required days of operation are held",
      "Maintenance of vehicles follows the schedule",
      "Fuel and ammunition resupply is planned",
      "Field feeding is organised",
      "Casualty evacuation is planned and rehearsed",
    ],
  },
  {
    code: "EQP",
    title: "Equipment and interoperability",
    stems: [
      "Weapons are serviceable and accounted for",
      "Night vision equipment is available to the declared standard",
      "Protective equipment is issued and serviceable",
      "Vehicles meet the declared availability",
      "Identification friend or foe markings follow alliance practice",
    ],
  },
  {
    code: "TAC",
    title: "Tactical proficiency",
    stems: [
      "The company conducts a deliberate attack to standard",
      "The company conducts a defence to standard",
      "Patrolling meets the standard",
      "Checkpoint operations meet the standard",
      "Convoy escort meets the standard",
    ],
  },
  {
    code: "FP",
    title: "Force protection and security",
    stems: [
      "Force protection measures are planned",
      "Counter-improvised explosive device drills are rehearsed",
      "Camp security is organised",
      "Information security rules are applied",
      "Chemical, biological, radiological and nuclear defence drills meet the standard",
    ],
  },
];
const ASPECTS = ["in planning", "in barracks (phase 1)", "in the field exercise (phase 2)"];

/** 8 areas × 5 stems × 3 aspects = 120 criteria; the first criterion of each area is critical. */
function sampleAreas() {
  return AREAS.map((area) => ({
    code: area.code,
    title: `${area.title} (sample)`,
    criteria: area.stems.flatMap((stem, s) =>
      ASPECTS.map((aspect, a) => ({
        code: `${area.code}-${String(s * ASPECTS.length + a + 1).padStart(2, "0")}`,
        text: `${stem}, ${aspect} (sample criterion)`,
        guidance:
          "Observe, ask for the records, and answer yes only when the standard is fully met (sample guidance).",
        critical: s === 0 && a === 0,
      })),
    ),
  }));
}

/** Deterministic sample answers: mostly yes, about one in eleven no, a few not evaluated; critical ones yes. */
function sampleAnswer(index: number, critical: boolean): "yes" | "no" | "not_evaluated" {
  if (critical) return "yes";
  if (index % 11 === 4) return "no";
  if (index % 17 === 9) return "not_evaluated";
  return "yes";
}

const id = async (db: Db, table: "organisation" | "nation", code: string) =>
  (await db.selectFrom(table).select("id").where("code", "=", code).executeTakeFirst())?.id;

/**
 * Demo data of the readiness capability (idempotent): a partner infantry company declared to the force pool, a
 * 120-criterion sample checklist, a reported level 1 evaluation by a team of certified CREVAL graduates with
 * findings and follow-up, and its planned re-evaluation.
 */
export async function seedReadiness(db: Db): Promise<void> {
  const aze = await id(db, "nation", "AZE");
  const landForces = await id(db, "organisation", "AZE-LF");
  if (!aze || !landForces) return;
  const evaluatingOrganisation = (await id(db, "organisation", "TUR-TGS")) ?? null;

  await db
    .insertInto("organisation")
    .values({
      code: UNIT_CODE,
      nameEn: "1st Infantry Company, Land Forces (sample)",
      nameAz: "Quru Qoşunlarının 1-ci piyada bölüyü (nümunə)",
      nameRu: "1-я пехотная рота Сухопутных войск (образец)",
      kind: "unit",
      nationId: aze,
      parentId: landForces,
      city: "Baku",
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const unitId = (await id(db, "organisation", UNIT_CODE))!;
  await db
    .insertInto("unitProfile")
    .values({
      organisationId: unitId,
      unitType: "Infantry",
      size: "company",
      echelon: "Company (sub-unit)",
      isHeadquarters: false,
      sample: true,
    })
    .onConflict((oc) => oc.column("organisationId").doNothing())
    .execute();
  await db
    .insertInto("forcePoolDeclaration")
    .values({
      unitId,
      poolName: "Operational Capabilities Concept pool of forces",
      declaredFrom: "2026-01-01",
      declaredTo: "2028-12-31",
      note: "Declared to the alliance's joint force pool under the Operational Capabilities Concept (sample dates)",
      sample: true,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();

  await db
    .insertInto("checklistTemplate")
    .values({
      code: TEMPLATE_CODE,
      title: "Level 1 evaluation checklist, infantry company (sample)",
      description: "Sample checklist: capability areas and criteria are invented for the demonstration.",
      sample: true,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const template = await db
    .selectFrom("checklistTemplate")
    .select("id")
    .where("code", "=", TEMPLATE_CODE)
    .executeTakeFirstOrThrow();
  let version = await findIdBy(db, "checklistVersion", { templateId: template.id, version: 1 });
  if (!version) {
    version = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("checklistVersion")
        .values({ templateId: template.id, version: 1, note: "First version (sample)" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await queries.insertVersionContent(trx, row.id, sampleAreas());
      return row;
    });
  }

  if (await findIdBy(db, "evaluation", { unitId, title: EVALUATION_TITLE })) return;

  // The team: certified CREVAL graduates valid throughout, none of the unit's nation; the demo evaluator leads
  // when he holds the qualification.
  const startsOn = "2026-10-05";
  const endsOn = "2026-11-06";
  const mehmet = await db
    .selectFrom("person")
    .select("id")
    .where(sql<boolean>`lower(email) = 'm.yilmaz@example.tr'`)
    .executeTakeFirst();
  const certified = (await certifiedPeople(db, EVALUATOR_QUALIFICATION, startsOn)).filter(
    (person) => person.nationId !== aze && (person.validUntil === null || person.validUntil >= "2027-05-28"),
  );
  const team: { personId: string; role: "lead" | "evaluator" }[] = [];
  if (
    mehmet &&
    (await hasValidQualification(db, mehmet.id, EVALUATOR_QUALIFICATION, startsOn, "2027-05-28"))
  ) {
    team.push({ personId: mehmet.id, role: "lead" });
  }
  for (const person of certified) {
    if (team.length >= 4) break;
    if (team.some((member) => member.personId === person.personId)) continue;
    team.push({ personId: person.personId, role: team.length === 0 ? "lead" : "evaluator" });
  }

  await db.transaction().execute(async (trx) => {
    /** An evaluation of the unit, released to the evaluating organisation, with its phases and team. */
    const insertEvaluation = async (
      title: string,
      [startsOn, endsOn]: [string, string],
      phases: [phase: string, startsOn: string, endsOn: string][],
      members: typeof team,
      previousEvaluationId: string | null = null,
    ) => {
      const row = await trx
        .insertInto("evaluation")
        .values({
          unitId,
          checklistVersionId: version.id,
          kind: "alliance_evaluation_l1",
          title,
          startsOn,
          endsOn,
          evaluatingOrganisationId: evaluatingOrganisation,
          previousEvaluationId,
          ownerNationId: aze,
          releasability: "restricted",
          releaseOrganisations: evaluatingOrganisation ? [evaluatingOrganisation] : [],
          sample: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("evaluationPhase")
        .values(
          phases.map(([phase, from, until]) => ({
            evaluationId: row.id,
            phase,
            startsOn: from,
            endsOn: until,
          })),
        )
        .execute();
      if (members.length) {
        await trx
          .insertInto("evaluationTeamMember")
          .values(
            members.map((member) => ({
              evaluationId: row.id,
              personId: member.personId,
              role: member.role,
              period: `[${startsOn},${endsOn}]`,
            })),
          )
          .execute();
      }
      return row;
    };
    const evaluation = await insertEvaluation(
      EVALUATION_TITLE,
      [startsOn, endsOn],
      [
        ["coordination_meeting", "2025-10-14", "2025-10-15"],
        ["phase_1_barracks", "2026-10-05", "2026-10-08"],
        ["phase_2_exercise", "2026-10-12", "2026-10-16"],
        ["phase_3_report", "2026-11-02", "2026-11-06"],
      ],
      team,
    );
    const criteria = await trx
      .selectFrom("checklistCriterion as c")
      .innerJoin("checklistArea as a", "a.id", "c.areaId")
      .select(["c.id", "c.critical"])
      .where("c.versionId", "=", version.id)
      .orderBy("a.sortOrder")
      .orderBy("c.sortOrder")
      .execute();
    await trx
      .insertInto("evaluationAnswer")
      .values(
        criteria.map((criterion, index) => ({
          evaluationId: evaluation.id,
          criterionId: criterion.id,
          answer: sampleAnswer(index, criterion.critical),
          comment:
            sampleAnswer(index, criterion.critical) === "no" ? "Standard not fully met (sample)" : null,
          version: 1,
          answeredAt: "2026-10-16T15:00:00Z",
        })),
      )
      .execute();
    const area = async (code: string) =>
      (
        await trx
          .selectFrom("checklistArea")
          .select("id")
          .where("versionId", "=", version.id)
          .where("code", "=", code)
          .executeTakeFirstOrThrow()
      ).id;
    const findings = await trx
      .insertInto("evaluationFinding")
      .values([
        {
          evaluationId: evaluation.id,
          areaId: await area("COMMS"),
          kind: "finding",
          text: "Backup communications were not tested during phase 2 (sample finding).",
        },
        {
          evaluationId: evaluation.id,
          areaId: await area("LOG"),
          kind: "finding",
          text: "Casualty evacuation was planned but not rehearsed with the battalion (sample finding).",
        },
        {
          evaluationId: evaluation.id,
          areaId: await area("TRG"),
          kind: "recommendation",
          text: "Raise the English language level of platoon commanders before level 2 (sample recommendation).",
        },
        {
          evaluationId: evaluation.id,
          areaId: null,
          kind: "recommendation",
          text: "Proceed to the self-evaluation at level 2 after the follow-up actions are closed (sample recommendation).",
        },
      ])
      .returning(["id", "kind"])
      .execute();
    await trx
      .insertInto("followUpAction")
      .values([
        {
          evaluationId: evaluation.id,
          findingId: findings[0]!.id,
          title: "Test backup communications with the battalion in a field exercise (sample)",
          ownerOrganisationId: landForces,
          dueOn: "2027-03-31",
        },
        {
          evaluationId: evaluation.id,
          findingId: findings[1]!.id,
          title: "Rehearse casualty evacuation with the battalion medical platoon (sample)",
          ownerOrganisationId: unitId,
          dueOn: "2027-02-28",
          status: "in_progress",
        },
      ])
      .execute();
    await trx
      .updateTable("evaluation")
      .set({
        state: "reported",
        outcome: "combat_ready",
        summaryStatement:
          "The company meets the level 1 interoperability standards; two findings are followed up before level 2 (sample).",
        reportedAt: "2026-11-06T12:00:00Z",
      })
      .where("id", "=", evaluation.id)
      .execute();

    // The planned re-evaluation, linked to the first, with the same lead (the checklist screen starts empty).
    const again = await insertEvaluation(
      RE_EVALUATION_TITLE,
      ["2027-05-17", "2027-05-28"],
      [
        ["phase_1_barracks", "2027-05-17", "2027-05-19"],
        ["phase_2_exercise", "2027-05-20", "2027-05-24"],
        ["phase_3_report", "2027-05-26", "2027-05-28"],
      ],
      team.slice(0, 2),
      evaluation.id,
    );
    await sql`insert into evaluation_answer (evaluation_id, criterion_id)
      select ${again.id}, c.id from checklist_criterion c where c.version_id = ${version.id}`.execute(trx);
  });
}
