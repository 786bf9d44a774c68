import type { Db } from "../../db/database.js";
import { findIdBy } from "../../platform/find-id-by.js";
import { codeLookup } from "../../seed/code-lookup.seed.js";
import { SOURCES } from "../../seed/sources.js";

const DOMAIN = SOURCES.cisAtc;
const PUBLIC = "Public record";

type StageSeed = [nation: string, place: string, startsOn: string, endsOn: string];
type ExerciseSeed = {
  code: string;
  name: string;
  kind: "live" | "command_post" | "table_top";
  status: "concept" | "planning" | "conduct" | "completed" | "cancelled";
  scenario: string;
  lead: string;
  startsOn: string;
  endsOn: string;
  sample: boolean;
  sampleNote: string;
  source: string;
  releasability: "public" | "internal";
  activityCode?: string;
  stages: StageSeed[];
  members: string[];
  partners: string[];
  observers?: string[];
  /** Personnel contributions of some participants: nation → [category, count][]. */
  personnel?: Record<string, [string, number][]>;
  units?: Record<string, string[]>;
  conferences?: [
    kind: string,
    startsOn: string,
    endsOn: string,
    place: string,
    attendance: [string, number][],
  ][];
  milestones?: [title: string, owner: string, dueOn: string, doneOn: string | null][];
  objectives?: string[];
  lessons?: {
    title: string;
    observation: string;
    owner: string;
    status: "identified" | "analysed" | "learned" | "closed" | "rejected";
    followUp?: string;
    note?: string;
  }[];
};

const CIS_ATC_STATES = ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"];

/** What the coordination centre's exercises share: led by it, sample, internal, no partner nations. */
const CIS_ATC_EXERCISE = {
  lead: "CIS-ATC",
  sample: true,
  source: DOMAIN,
  releasability: "internal",
  partners: [],
} satisfies Partial<ExerciseSeed>;

/**
 * Cooperative Determination 2001 is from the source (November 2001, in the partner nation, 9 member nations and
 * 10 partner nations); which nations they were is not, so the list is sample. The coordination centre's exercises
 * follow its naming pattern and are sample throughout.
 */
