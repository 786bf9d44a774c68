import { createHash } from "node:crypto";
import { type Insertable, sql } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema/index.js";
import type { AssessmentScheme } from "../../db/schema/training.js";
import type { Viewer } from "../../platform/access/viewer.js";
import type { Ctx } from "../../platform/http/request-context.js";
import { DEFAULT_STANDARD_SET } from "./accreditation.service.js";
import * as service from "./training.service.js";

const QUALIFICATION = "CREVAL-EVALUATOR";

/** The CREVAL course definition; the objectives follow DOMAIN.md, the modules, hours and scheme are samples. */
const CREVAL_SCHEME: AssessmentScheme = {
  passMark: 70,
  minAttendancePercent: 80,
  components: [
    {
      code: "TEST",
      title: "Written test on the evaluation standards",
      kind: "test",
      maxScore: 100,
      weight: 40,
      minScore: 50,
    },
    {
      code: "EXERCISE",
      title: "Evaluation exercise (headquarters and unit)",
      kind: "exercise",
      maxScore: 100,
      weight: 60,
      minScore: 60,
    },
  ],
};

/**
 * Sample participants from member and partner nations, added to those the catalogue accepted (the demo participant
 * Capt. Huseynov among them) up to 39, within the catalogue's quota of six per nation.
 */
const PARTICIPANTS: [nation: string, given: string, family: string, rank: string][] = [
  ["AZE", "Orkhan", "Mammadov", "Major"],
  ["AZE", "Tural", "Hasanov", "Captain"],
  ["AZE", "Nigar", "Huseynli", "Captain"],
  ["AZE", "Kamran", "Ismayilov", "Lieutenant Colonel"],
  ["AZE", "Farid", "Abbasov", "Major"],
  ["TUR", "Emre", "Öztürk", "Major"],
  ["TUR", "Ayşe", "Kaya", "Captain"],
  ["TUR", "Burak", "Aydın", "Lieutenant Colonel"],
  ["USA", "Michael", "Johnson", "Major"],
  ["USA", "Sarah", "Miller", "Captain"],
  ["GBR", "Thomas", "Reed", "Major"],
  ["GBR", "Emily", "Clarke", "Captain"],
  ["DEU", "Jonas", "Wagner", "Major"],
  ["DEU", "Lena", "Hoffmann", "Captain"],
  ["FRA", "Julien", "Moreau", "Commandant"],
  ["FRA", "Claire", "Lefebvre", "Capitaine"],
  ["ITA", "Marco", "Conti", "Maggiore"],
  ["NLD", "Daan", "de Vries", "Major"],
  ["NOR", "Erik", "Hansen", "Major"],
  ["CAN", "Olivia", "Tremblay", "Major"],
  ["GRC", "Nikos", "Papadopoulos", "Major"],
  ["POL", "Piotr", "Kowalski", "Major"],
  ["HUN", "Bence", "Nagy", "Captain"],
  ["CZE", "Jan", "Novák", "Major"],
  ["ROU", "Andrei", "Ionescu", "Major"],
  ["BGR", "Georgi", "Dimitrov", "Captain"],
  ["LTU", "Tomas", "Kazlauskas", "Major"],
  ["GEO", "Levan", "Javakhishvili", "Major"],
  ["GEO", "Nino", "Gelashvili", "Captain"],
  ["UKR", "Oleksandr", "Shevchenko", "Major"],
  ["UKR", "Iryna", "Bondarenko", "Captain"],
  ["MDA", "Ion", "Ceban", "Major"],
  ["KAZ", "Nurlan", "Abenov", "Major"],
  ["SWE", "Anders", "Lindqvist", "Major"],
  ["FIN", "Mikko", "Virtanen", "Captain"],
];

/** Deterministic sample scores: most pass, a few fail on the exercise, the test or attendance. */
function sampleScores(index: number): { test: number; exercise: number; absentDays: number } {
  const spread = (seed: string) => createHash("sha256").update(seed).digest()[0]! / 255;
  const test = Math.round(62 + spread(`t${index}`) * 36);
  const exercise = Math.round(66 + spread(`e${index}`) * 32);
  if (index === 7) return { test: 58, exercise: 55, absentDays: 0 }; // fails the exercise minimum
  if (index === 19) return { test: 45, exercise: 80, absentDays: 0 }; // fails the test minimum
  if (index === 28) return { test: 75, exercise: 78, absentDays: 2 }; // fails attendance (3 of 5 days)
  return { test, exercise, absentDays: index % 13 === 5 ? 1 : 0 };
}

