import type { Insertable } from "kysely";
import type { Db } from "../../db/database.js";
import type { DB } from "../../db/schema/index.js";
import type { DatePrecision as P } from "../../db/schema/programmes.js";
import { findIdBy } from "../../platform/find-id-by.js";
import { milestoneSource, SOURCES } from "../../seed/sources.js";

/**
 * Demo data of the programmes capability. Facts carry their public source (see `seed/sources.ts`); anything invented to make
 * the demo usable (objectives, actions, goal texts, assessments, programme items) is flagged `sample` and says so.
 * Idempotent: records are found by their natural keys, and child rows are added only with a new parent.
 */
const DOMAIN_PERIODS = SOURCES.overview;
const OTHER_SOURCE = SOURCES.overviewOther;
const DOMAIN_CENTRE = SOURCES.cisAtc;

type MilestoneSeed = {
  on: string;
  precision: "day" | "month" | "year";
  kind: "milestone" | "agreement" | "deployment" | "visit" | "role" | "event";
  en: string;
  az: string;
  ru: string;
  description?: string;
  sample?: boolean;
};

const MILESTONES: MilestoneSeed[] = [
  {
    on: "1992-03-01",
    precision: "month",
    kind: "milestone",
    en: "Joined the North Atlantic Cooperation Council",
    az: "Şimali Atlantika Əməkdaşlıq Şurasına qoşuldu",
    ru: "Вступление в Совет североатлантического сотрудничества",
    description: "The council became the Euro-Atlantic Partnership Council in 1997.",
  },
  {
    on: "1994-05-04",
    precision: "day",
    kind: "agreement",
    en: "Signed the Partnership for Peace framework document",
    az: "Sülh naminə tərəfdaşlıq çərçivə sənədini imzaladı",
    ru: "Подписание рамочного документа «Партнёрство ради мира»",
  },
  {
    on: "1996-01-01",
    precision: "year",
    kind: "agreement",
    en: "Presentation document submitted",
    az: "Təqdimat sənədi təqdim edildi",
    ru: "Представлен презентационный документ",
  },
  {
    on: "1997-01-01",
    precision: "year",
    kind: "milestone",
    en: "Euro-Atlantic Partnership Council replaces the cooperation council",
    az: "Avro-Atlantik Tərəfdaşlıq Şurası əməkdaşlıq şurasını əvəz etdi",
    ru: "Совет евроатлантического партнёрства сменил совет сотрудничества",
  },
  {
    on: "1997-01-01",
    precision: "year",
    kind: "milestone",
    en: "Joined the planning and review process (partnership goals)",
    az: "Planlaşdırma və təhlil prosesinə (tərəfdaşlıq məqsədləri) qoşuldu",
    ru: "Присоединение к процессу планирования и анализа (цели партнёрства)",
  },
  {
    on: "1999-09-01",
    precision: "month",
    kind: "deployment",
    en: "Platoon to the Kosovo force, serving within a Turkish battalion",
    az: "Kosovo qüvvələrinə taqım, Türkiyə batalyonunun tərkibində",
    ru: "Взвод в составе сил для Косово, в турецком батальоне",
  },
  {
    on: "2001-11-01",
    precision: "month",
    kind: "event",
    en: "Exercise Cooperative Determination 2001 in the partner nation: 9 member and 10 partner nations",
    az: "Ölkədə «Cooperative Determination 2001» təlimi: 9 üzv və 10 tərəfdaş dövlət",
    ru: "Учение «Cooperative Determination 2001» в стране: 9 государств-членов и 10 партнёров",
  },
  {
    on: "2002-01-01",
    precision: "month",
    kind: "visit",
    en: "Visit of the president of the alliance's parliamentary assembly to Baku",
    az: "Alyansın Parlament Assambleyası prezidentinin Bakıya səfəri",
    ru: "Визит председателя Парламентской ассамблеи альянса в Баку",
    description: "Met the head of state, the speaker and the ministers of defence and foreign affairs.",
  },
  {
    on: "2002-01-01",
    precision: "year",
    kind: "deployment",
    en: "A unit to Afghanistan",
    az: "Əfqanıstana bölmə göndərildi",
    ru: "Подразделение направлено в Афганистан",
  },
  {
    on: "2004-01-01",
    precision: "year",
    kind: "agreement",
    en: "Joined the Individual Partnership Action Plan",
    az: "Fərdi Tərəfdaşlıq üzrə Fəaliyyət Planına qoşuldu",
    ru: "Присоединение к Индивидуальному плану действий партнёрства",
  },
  {
    on: "2014-11-20",
    precision: "day",
    kind: "event",
    en: "Anti-Terror Training Centre of the State Security Service established (decree No. 363)",
    az: "Dövlət Təhlükəsizliyi Xidmətinin Antiterror Təlim Mərkəzi yaradıldı (363 nömrəli fərman)",
    ru: "Создан Антитеррористический учебный центр СГБ (указ № 363)",
  },
  {
    on: "2015-01-01",
    precision: "month",
    kind: "deployment",
    en: "Resolute Support: 120 military personnel, 2 military doctors and 6 staff officers (128)",
    az: "«Qətiyyətli Dəstək»: 120 hərbçi, 2 hərbi həkim və 6 qərargah zabiti (128)",
    ru: "«Решительная поддержка»: 120 военнослужащих, 2 военных врача и 6 штабных офицеров (128)",
  },
  {
    on: "2019-01-01",
    precision: "year",
    kind: "role",
    en: "Chairs the EAPC working group on critical energy infrastructure protection and counter-terrorism",
    az: "AATŞ-nin kritik enerji infrastrukturunun mühafizəsi və terrorla mübarizə üzrə işçi qrupuna sədrlik edir",
    ru: "Председательство в рабочей группе СЕАП по защите критической энергетической инфраструктуры и борьбе с терроризмом",
    description: "The source does not date the chairmanship: the year shown is a placeholder (sample date).",
    sample: true,
  },
];