const EXERCISES: ExerciseSeed[] = [
  {
    code: "CD-2001",
    name: "Cooperative Determination 2001",
    kind: "command_post",
    status: "completed",
    scenario:
      "Partnership for Peace exercise hosted by the partner nation: a multinational peace support operation staffed by member and partner nations.",
    lead: "NATO",
    startsOn: "2001-11-01",
    endsOn: "2001-11-30",
    sample: false,
    sampleNote:
      "From the source: the name, November 2001, the partner nation as host, 9 member nations and 10 partner nations. Sample: the days within November, the kind, the list of nations, contributions, objectives and lessons.",
    source: SOURCES.analyst2002,
    releasability: "public",
    activityCode: "CD-2001",
    stages: [["AZE", "Baku (sample)", "2001-11-01", "2001-11-30"]],
    members: ["TUR", "USA", "GBR", "DEU", "ITA", "GRC", "NOR", "POL", "HUN"],
    partners: ["AZE", "GEO", "UKR", "MDA", "KAZ", "KGZ", "UZB", "ROU", "BGR", "SWE"],
    personnel: {
      AZE: [
        ["staff officers", 40],
        ["soldiers", 120],
      ],
      TUR: [["staff officers", 25]],
      USA: [["staff officers", 20]],
    },
    units: { AZE: ["Peacekeeping company (sample)"] },
    objectives: [
      "Plan and conduct a multinational peace support operation under a combined staff (sample)",
      "Exercise staff procedures to alliance standards in English (sample)",
    ],
    lessons: [
      {
        title: "Staff officers need STANAG 6001 English before the exercise",
        observation: "Partner staff cells lost time translating orders during the conduct phase.",
        owner: "AZE",
        status: "learned",
        followUp: "Language training line of the Individual Partnership Action Plan 2005–2007 (sample)",
      },
      {
        title: "Liaison officers to the framework battalion from the first planning conference",
        observation: "Liaison started only at the final planning conference.",
        owner: "NATO",
        status: "analysed",
      },
      {
        title: "Host nation support arrangements were agreed late",
        observation: "Transport and accommodation were confirmed two weeks before the start.",
        owner: "AZE",
        status: "identified",
      },
    ],
  },
  {
    code: "SOUTH-ANTITERROR-2001",
    name: "South-Antiterror-2001 (sample)",
    kind: "command_post",
    status: "completed",
    scenario:
      "First joint anti-terrorism exercise of the coordination centre's member states: a command post exercise on an armed incursion (sample).",
    ...CIS_ATC_EXERCISE,
    startsOn: "2001-10-09",
    endsOn: "2001-10-12",
    sampleNote:
      "From the source: joint anti-terrorism exercises since 2001. Sample: this exercise's name, dates, stages and nations.",
    stages: [
      ["KGZ", "Osh region", "2001-10-09", "2001-10-10"],
      ["TJK", "Khujand", "2001-10-11", "2001-10-12"],
    ],
    members: ["KGZ", "TJK", "KAZ", "RUS"],
  },
  {
    code: "ISSYK-KUL-ANTITERROR-2005",
    name: "Issyk-Kul-Antiterror-2005 (sample)",
    kind: "live",
    status: "completed",
    scenario:
      "Joint anti-terrorism exercise of the member states' security bodies: release of hostages and a counter-terrorist operation in a resort area (sample).",
    ...CIS_ATC_EXERCISE,
    startsOn: "2005-08-16",
    endsOn: "2005-08-26",
    sampleNote:
      "Sample: the coordination centre runs joint anti-terrorism exercises since 2001 named <Place>-Antiterror-<year>, often in two stages across states; this one's place, year, dates and nations are invented.",
    stages: [
      ["KGZ", "Issyk-Kul region", "2005-08-16", "2005-08-19"],
      ["KAZ", "Almaty region", "2005-08-23", "2005-08-26"],
    ],
    members: ["KGZ", "KAZ", "RUS", "TJK", "UZB"],
    observers: ["ARM", "BLR"],
  },
  {
    code: "CASPIAN-ANTITERROR-2011",
    name: "Caspian-Antiterror-2011 (sample)",
    kind: "live",
    status: "completed",
    scenario: "Protection of energy infrastructure on the Caspian coast against a terrorist attack (sample).",
    ...CIS_ATC_EXERCISE,
    startsOn: "2011-09-13",
    endsOn: "2011-09-22",
    sampleNote: "Sample exercise following the coordination centre's naming and two-stage pattern.",
    stages: [
      ["KAZ", "Aktau", "2011-09-13", "2011-09-15"],
      ["RUS", "Astrakhan region", "2011-09-20", "2011-09-22"],
    ],
    members: ["KAZ", "RUS", "KGZ", "TJK", "BLR", "ARM"],
    lessons: [
      {
        title: "Common radio procedures between national centres",
        observation: "Stage 2 command post could not reach the stage 1 units on the agreed net.",
        owner: "CIS-ATC",
        status: "closed",
        followUp:
          "Communications annex of the programme of cooperation in combating terrorism 2014–2016 (sample)",
      },
    ],
  },
  {
    code: "DUSHANBE-ANTITERROR-2016",
    name: "Dushanbe-Antiterror-2016 (sample)",
    kind: "command_post",
    status: "completed",
    scenario: "Command post exercise on a cross-border terrorist group (sample).",
    ...CIS_ATC_EXERCISE,
    startsOn: "2016-06-01",
    endsOn: "2016-06-04",
    sampleNote: "Sample exercise following the coordination centre's naming pattern.",
    stages: [["TJK", "Dushanbe", "2016-06-01", "2016-06-04"]],
    members: CIS_ATC_STATES,
  },
  {
    code: "BISHKEK-ANTITERROR-2027",
    name: "Bishkek-Antiterror-2027 (sample)",
    kind: "live",
    status: "planning",
    scenario:
      "Next joint anti-terrorism exercise: seizure of a transport hub, stage 1 in Kyrgyzstan, stage 2 in Kazakhstan (sample, in preparation).",
    ...CIS_ATC_EXERCISE,
    startsOn: "2027-09-14",
    endsOn: "2027-09-24",
    sampleNote: "Sample exercise in preparation, to show planning: conferences, milestones, nation matrix.",
    stages: [
      ["KGZ", "Bishkek", "2027-09-14", "2027-09-17"],
      ["KAZ", "Almaty", "2027-09-21", "2027-09-24"],
    ],
    members: ["KGZ", "KAZ", "RUS", "TJK", "UZB", "BLR"],
    observers: ["ARM"],
    personnel: {
      KGZ: [
        ["special forces", 60],
        ["staff officers", 12],
      ],
      KAZ: [
        ["special forces", 45],
        ["staff officers", 10],
      ],
    },
    units: { KGZ: ["Alpha special unit (sample)"], KAZ: ["Arystan special unit (sample)"] },
    conferences: [
      [
        "initial",
        "2026-10-06",
        "2026-10-08",
        "Bishkek, regional office",
        [
          ["KGZ", 6],
          ["KAZ", 5],
          ["RUS", 4],
          ["TJK", 3],
          ["UZB", 3],
        ],
      ],
      ["main", "2027-03-16", "2027-03-18", "Almaty", []],
      ["final", "2027-07-13", "2027-07-14", "Bishkek", []],
    ],
    milestones: [
      ["Exercise concept agreed by the heads of national centres", "CIS-ATC", "2026-09-30", "2026-09-28"],
      ["Host nation support agreement signed", "KGZ", "2026-11-15", null],
      ["Nations confirm contributions", "KAZ", "2027-02-15", null],
      ["Scenario and master events list approved", "CIS-ATC", "2027-06-30", null],
    ],
    objectives: [
      "Coordinate national anti-terrorism units across two states under one command post (sample)",
      "Exchange information between national centres in real time (sample)",
    ],
  },
];