/** Standard texts are invented samples: three areas, 31 standards, as the accreditation scheme describes. */
const AREAS: { code: string; en: string; az: string; ru: string; standards: string[] }[] = [
  {
    code: "LM",
    en: "Leadership and management",
    az: "Rəhbərlik və idarəetmə",
    ru: "Руководство и управление",
    standards: [
      "Mission, vision and strategic plan",
      "Governance and organisational structure",
      "Quality assurance policy",
      "Resource and financial management",
      "Human resources and staff development",
      "Facilities and learning environment",
      "Information and knowledge management",
      "Risk management",
      "Stakeholder engagement",
      "Continuous improvement process",
    ],
  },
  {
    code: "ET",
    en: "Education and training",
    az: "Təhsil və təlim",
    ru: "Образование и подготовка",
    standards: [
      "Training needs analysis",
      "Course design to alliance standards",
      "Learning objectives and outcomes",
      "Curriculum review",
      "Qualified instructors",
      "Instructor development",
      "Student selection and entry requirements",
      "Assessment of learning",
      "Course evaluation and feedback",
      "Learning materials and technology",
      "Language of instruction",
      "Records and certification",
      "Lessons learned integration",
    ],
  },
  {
    code: "CA",
    en: "Contribution to the alliance",
    az: "Alyansa töhfə",
    ru: "Вклад в альянс",
    standards: [
      "Alignment with alliance education and training priorities",
      "Participation in the alliance training community",
      "Offering courses to member and partner nations",
      "Interoperability outcomes",
      "Exchange of instructors and expertise",
      "Use of alliance doctrine and standards",
      "Reporting to the alliance",
      "Partnership and outreach",
    ],
  },
];

const SYSTEM: Viewer = Object.freeze({
  userId: null,
  username: "seed",
  personId: null,
  personNationId: null,
  grants: [{ role: "administrator" as const, nationId: null, organisationId: null }],
  nationIds: [],
  organisationIds: [],
  managedOrganisationIds: [],
  mustChangePassword: false,
});

async function ids(db: Db, table: "nation" | "organisation") {
  return new Map(
    (await db.selectFrom(table).select(["id", "code"]).execute()).map((row) => [row.code, row.id]),
  );
}