const ROMAN = ["I", "II", "III", "IV", "V", "VI"];

const IPAP_PERIODS: [number, string, string][] = [
  [1, "2005", "2007"],
  [2, "2008", "2010"],
  [3, "2012", "2013"],
  [4, "2014", "2016"],
  [5, "2017", "2019"],
  [6, "2020", "2021"],
];

type ObjectiveSeed = {
  period: number;
  code: string;
  area: string;
  title: string;
  actions: {
    title: string;
    responsible: string | null;
    due: string;
    status: "planned" | "in_progress" | "done" | "deferred" | "cancelled";
    progress: number;
    goal?: string;
    activityCode?: string;
  }[];
};

const OBJECTIVES: ObjectiveSeed[] = [
  {
    period: 5,
    code: "V-1",
    area: "defence_planning",
    title: "Defence planning to alliance standards (sample)",
    actions: [
      {
        title: "Strategic defence review published (sample)",
        responsible: "AZE-MOD",
        due: "2018-06-30",
        status: "done",
        progress: 100,
        goal: "PG-PLN-01",
      },
      {
        title: "Planning staff trained in capability-based planning (sample)",
        responsible: "AZE-NDU",
        due: "2019-12-31",
        status: "in_progress",
        progress: 60,
      },
    ],
  },
  {
    period: 5,
    code: "V-2",
    area: "energy_security",
    title: "Protection of critical energy infrastructure (sample)",
    actions: [
      {
        title: "Working-group results briefed to partners (sample)",
        responsible: "AZE-MFA",
        due: "2019-06-30",
        status: "done",
        progress: 100,
      },
    ],
  },
  {
    period: 5,
    code: "V-3",
    area: "counter_terrorism",
    title: "Counter-terrorism training to alliance standards (sample)",
    actions: [
      {
        title: "Training centre applies for partnership training centre status (sample)",
        responsible: "AZE-SSS-ATTC",
        due: "2019-12-31",
        status: "in_progress",
        progress: 70,
      },
    ],
  },
  {
    period: 6,
    code: "VI-1",
    area: "interoperability",
    title: "Units declared to the alliance's pool evaluated and certified (sample)",
    actions: [
      {
        title: "Certified CREVAL evaluators for ground forces (sample)",
        responsible: "AZE-LF",
        due: "2021-06-30",
        status: "in_progress",
        progress: 50,
        goal: "PG-TRN-01",
        activityCode: "CREVAL",
      },
      {
        title: "Self-evaluation level 1 of a declared company (sample)",
        responsible: "AZE-LF",
        due: "2021-12-31",
        status: "planned",
        progress: 0,
      },
    ],
  },
  {
    period: 6,
    code: "VI-2",
    area: "logistics",
    title: "Logistic support of deployed contingents (sample)",
    actions: [
      {
        title: "Logistics doctrine aligned with alliance standards (sample)",
        responsible: "AZE-MOD",
        due: "2020-12-31",
        status: "done",
        progress: 100,
        goal: "PG-LOG-01",
      },
      {
        title: "New equipment for declared units procured (sample)",
        responsible: "AZE-MOD",
        due: "2021-09-30",
        status: "deferred",
        progress: 30,
        goal: "PG-EQP-01",
      },
    ],
  },
  {
    period: 6,
    code: "VI-3",
    area: "education_training",
    title: "Personnel trained in the alliance's courses (sample)",
    actions: [
      {
        title: "Officers trained at the alliance school each year (sample)",
        responsible: "AZE-NDU",
        due: "2021-12-31",
        status: "in_progress",
        progress: 80,
        goal: "PG-TRN-01",
      },
    ],
  },
];