type ContingentSeed = {
  operation: string;
  name: string;
  frameworkUnit?: string;
  frameworkNation?: string;
  note: string;
  sample: boolean;
  rotations: {
    slot: string;
    label: string;
    startsOn: string;
    startPrecision: "day" | "month" | "year";
    endsOn: string | null;
    sample: boolean;
    note: string;
    strength: [string, number][];
  }[];
};

const OPERATIONS = [
  {
    code: "KFOR",
    name: "Kosovo Force (KFOR)",
    lead: "NATO",
    startsOn: "1999-06-12",
    endsOn: null,
    description: "Alliance-led peace support operation in Kosovo.",
  },
  {
    code: "ISAF",
    name: "International Security Assistance Force (ISAF)",
    lead: "NATO",
    startsOn: "2001-12-20",
    endsOn: "2014-12-31",
    description: "Security assistance mission in Afghanistan, alliance-led from 2003.",
  },
  {
    code: "RSM",
    name: "Resolute Support Mission",
    lead: "NATO",
    startsOn: "2015-01-01",
    endsOn: null,
    description: "Train, advise and assist mission in Afghanistan that followed ISAF in January 2015.",
  },
];

const CONTINGENTS: ContingentSeed[] = [
  {
    operation: "KFOR",
    name: "Azerbaijani peacekeeping platoon",
    frameworkUnit: "Turkish battalion",
    frameworkNation: "TUR",
    note: "From the source: a platoon to the Kosovo force in September 1999, serving within a Turkish battalion.",
    sample: false,
    rotations: [
      {
        slot: "platoon",
        label: "Platoon, first rotation",
        startsOn: "1999-09-01",
        startPrecision: "month",
        endsOn: "2000-08-31",
        sample: true,
        note: "Start (September 1999) from the source; end and strength are sample.",
        strength: [["military_personnel", 34]],
      },
    ],
  },
  {
    operation: "ISAF",
    name: "Azerbaijani unit in Afghanistan",
    note: "From the source: a unit to Afghanistan in 2002.",
    sample: false,
    rotations: [
      {
        slot: "unit",
        label: "Unit, 2002",
        startsOn: "2002-01-01",
        startPrecision: "year",
        endsOn: "2002-12-31",
        sample: true,
        note: "The year 2002 is from the source; dates within it and strength are sample.",
        strength: [["military_personnel", 22]],
      },
    ],
  },
  {
    operation: "RSM",
    name: "Azerbaijani contingent, Resolute Support",
    note: "From the source: from January 2015, 120 military personnel, 2 military doctors and 6 staff officers — 128.",
    sample: false,
    rotations: [
      {
        slot: "main",
        label: "Contingent from January 2015",
        startsOn: "2015-01-01",
        startPrecision: "month",
        endsOn: null,
        sample: false,
        note: "Strength from the source.",
        strength: [
          ["military_personnel", 120],
          ["military_doctors", 2],
          ["staff_officers", 6],
        ],
      },
    ],
  },
];