async function seedStandards(db: Db) {
  await db
    .insertInto("standardSet")
    .values({
      code: DEFAULT_STANDARD_SET,
      titleEn: "Quality standards for education and training institutions (sample texts)",
      titleAz: "Təhsil və təlim müəssisələri üçün keyfiyyət standartları (nümunə mətnlər)",
      titleRu: "Стандарты качества для учебных заведений (образцы текстов)",
      sample: true,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const set = await db
    .selectFrom("standardSet")
    .select("id")
    .where("code", "=", DEFAULT_STANDARD_SET)
    .executeTakeFirstOrThrow();
  for (const [areaIndex, area] of AREAS.entries()) {
    await db
      .insertInto("standardArea")
      .values({
        standardSetId: set.id,
        code: area.code,
        titleEn: area.en,
        titleAz: area.az,
        titleRu: area.ru,
        sortOrder: areaIndex + 1,
      })
      .onConflict((oc) => oc.columns(["standardSetId", "code"]).doNothing())
      .execute();
    const areaRow = await db
      .selectFrom("standardArea")
      .select("id")
      .where("standardSetId", "=", set.id)
      .where("code", "=", area.code)
      .executeTakeFirstOrThrow();
    await db
      .insertInto("standard")
      .values(
        area.standards.map((title, index) => ({
          areaId: areaRow.id,
          code: `${area.code}.${index + 1}`,
          titleEn: title,
          descriptionEn: `${title}: the institution shows, with evidence, that it meets this standard. (sample text)`,
          sortOrder: index + 1,
          sample: true,
        })),
      )
      .onConflict((oc) => oc.columns(["areaId", "code"]).doNothing())
      .execute();
  }
  return set.id;
}

async function seedCreval(db: Db, nations: Map<string, string>, organisations: Map<string, string>) {
  await db
    .insertInto("qualification")
    .values({
      code: QUALIFICATION,
      nameEn: "Certified CREVAL evaluator",
      nameAz: "Sertifikatlı CREVAL qiymətləndiricisi",
      nameRu: "Сертифицированный оценщик CREVAL",
      // The validity period is a sample: the source material gives none.
      validityYears: 3,
      sample: true,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();

  // The catalogue seeds the CREVAL activities (one per menu year); create one only when none is there.
  let activities = await db
    .selectFrom("activity")
    .select(["id", "code"])
    .where("code", "like", "CREVAL-%")
    .where("kind", "=", "course")
    .execute();
  if (activities.length === 0) {
    await db
      .insertInto("activity")
      .values({
        code: "CREVAL-2026",
        titleEn: "Combat Readiness Evaluation (CREVAL) course",
        titleAz: "Döyüş hazırlığının qiymətləndirilməsi (CREVAL) kursu",
        titleRu: "Курс оценки боевой готовности (CREVAL)",
        descriptionEn:
          "Trains and certifies personnel who evaluate ground forces headquarters, units and subunits declared to the alliance's joint force, under the Operational Capabilities Concept. One week, in English.",
        kind: "course",
        menuYear: 2026,
        organiserId: organisations.get("NATO-SCHOOL")!,
        hostInstitutionId: organisations.get("AZE-NDU-WGC")!,
        hostNationId: nations.get("AZE")!,
        city: "Baku",
        venue: "War Games Centre of the National Defence University",
        languages: ["en"],
        capacity: 39,
        status: "completed",
        sample: true,
        ownerOrganisationId: organisations.get("NATO-SCHOOL")!,
        releasability: "public",
      })
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
    activities = await db
      .selectFrom("activity")
      .select(["id", "code"])
      .where("code", "=", "CREVAL-2026")
      .execute();
  }

  const director = await db
    .selectFrom("person")
    .select("id")
    .where(sql<boolean>`lower(email) = 'l.mammadova@example.az'`)
    .executeTakeFirst();
  const instructor = await db
    .selectFrom("person")
    .select("id")
    .where(sql<boolean>`lower(email) = 'k.weber@example.int'`)
    .executeTakeFirst();
  await db
    .insertInto("course")
    .values(
      activities.map((activity) => ({
        activityId: activity.id,
        qualificationCode: QUALIFICATION,
        objectives: [
          "Evaluate ground forces headquarters, units and subunits against the alliance's combat readiness criteria",
          "Apply the Operational Capabilities Concept evaluation and feedback programme",
          "Plan and conduct the phases of a combat readiness evaluation and write the formal report",
        ],
        modules: JSON.stringify([
          { title: "Operational Capabilities Concept and evaluation levels (sample)", hours: 6 },
          { title: "Evaluation criteria and checklists (sample)", hours: 8 },
          { title: "Headquarters evaluation: summary statements (sample)", hours: 6 },
          { title: "Unit evaluation exercise (sample)", hours: 10 },
          { title: "Reporting and after-action review (sample)", hours: 4 },
        ]),
        entryRequirements: JSON.stringify({ languageLevel: "STANAG 6001 SLP 3232 (sample)" }),
        assessment: JSON.stringify(CREVAL_SCHEME),
        directorPersonId: director?.id ?? null,
        instructorPersonIds: instructor ? [instructor.id] : [],
        sample: true,
      })),
    )
    .onConflict((oc) => oc.column("activityId").doNothing())
    .execute();

  // The completed run in Baku (the catalogue may have created it; otherwise a sample run).
  let event = await db
    .selectFrom("event")
    .select(["id", "startsOn", "endsOn"])
    .where(
      "activityId",
      "in",
      activities.map((activity) => activity.id),
    )
    .where("endsOn", "<", sql<string>`current_date`)
    .where("status", "<>", "cancelled")
    .orderBy("endsOn", "desc")
    .executeTakeFirst();
  if (!event) {
    event = await db
      .insertInto("event")
      .values({
        activityId: activities[0]!.id,
        title: "CREVAL course, Baku (sample run)",
        startsOn: "2026-10-05",
        endsOn: "2026-10-09",
        timeZone: "Asia/Baku",
        city: "Baku",
        venue: "War Games Centre of the National Defence University",
        hostNationId: nations.get("AZE")!,
        capacity: 39,
        status: "completed",
        sample: true,
      })
      .returning(["id", "startsOn", "endsOn"])
      .executeTakeFirstOrThrow();
  }
  const eventId = event.id;

  let sessions = await db
    .selectFrom("eventSession")
    .select("id")
    .where("eventId", "=", eventId)
    .orderBy("startsAt")
    .execute();
  if (sessions.length === 0) {
    const days: string[] = [];
    for (
      let d = Date.parse(`${event.startsOn}T00:00:00Z`);
      d <= Date.parse(`${event.endsOn}T00:00:00Z`);
      d += 86_400_000
    ) {
      days.push(new Date(d).toISOString().slice(0, 10));
    }
    sessions = await db
      .insertInto("eventSession")
      .values(
        days.map((day, index) => ({
          eventId,
          title: `Day ${index + 1}`,
          startsAt: `${day}T05:00:00Z`,
          endsAt: `${day}T13:00:00Z`,
        })),
      )
      .returning("id")
      .execute();
  }

  // 39 accepted participants: those the catalogue already accepted, then sample people up to 39.
  const accepted = await db
    .selectFrom("nomination")
    .select(["id", "personId"])
    .where("eventId", "=", eventId)
    .where("status", "=", "accepted")
    .execute();
  if (accepted.length < 39) {
    const people: { personId: string; nationId: string }[] = [];
    const elvin = await db
      .selectFrom("person")
      .select(["id", "nationId"])
      .where(sql<boolean>`lower(email) = 'e.huseynov@example.az'`)
      .executeTakeFirst();
    if (elvin) people.push({ personId: elvin.id, nationId: elvin.nationId });
    for (const [index, [nation, given, family, rank]] of PARTICIPANTS.entries()) {
      const email = `creval.sample.${String(index + 1).padStart(2, "0")}@example.org`;
      const nationId = nations.get(nation)!;
      let person = await db
        .selectFrom("person")
        .select(["id", "nationId"])
        .where(sql<boolean>`lower(email) = ${email}`)
        .executeTakeFirst();
      person ??= await db
        .insertInto("person")
        .values({
          givenName: given,
          familyName: family,
          rankTitle: rank,
          nationId,
          email,
          languages: ["en"],
          ownerNationId: nationId,
          releasability: "internal",
        })
        .returning(["id", "nationId"])
        .executeTakeFirstOrThrow();
      people.push({ personId: person.id, nationId: person.nationId });
    }
    const have = new Set(accepted.map((n) => n.personId));
    const missing = people.filter((p) => !have.has(p.personId)).slice(0, 39 - accepted.length);
    if (missing.length) {
      await db
        .insertInto("nomination")
        .values(
          missing.map((p) => ({
            eventId,
            personId: p.personId,
            nationId: p.nationId,
            status: "accepted",
            decidedAt: `${event.startsOn}T00:00:00Z`,
            attendance: "attended",
            note: "CREVAL participant (sample)",
            sample: true,
          })),
        )
        .onConflict((oc) => oc.columns(["eventId", "personId"]).doUpdateSet({ status: "accepted" }))
        .execute();
    }
  }

  const ctx: Ctx = { db, viewer: SYSTEM, requestId: null, config: { publicUrl: "" } as Config };
  const run = await db
    .selectFrom("courseRun")
    .select("signedOffAt")
    .where("eventId", "=", eventId)
    .executeTakeFirst();
  if (!run?.signedOffAt) {
    const participants = await db
      .selectFrom("nomination as n")
      .innerJoin("person as p", "p.id", "n.personId")
      .select(["n.id", "n.attendance"])
      .where("n.eventId", "=", eventId)
      .where("n.status", "=", "accepted")
      .orderBy("p.familyName")
      .orderBy("p.givenName")
      .execute();
    const attendance: { sessionId: string; nominationId: string; present: boolean }[] = [];
    const results: { nominationId: string; componentCode: string; score: number }[] = [];
    participants.forEach((participant, index) => {
      const scores = sampleScores(index);
      // Someone the catalogue records as attending partly missed two days.
      if (participant.attendance === "partly") scores.absentDays = 2;
      sessions.forEach((session, day) => {
        attendance.push({
          sessionId: session.id,
          nominationId: participant.id,
          present: day < sessions.length - scores.absentDays,
        });
      });
      results.push({ nominationId: participant.id, componentCode: "TEST", score: scores.test });
      results.push({ nominationId: participant.id, componentCode: "EXERCISE", score: scores.exercise });
    });
    await service.recordAttendance(ctx, eventId, { entries: attendance });
    await service.recordResults(ctx, eventId, { entries: results });
    await service.signOff(ctx, eventId, "Results reviewed and signed off by the course director (sample)");
  }
  await service.issueCertificates(ctx, eventId, undefined);
  await db
    .updateTable("certificate")
    .set({ sample: true })
    .where("eventId", "=", eventId)
    .where("sample", "=", false)
    .execute();
}

async function seedAccreditation(
  db: Db,
  setId: string,
  organisations: Map<string, string>,
  nations: Map<string, string>,
) {
  const releaseTo = [organisations.get("NATO")!, organisations.get("ACT")!].filter(Boolean);
  const standards = await db
    .selectFrom("standard as st")
    .innerJoin("standardArea as ar", "ar.id", "st.areaId")
    .select(["st.id", "st.code", "st.titleEn"])
    .where("ar.standardSetId", "=", setId)
    .orderBy("ar.sortOrder")
    .orderBy("st.sortOrder")
    .execute();

  type Application = Insertable<DB["accreditationApplication"]>;
  /**
   * The centre's application of the kind, unless it has one: the nation's, released to the alliance side. Answers
   * the id of a new one only, so that its sample content is added once.
   */
  const newApplication = async (
    centreId: string,
    kind: Application["kind"],
    values: Partial<Application>,
  ) => {
    const existing = await db
      .selectFrom("accreditationApplication")
      .select("id")
      .where((eb) => eb.and({ centreId, kind }))
      .executeTakeFirst();
    if (existing) return undefined;
    const row = await db
      .insertInto("accreditationApplication")
      .values({
        centreId,
        kind,
        standardSetId: setId,
        reviewingOrganisationId: organisations.get("ACT") ?? null,
        sample: true,
        ownerNationId: nations.get("AZE")!,
        ownerOrganisationId: centreId,
        releasability: "restricted",
        releaseOrganisations: releaseTo,
        ...values,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  };

  // The Anti-Terror Training Centre's application, in progress (facts from DOMAIN.md; the progress is a sample).
  const attc = organisations.get("AZE-SSS-ATTC")!;
  const applicationId = await newApplication(attc, "accreditation", {
    state: "self_assessment",
    selfAssessmentDueOn: "2027-02-15",
    note: "Established by decree No. 363 of 20 November 2014; works under its charter of 2016; trains to alliance standards. The only partner-state applicant in counter-terrorism. Progress and dates are samples.",
  });
  if (applicationId) {
    const assessed = standards.slice(0, 22);
    await db
      .insertInto("accreditationSelfAssessment")
      .values(
        assessed.map((standard, index) => ({
          applicationId,
          standardId: standard.id,
          rating: index % 7 === 3 ? "partially_met" : "met",
          narrative: `Self-assessment of "${standard.titleEn}" by the centre (sample).`,
        })),
      )
      .execute();
    for (const standard of standards.slice(0, 14)) {
      const content = Buffer.from(
        `Evidence for standard ${standard.code} ${standard.titleEn} (sample document)\n`,
      );
      const file = await db
        .insertInto("storedFile")
        .values({
          filename: `evidence-${standard.code}.txt`,
          contentType: "text/plain",
          sizeBytes: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          content,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("accreditationEvidence")
        .values({ applicationId, standardId: standard.id, fileId: file.id })
        .execute();
    }
  }

  // A decided recognition that falls due for renewal (sample), so the renewal list has an entry.
  await newApplication(organisations.get("AZE-NDU-WGC")!, "partnership_training_centre_recognition", {
    state: "decided",
    submittedAt: "2020-11-02T09:00:00Z",
    visitStartsOn: "2020-12-08",
    visitEndsOn: "2020-12-09",
    visitedAt: "2020-12-09T15:00:00Z",
    decision: "recognised",
    decidedOn: "2021-03-15",
    validUntil: "2027-03-14",
    decisionNote: "Recognised as a partnership training centre (sample decision).",
  });
}

/** Demo data of the training capability (idempotent): the CREVAL course run in Baku and the ATTC's application. */
export async function seedTraining(db: Db): Promise<void> {
  const [nations, organisations] = await Promise.all([ids(db, "nation"), ids(db, "organisation")]);
  if (!organisations.get("NATO-SCHOOL") || !organisations.get("AZE-SSS-ATTC")) return;
  const setId = await seedStandards(db);
  await seedCreval(db, nations, organisations);
  await seedAccreditation(db, setId, organisations, nations);
}