type GoalSeed = {
  code: string;
  area: string;
  title: string;
  agreed: number;
  target: string;
  status: "proposed" | "agreed" | "in_progress" | "achieved" | "deferred" | "cancelled";
  history: string[];
  assessments: [number, "fully_met" | "largely_met" | "partially_met" | "not_met", string][];
};

// Goal areas named by the source: logistics, new equipment for units, personnel training, military strategy and
// planning. The goal texts, dates and assessments are samples.
const GOALS: GoalSeed[] = [
  {
    code: "PG-LOG-01",
    area: "logistics",
    title: "Logistic support of a deployed company to alliance standards (sample)",
    agreed: 2018,
    target: "2021-12-31",
    status: "achieved",
    history: ["proposed", "agreed", "in_progress", "achieved"],
    assessments: [
      [2019, "partially_met", "Doctrine drafted; stocks not yet at the agreed level (sample)."],
      [2021, "fully_met", "Support of the deployed company verified (sample)."],
    ],
  },
  {
    code: "PG-EQP-01",
    area: "armed_forces_development",
    title: "New equipment for units declared to the pool (sample)",
    agreed: 2018,
    target: "2020-12-31",
    status: "in_progress",
    history: ["proposed", "agreed", "in_progress"],
    assessments: [[2019, "not_met", "Procurement delayed (sample)."]],
  },
  {
    code: "PG-TRN-01",
    area: "education_training",
    title: "Personnel training: English language and staff procedures (sample)",
    agreed: 2020,
    target: "2023-12-31",
    status: "in_progress",
    history: ["proposed", "agreed", "in_progress"],
    assessments: [[2021, "largely_met", "Course quotas used; language levels improving (sample)."]],
  },
  {
    code: "PG-PLN-01",
    area: "defence_planning",
    title: "Military strategy and planning: a defence review to alliance methods (sample)",
    agreed: 2016,
    target: "2018-12-31",
    status: "achieved",
    history: ["proposed", "agreed", "achieved"],
    assessments: [[2017, "largely_met", "Review under way (sample)."]],
  },
  {
    code: "PG-PLN-02",
    area: "defence_planning",
    title: "Defence planning: a capability plan with costed options (sample)",
    agreed: 2022,
    target: "2025-12-31",
    status: "agreed",
    history: ["proposed", "agreed"],
    assessments: [],
  },
];