export async function seedOperations(db: Db): Promise<void> {
  const nation = await codeLookup(db, "nation", "seedOperations");
  const organisation = await codeLookup(db, "organisation", "seedOperations");
  /** An owner code is a nation (three capital letters) or an organisation. */
  const owner = (code: string) =>
    nation.has(code)
      ? { ownerNationId: nation(code), ownerOrganisationId: null }
      : { ownerNationId: null, ownerOrganisationId: organisation(code) };

  const existingExercises = new Set(
    (await db.selectFrom("exercise").select("code").execute()).map((row) => row.code),
  );
  for (const seed of EXERCISES) {
    if (existingExercises.has(seed.code)) continue;
    const activity = seed.activityCode
      ? await db.selectFrom("activity").select("id").where("code", "=", seed.activityCode).executeTakeFirst()
      : undefined;
    await db.transaction().execute(async (trx) => {
      const exercise = await trx
        .insertInto("exercise")
        .values({
          code: seed.code,
          name: seed.name,
          kind: seed.kind,
          status: seed.status,
          scenario: seed.scenario,
          leadOrganisationId: organisation(seed.lead),
          activityId: activity?.id ?? null,
          startsOn: seed.startsOn,
          endsOn: seed.endsOn,
          sample: seed.sample,
          sampleNote: seed.sampleNote,
          source: seed.source,
          ownerOrganisationId: organisation(seed.lead),
          releasability: seed.releasability,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const exerciseId = exercise.id;
      await trx
        .insertInto("exerciseStage")
        .values(
          seed.stages.map(([code, place, startsOn, endsOn], index) => ({
            exerciseId,
            stageNo: index + 1,
            hostNationId: nation(code),
            place,
            startsOn,
            endsOn,
          })),
        )
        .execute();
      const roles: [string, string][] = [
        ...seed.members.map((code): [string, string] => [code, "member"]),
        ...seed.partners.map((code): [string, string] => [code, "partner"]),
        ...(seed.observers ?? []).map((code): [string, string] => [code, "observer"]),
      ];
      const participants = await trx
        .insertInto("exerciseParticipant")
        .values(
          roles.map(([code, role]) => ({
            exerciseId,
            nationId: nation(code),
            role,
            sample: true,
            note: seed.sample ? null : "Nation is sample; the count by role is from the source",
          })),
        )
        .returning(["id", "nationId"])
        .execute();
      const participantOf = (code: string) => participants.find((p) => p.nationId === nation(code))!.id;
      const contributions = [
        ...Object.entries(seed.personnel ?? {}).flatMap(([code, lines]) =>
          lines.map(([category, quantity]) => ({
            participantId: participantOf(code),
            kind: "personnel",
            category,
            quantity,
            description: "sample",
          })),
        ),
        ...Object.entries(seed.units ?? {}).flatMap(([code, units]) =>
          units.map((category) => ({
            participantId: participantOf(code),
            kind: "unit",
            category,
            quantity: 1,
            description: "sample",
          })),
        ),
      ];
      if (contributions.length) await trx.insertInto("exerciseContribution").values(contributions).execute();
      for (const [kind, startsOn, endsOn, place, attendance] of seed.conferences ?? []) {
        const conference = await trx
          .insertInto("planningConference")
          .values({ exerciseId, kind, startsOn, endsOn, place, note: "sample" })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (attendance.length) {
          await trx
            .insertInto("planningConferenceAttendance")
            .values(
              attendance.map(([code, attendees]) => ({
                conferenceId: conference.id,
                nationId: nation(code),
                attendees,
              })),
            )
            .execute();
        }
      }
      if (seed.milestones?.length) {
        await trx
          .insertInto("exerciseMilestone")
          .values(
            seed.milestones.map(([title, code, dueOn, doneOn]) => ({
              exerciseId,
              title,
              dueOn,
              doneOn,
              ...owner(code),
            })),
          )
          .execute();
      }
      if (seed.objectives?.length) {
        await trx
          .insertInto("trainingObjective")
          .values(seed.objectives.map((text, position) => ({ exerciseId, text, position })))
          .execute();
      }
      if (seed.lessons?.length) {
        await trx
          .insertInto("lesson")
          .values(
            seed.lessons.map((lesson) => ({
              exerciseId,
              title: lesson.title,
              observation: lesson.observation,
              status: lesson.status,
              followUpReference: lesson.followUp ?? null,
              statusNote: lesson.note ?? null,
              sample: true,
              ...owner(lesson.owner),
            })),
          )
          .execute();
      }
    });
  }

  // The catalogue may have added an exercise's activity after the exercise was first seeded: link it now.
  for (const seed of EXERCISES) {
    if (!seed.activityCode) continue;
    await db
      .updateTable("exercise")
      .set((eb) => ({
        activityId: eb
          .selectFrom("activity")
          .select("activity.id")
          .where("activity.code", "=", seed.activityCode!),
      }))
      .where("exercise.code", "=", seed.code)
      .where("exercise.activityId", "is", null)
      .execute();
  }

  await db
    .insertInto("operation")
    .values(
      OPERATIONS.map(({ lead, ...operation }) => ({
        ...operation,
        leadOrganisationId: organisation(lead),
        source: PUBLIC,
      })),
    )
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const operations = new Map(
    (await db.selectFrom("operation").select(["id", "code"]).execute()).map((o) => [o.code, o.id]),
  );

  const partner = nation("AZE");
  for (const seed of CONTINGENTS) {
    const operationId = operations.get(seed.operation)!;
    if (await findIdBy(db, "contingent", { operationId, nationId: partner, name: seed.name })) continue;
    await db.transaction().execute(async (trx) => {
      const contingent = await trx
        .insertInto("contingent")
        .values({
          operationId,
          nationId: partner,
          name: seed.name,
          frameworkUnit: seed.frameworkUnit ?? null,
          frameworkNationId: seed.frameworkNation ? nation(seed.frameworkNation) : null,
          note: seed.note,
          sample: seed.sample,
          ownerNationId: partner,
          releasability: "restricted",
          releaseOrganisations: [organisation("NATO")],
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const { strength, ...rotation } of seed.rotations) {
        const row = await trx
          .insertInto("contingentRotation")
          .values({ ...rotation, contingentId: contingent.id })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("rotationStrength")
          .values(strength.map(([category, count]) => ({ rotationId: row.id, category, count })))
          .execute();
      }
    });
  }

  await db
    .insertInto("trustFund")
    .values({
      code: "ANA-TF",
      name: "Afghan National Army Trust Fund",
      operationId: operations.get("RSM")!,
      managingOrganisationId: organisation("NATO"),
    })
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const fund = await db
    .selectFrom("trustFund")
    .select("id")
    .where("code", "=", "ANA-TF")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("fundContribution")
    .values(
      (
        [
          [2015, "1000000.00", "1000000.00"],
          [2016, "1000000.00", "500000.00"],
        ] as const
      ).map(([year, pledged, paid]) => ({
        trustFundId: fund.id,
        nationId: partner,
        year,
        currency: "USD",
        pledged,
        paid,
        note: "Amounts are sample; the contribution to the fund is from the source.",
        sample: true,
        ownerNationId: partner,
        releasability: "restricted",
        releaseOrganisations: [organisation("NATO")],
      })),
    )
    .onConflict((oc) => oc.constraint("fund_contribution_unique").doNothing())
    .execute();
}