const OWN_ITEMS: {
  title: string;
  area: string;
  starts: string;
  participants: number;
  outcome: "done" | "not_done" | null;
  objective?: string;
}[] = [
  {
    title: "Staff talks on defence planning (sample)",
    area: "defence_planning",
    starts: "2020-03-10",
    participants: 6,
    outcome: "done",
    objective: "VI-1",
  },
  {
    title: "Logistics seminar in Baku (sample)",
    area: "logistics",
    starts: "2020-10-05",
    participants: 20,
    outcome: "done",
    objective: "VI-2",
  },
  {
    title: "Civil emergency planning workshop (sample)",
    area: "emergency_preparedness",
    starts: "2021-05-17",
    participants: 12,
    outcome: "not_done",
  },
  {
    title: "English language course for staff officers (sample)",
    area: "education_training",
    starts: "2021-09-01",
    participants: 15,
    outcome: null,
    objective: "VI-3",
  },
];

export async function seedProgrammes(db: Db): Promise<void> {
  const nations = new Map(
    (await db.selectFrom("nation").select(["id", "code"]).execute()).map((n) => [n.code, n.id]),
  );
  const organisations = new Map(
    (await db.selectFrom("organisation").select(["id", "code"]).execute()).map((o) => [o.code, o.id]),
  );
  const aze = nations.get("AZE");
  const nato = organisations.get("NATO");
  if (!aze || !nato) return;
  const toNato = { ownerNationId: aze, releasability: "restricted" as const, releaseOrganisations: [nato] };

  // Milestones: public facts of the partnership.
  await db
    .insertInto("partnershipMilestone")
    .values(
      MILESTONES.map((m) => ({
        nationId: aze,
        occurredOn: m.on,
        precision: m.precision,
        kind: m.kind,
        titleEn: m.en,
        titleAz: m.az,
        titleRu: m.ru,
        description: m.description ?? null,
        source: milestoneSource(m.on),
        sample: m.sample ?? false,
        ownerNationId: aze,
        releasability: "public",
      })),
    )
    .onConflict((oc) => oc.columns(["nationId", "occurredOn", "titleEn"]).doNothing())
    .execute();

  // Founding documents (found by title).
  const documents: { title: string; kind: string; signedOn: string; precision: P; replaces?: string }[] = [
    {
      title: "Partnership for Peace framework document",
      kind: "framework_document",
      signedOn: "1994-05-04",
      precision: "day",
    },
    {
      title: "Presentation document",
      kind: "presentation_document",
      signedOn: "1996-01-01",
      precision: "year",
    },
    {
      title: "Individual Partnership Action Plan",
      kind: "individual_partnership_action_plan",
      signedOn: "2004-01-01",
      precision: "year",
    },
  ];
  const documentIds = new Map<string, string>();
  for (const document of documents) {
    const existing = await findIdBy(db, "frameworkDocument", { nationId: aze, title: document.title });
    const id =
      existing?.id ??
      (
        await db
          .insertInto("frameworkDocument")
          .values({
            nationId: aze,
            title: document.title,
            kind: document.kind,
            parties: ["Azerbaijan", "NATO"],
            signedOn: document.signedOn,
            signedPrecision: document.precision,
            source: milestoneSource(document.signedOn),
            ownerNationId: aze,
            releasability: "internal",
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    documentIds.set(document.title, id);
  }

  // The partner's action plan, periods I–VI, each with the source that dates it; III has two sources.
  const ipap = await db
    .insertInto("plan")
    .values({
      code: "AZE-IPAP",
      title: "Individual Partnership Action Plan of Azerbaijan",
      kind: "individual_partnership_action_plan",
      nationId: aze,
      frameworkDocumentId: documentIds.get("Individual Partnership Action Plan")!,
      description:
        "Action plans began after the 2002 Prague summit; since 2021 they are being replaced by individually tailored partnership programmes.",
      ...toNato,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (ipap) {
    const periodIds = new Map<number, string>();
    for (const [number, from, to] of IPAP_PERIODS) {
      const period = await db
        .insertInto("planPeriod")
        .values({ planId: ipap.id, number, label: ROMAN[number - 1]! })
        .returning("id")
        .executeTakeFirstOrThrow();
      periodIds.set(number, period.id);
      await db
        .insertInto("periodStatement")
        .values({
          periodId: period.id,
          startsOn: `${from}-01-01`,
          startPrecision: "year",
          endsOn: `${to}-12-31`,
          endPrecision: "year",
          source: DOMAIN_PERIODS,
        })
        .execute();
    }
    await db
      .insertInto("periodStatement")
      .values({
        periodId: periodIds.get(3)!,
        startsOn: "2011-01-01",
        startPrecision: "year",
        endsOn: "2013-12-31",
        endPrecision: "year",
        source: OTHER_SOURCE,
      })
      .execute();

    const goals = await seedGoals(db, aze, ipap.id, toNato);
    const activityIds = new Map(
      (await db.selectFrom("activity").select(["id", "code"]).execute()).map((a) => [a.code, a.id]),
    );
    const objectiveIds = new Map<string, string>();
    for (const objective of OBJECTIVES) {
      const row = await db
        .insertInto("planObjective")
        .values({
          planId: ipap.id,
          periodId: periodIds.get(objective.period)!,
          code: objective.code,
          areaCode: objective.area,
          title: objective.title,
          sample: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      objectiveIds.set(objective.code, row.id);
      for (const action of objective.actions) {
        const created = await db
          .insertInto("planAction")
          .values({
            objectiveId: row.id,
            title: action.title,
            responsibleOrganisationId: action.responsible
              ? (organisations.get(action.responsible) ?? null)
              : null,
            dueOn: action.due,
            status: action.status,
            progress: action.progress,
            completedOn: action.status === "done" ? action.due : null,
            sample: true,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const goalId = action.goal ? goals.get(action.goal) : undefined;
        if (goalId) await db.insertInto("actionEvidence").values({ actionId: created.id, goalId }).execute();
        const activityId = action.activityCode
          ? [...activityIds.entries()].find(([code]) => code.startsWith(action.activityCode!))?.[1]
          : undefined;
        if (activityId)
          await db.insertInto("actionEvidence").values({ actionId: created.id, activityId }).execute();
      }
    }
    await seedProgramme(db, aze, ipap.id, objectiveIds, toNato);
  }

  // The coordination centre's programmes of cooperation in combating terrorism: six since 2000, the last named
  // for 2014–2016. Only what the source states is dated.
  const centre = organisations.get("CIS-ATC");
  if (centre) {
    const programme = await db
      .insertInto("plan")
      .values({
        code: "CIS-ATC-CT-PROGRAMMES",
        title: "Programmes of cooperation in combating terrorism",
        kind: "cooperation_programme",
        description:
          "Six programmes since 2000; the source names only the last, for 2014–2016. The dates of the others are not recorded.",
        ownerOrganisationId: centre,
        releasability: "internal",
      })
      .onConflict((oc) => oc.column("code").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (programme) {
      for (let number = 1; number <= 6; number++) {
        const period = await db
          .insertInto("planPeriod")
          .values({
            planId: programme.id,
            number,
            label: ROMAN[number - 1]!,
            note: number > 1 && number < 6 ? "Dates not stated in the source." : null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (number === 1) {
          await db
            .insertInto("periodStatement")
            .values({
              periodId: period.id,
              startsOn: "2000-01-01",
              startPrecision: "year",
              endsOn: null,
              source: `${DOMAIN_CENTRE} (programmes since 2000; end not stated)`,
            })
            .execute();
        }
        if (number === 6) {
          await db
            .insertInto("periodStatement")
            .values({
              periodId: period.id,
              startsOn: "2014-01-01",
              startPrecision: "year",
              endsOn: "2016-12-31",
              endPrecision: "year",
              source: DOMAIN_CENTRE,
            })
            .execute();
        }
      }
    }
  }

  await seedTailoredProgramme(db, aze, organisations, toNato);

  await db
    .insertInto("participationFigure")
    .values([
      {
        nationId: aze,
        year: 2001,
        eventCount: 250,
        qualifier: "more_than",
        source: SOURCES.analyst2002,
        ...toNato,
      },
      {
        nationId: aze,
        year: 2002,
        eventCount: 200,
        qualifier: "more_than",
        source: SOURCES.analyst2002,
        ...toNato,
      },
    ])
    .onConflict((oc) => oc.columns(["nationId", "year", "source"]).doNothing())
    .execute();
}

async function seedGoals(db: Db, aze: string, planId: string, release: SampleRelease) {
  const ids = new Map<string, string>();
  for (const goal of GOALS) {
    const row = await db
      .insertInto("partnershipGoal")
      .values({
        nationId: aze,
        code: goal.code,
        title: goal.title,
        areaCode: goal.area,
        agreedYear: goal.agreed,
        targetOn: goal.target,
        status: goal.status,
        planId,
        sample: true,
        ...release,
      })
      .onConflict((oc) => oc.columns(["nationId", "code"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) continue;
    ids.set(goal.code, row.id);
    await db
      .insertInto("goalStatusChange")
      .values(
        goal.history.map((status, index) => ({
          goalId: row.id,
          fromStatus: index === 0 ? null : goal.history[index - 1]!,
          toStatus: status,
          note: "(sample)",
          changedAt: new Date(Date.UTC(goal.agreed - 1 + index, 5, 1)),
        })),
      )
      .execute();
    if (goal.assessments.length) {
      await db
        .insertInto("goalAssessment")
        .values(
          goal.assessments.map(([cycleYear, rating, comments]) => ({
            goalId: row.id,
            cycleYear,
            rating,
            comments,
            assessedOn: `${cycleYear}-11-30`,
            sample: true,
          })),
        )
        .execute();
    }
  }
  return ids;
}

async function seedProgramme(
  db: Db,
  aze: string,
  planId: string,
  objectiveIds: Map<string, string>,
  release: SampleRelease,
) {
  const programme = await insertAgreedProgramme(db, release, {
    nationId: aze,
    firstYear: 2020,
    lastYear: 2021,
    title: "Individual partnership and cooperation programme 2020–2021 (sample items)",
    planId,
  });
  if (!programme) return;
  // Activities of the catalogue in the programme's years, when the catalogue has them.
  const activities = await db
    .selectFrom("activity as a")
    .innerJoin("activityArea as aa", "aa.activityId", "a.id")
    .select(["a.id", "a.code", (eb) => eb.fn.min("aa.areaCode").as("areaCode")])
    .where("a.menuYear", "in", [2020, 2021])
    .where("a.status", "<>", "cancelled")
    .groupBy(["a.id", "a.code"])
    .orderBy("a.code")
    .limit(8)
    .execute();
  for (const [index, activity] of activities.entries())
    await insertItem(
      db,
      {
        programmeId: programme.id,
        activityId: activity.id,
        areaCode: activity.areaCode,
        plannedParticipants: 2,
      },
      objectiveIds.get(["VI-1", "VI-2", "VI-3"][index % 3]!),
    );
  for (const own of OWN_ITEMS)
    await insertItem(
      db,
      {
        programmeId: programme.id,
        title: own.title,
        areaCode: own.area,
        plannedStartsOn: own.starts,
        plannedParticipants: own.participants,
        ownOutcome: own.outcome,
        ownParticipants: own.outcome === "done" ? own.participants : null,
      },
      own.objective ? objectiveIds.get(own.objective) : undefined,
    );
}

type SampleRelease = { ownerNationId: string; releasability: "restricted"; releaseOrganisations: string[] };

/** An agreed sample programme, unless the nation already has one over its years (then undefined). */
function insertAgreedProgramme(
  db: Db,
  release: SampleRelease,
  programme: { nationId: string; firstYear: number; lastYear: number; title: string; planId: string },
) {
  return db
    .insertInto("annualProgramme")
    .values({ ...programme, status: "agreed", sample: true, ...release })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
}

/** A sample item of a programme, serving the objective when one is named. */
async function insertItem(
  db: Db,
  item: Omit<Insertable<DB["programmeItem"]>, "sample">,
  objectiveId: string | undefined,
) {
  const { id } = await db
    .insertInto("programmeItem")
    .values({ ...item, sample: true })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (objectiveId)
    await db.insertInto("programmeItemObjective").values({ itemId: id, objectiveId }).execute();
}

/**
 * Since 2021 action plans are being replaced by individually tailored partnership programmes. The partner's
 * tailored programme here is a sample (its objectives are invented); its 2026–2027 programme picks real activities
 * of the catalogue (CREVAL 2026 and 2027, part of the 2027 menu), so plan vs actual comes from real nominations.
 */
async function seedTailoredProgramme(
  db: Db,
  aze: string,
  organisations: Map<string, string>,
  release: SampleRelease,
) {
  const itpp = await db
    .insertInto("plan")
    .values({
      code: "AZE-ITPP",
      title: "Individually tailored partnership programme of Azerbaijan (sample)",
      kind: "individually_tailored_partnership_programme",
      nationId: aze,
      description: "Sample: successor of the action plan; its objectives are invented for the demo.",
      sample: true,
      ...release,
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!itpp) return;
  await db
    .updateTable("plan")
    .set({ successorId: itpp.id })
    .where("code", "=", "AZE-IPAP")
    .where("successorId", "is", null)
    .execute();
  const activities = new Map(
    (await db.selectFrom("activity").select(["id", "code"]).execute()).map((a) => [a.code, a.id]),
  );
  const objectives = new Map<string, string>();
  for (const [code, area, title] of [
    ["T-1", "interoperability", "Evaluators certified to evaluate units declared to the force pool (sample)"],
    ["T-2", "education_training", "Staff trained in the alliance's courses and events (sample)"],
  ] as const) {
    const row = await db
      .insertInto("planObjective")
      .values({ planId: itpp.id, code, areaCode: area, title, sample: true })
      .returning("id")
      .executeTakeFirstOrThrow();
    objectives.set(code, row.id);
  }
  const action = await db
    .insertInto("planAction")
    .values({
      objectiveId: objectives.get("T-1")!,
      title: "CREVAL evaluators trained in Baku (sample)",
      responsibleOrganisationId: organisations.get("AZE-NDU-WGC") ?? null,
      dueOn: "2027-06-30",
      status: "in_progress",
      progress: 50,
      sample: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  for (const code of ["CREVAL-2026", "CREVAL-2027"]) {
    const activityId = activities.get(code);
    if (activityId)
      await db.insertInto("actionEvidence").values({ actionId: action.id, activityId }).execute();
  }

  const programme = await insertAgreedProgramme(db, release, {
    nationId: aze,
    firstYear: 2026,
    lastYear: 2027,
    title: "Partnership programme 2026–2027 (sample selection of the menu)",
    planId: itpp.id,
  });
  if (!programme) return;
  const menu = await db
    .selectFrom("activity as a")
    .innerJoin("activityArea as aa", "aa.activityId", "a.id")
    .select(["a.id", "a.code", (eb) => eb.fn.min("aa.areaCode").as("areaCode")])
    .where((eb) => eb.or([eb("a.code", "in", ["CREVAL-2026", "CREVAL-2027"]), eb("a.code", "like", "M27-%")]))
    .where("a.status", "=", "published")
    .groupBy(["a.id", "a.code"])
    .orderBy("a.code")
    .limit(10)
    .execute();
  const creval = await db
    .selectFrom("activity")
    .select(["id", "code"])
    .where("code", "in", ["CREVAL-2026", "CREVAL-2027"])
    .execute();
  const picked = [
    ...creval.map((a) => ({ ...a, areaCode: "interoperability" })),
    ...menu.filter((a) => !a.code.startsWith("CREVAL")),
  ];
  for (const activity of picked) {
    const isCreval = activity.code.startsWith("CREVAL");
    await insertItem(
      db,
      {
        programmeId: programme.id,
        activityId: activity.id,
        areaCode: activity.areaCode,
        plannedParticipants: isCreval ? 4 : 2,
      },
      objectives.get(isCreval ? "T-1" : "T-2")!,
    );
  }
}
