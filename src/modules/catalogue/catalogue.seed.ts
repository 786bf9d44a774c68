import { sql } from "kysely";
import type { Db } from "../../db/database.js";

const SAMPLE_NOTE = "Generated sample data (not from the source material).";

type Sample = [given: string, family: string, rank: string, nation: string, languages: string[]];

/** Sample people to nominate (invented; e-mail addresses at sample.example mark them as sample). */
export const SAMPLE_PEOPLE: Sample[] = [
  ["Kamran", "Mammadov", "Major", "AZE", ["az", "en", "ru"]],
  ["Farid", "Hasanov", "Captain", "AZE", ["az", "en"]],
  ["Nigar", "Guliyeva", "Captain", "AZE", ["az", "en", "ru"]],
  ["Tural", "Ismayilov", "Lieutenant Colonel", "AZE", ["az", "en", "tr"]],
  ["Orkhan", "Abbasov", "Major", "AZE", ["az", "ru"]],
  ["Samir", "Rzayev", "Senior Lieutenant", "AZE", ["az", "en"]],
  ["Emre", "Demir", "Major", "TUR", ["tr", "en"]],
  ["Selin", "Kaya", "Captain", "TUR", ["tr", "en"]],
  ["Burak", "Sahin", "Lieutenant Colonel", "TUR", ["tr", "en"]],
  ["Jonas", "Becker", "Major", "DEU", ["de", "en"]],
  ["Anna", "Fischer", "Captain", "DEU", ["de", "en"]],
  ["Michael", "Brooks", "Major", "USA", ["en"]],
  ["Sarah", "Collins", "Captain", "USA", ["en"]],
  ["Thomas", "Wright", "Major", "GBR", ["en"]],
  ["Emily", "Hughes", "Captain", "GBR", ["en", "fr"]],
  ["Levan", "Kapanadze", "Major", "GEO", ["ka", "en", "ru"]],
  ["Nino", "Tsiklauri", "Captain", "GEO", ["ka", "en"]],
  ["Davit", "Lomidze", "Captain", "GEO", ["ka", "en", "ru"]],
  ["Oleksandr", "Kovalenko", "Major", "UKR", ["uk", "en", "ru"]],
  ["Iryna", "Shevchenko", "Captain", "UKR", ["uk", "en"]],
  ["Andriy", "Bondarenko", "Lieutenant Colonel", "UKR", ["uk", "en", "ru"]],
  ["Ion", "Rusu", "Major", "MDA", ["ro", "en", "ru"]],
  ["Elena", "Ciobanu", "Captain", "MDA", ["ro", "en"]],
  ["Nurlan", "Seitkali", "Major", "KAZ", ["kk", "ru", "en"]],
  ["Aigerim", "Bekova", "Captain", "KAZ", ["kk", "ru", "en"]],
  ["Marco", "Rossi", "Major", "ITA", ["it", "en"]],
  ["Giulia", "Bianchi", "Captain", "ITA", ["it", "en"]],
  ["Andrei", "Popescu", "Major", "ROU", ["ro", "en"]],
  ["Ioana", "Dumitru", "Captain", "ROU", ["ro", "en", "fr"]],
];
export const sampleEmail = (given: string, family: string) =>
  `${given}.${family}@sample.example`.toLowerCase();

const KINDS: [kind: string, en: string, az: string, ru: string][] = [
  ["course", "course", "kursu", "Курс"],
  ["seminar", "seminar", "seminarı", "Семинар"],
  ["workshop", "workshop", "emalatxanası", "Практикум"],
  ["training", "training", "təlimi", "Учебная подготовка"],
  ["conference", "conference", "konfransı", "Конференция"],
  ["expert_consultation", "expert consultation", "ekspert məsləhətləşməsi", "Экспертная консультация"],
  ["meeting", "meeting", "görüşü", "Совещание"],
  ["visit", "study visit", "tanışlıq səfəri", "Ознакомительный визит"],
  ["exercise", "exercise", "təlimatı", "Учение"],
];

const TOPICS: [area: string, en: string, az: string, ru: string][] = [
  [
    "defence_security_reform",
    "Defence institution building",
    "Müdafiə institutlarının qurulması",
    "строительство оборонных институтов",
  ],
  [
    "defence_security_reform",
    "Integrity in defence",
    "Müdafiədə dürüstlük",
    "добросовестность в оборонной сфере",
  ],
  [
    "armed_forces_development",
    "Non-commissioned officer development",
    "Serjant heyətinin inkişafı",
    "развитие сержантского состава",
  ],
  [
    "armed_forces_development",
    "Staff procedures for brigade headquarters",
    "Briqada qərargahı üçün qərargah prosedurları",
    "штабные процедуры штаба бригады",
  ],
  [
    "operations",
    "Pre-deployment training for peace support",
    "Sülhə dəstək üçün yerləşdirmədən əvvəl hazırlıq",
    "подготовка к развёртыванию в миротворческих операциях",
  ],
  ["operations", "Rules of engagement", "Döyüş qaydaları", "правила применения силы"],
  [
    "energy_security",
    "Protection of critical energy infrastructure",
    "Kritik enerji infrastrukturunun mühafizəsi",
    "защита критической энергетической инфраструктуры",
  ],
  [
    "energy_security",
    "Energy security in military planning",
    "Hərbi planlaşdırmada enerji təhlükəsizliyi",
    "энергетическая безопасность в военном планировании",
  ],
  [
    "emergency_preparedness",
    "Civil emergency planning",
    "Mülki fövqəladə planlaşdırma",
    "гражданское планирование на случай чрезвычайных ситуаций",
  ],
  [
    "emergency_preparedness",
    "Disaster response coordination",
    "Fəlakətlərə cavab tədbirlərinin əlaqələndirilməsi",
    "координация реагирования на бедствия",
  ],
  [
    "counter_terrorism",
    "Counter-terrorism investigation",
    "Terrorizmə qarşı araşdırma",
    "расследование террористических преступлений",
  ],
  [
    "counter_terrorism",
    "Countering improvised explosive devices",
    "Əl işi partlayıcı qurğulara qarşı mübarizə",
    "противодействие самодельным взрывным устройствам",
  ],
  ["cyber_defence", "Cyber incident response", "Kiber insidentlərə cavab", "реагирование на киберинциденты"],
  [
    "cyber_defence",
    "Cyber defence of military networks",
    "Hərbi şəbəkələrin kiber müdafiəsi",
    "киберзащита военных сетей",
  ],
  [
    "border_security",
    "Border security and management",
    "Sərhəd təhlükəsizliyi və idarəçiliyi",
    "безопасность и управление границами",
  ],
  [
    "border_security",
    "Maritime border surveillance",
    "Dəniz sərhədlərinin müşahidəsi",
    "наблюдение за морскими границами",
  ],
  [
    "science",
    "Science for peace and security projects",
    "Sülh və təhlükəsizlik naminə elm layihələri",
    "проекты науки ради мира и безопасности",
  ],
  [
    "science",
    "Chemical, biological and radiological defence research",
    "Kimyəvi, bioloji və radioloji müdafiə tədqiqatları",
    "исследования в области химической, биологической и радиологической защиты",
  ],
  [
    "environment",
    "Environmental protection in military activities",
    "Hərbi fəaliyyətdə ətraf mühitin mühafizəsi",
    "охрана окружающей среды в военной деятельности",
  ],
  [
    "environment",
    "Water security in the Caspian region",
    "Xəzər regionunda su təhlükəsizliyi",
    "водная безопасность в Каспийском регионе",
  ],
  [
    "public_diplomacy",
    "Strategic communications",
    "Strateji kommunikasiyalar",
    "стратегические коммуникации",
  ],
  [
    "public_diplomacy",
    "Countering disinformation",
    "Dezinformasiyaya qarşı mübarizə",
    "противодействие дезинформации",
  ],
  [
    "defence_planning",
    "Defence planning and budgeting",
    "Müdafiə planlaşdırması və büdcələşdirmə",
    "оборонное планирование и бюджетирование",
  ],
  [
    "defence_planning",
    "Partnership goals review",
    "Tərəfdaşlıq məqsədlərinin nəzərdən keçirilməsi",
    "обзор целей партнёрства",
  ],
  [
    "education_training",
    "Defence education enhancement",
    "Müdafiə təhsilinin təkmilləşdirilməsi",
    "совершенствование военного образования",
  ],
  ["education_training", "Instructor development", "Təlimatçıların inkişafı", "подготовка инструкторов"],
  [
    "crisis_management",
    "Crisis management procedures",
    "Böhranların idarə edilməsi prosedurları",
    "процедуры кризисного управления",
  ],
  [
    "crisis_management",
    "Crisis response operations planning",
    "Böhrana cavab əməliyyatlarının planlaşdırılması",
    "планирование операций по реагированию на кризисы",
  ],
  [
    "civil_military_relations",
    "Democratic control of armed forces",
    "Silahlı qüvvələr üzərində demokratik nəzarət",
    "демократический контроль над вооружёнными силами",
  ],
  [
    "civil_military_relations",
    "Civil-military cooperation",
    "Mülki-hərbi əməkdaşlıq",
    "гражданско-военное сотрудничество",
  ],
  [
    "interoperability",
    "Operational capabilities concept evaluation",
    "Əməliyyat imkanları konsepsiyası üzrə qiymətləndirmə",
    "оценка по концепции оперативных возможностей",
  ],
  [
    "interoperability",
    "Communication and information systems interoperability",
    "Rabitə və informasiya sistemlərinin uyğunluğu",
    "совместимость систем связи и информации",
  ],
  ["logistics", "Multinational logistics", "Çoxmillətli logistika", "многонациональное тыловое обеспечение"],
  ["logistics", "Codification of supply", "Təchizatın kodlaşdırılması", "кодификация предметов снабжения"],
  [
    "maritime_security",
    "Maritime situational awareness",
    "Dəniz vəziyyətinin bilinməsi",
    "осведомлённость о морской обстановке",
  ],
  [
    "maritime_security",
    "Maritime interdiction operations",
    "Dənizdə qadağan əməliyyatları",
    "морские операции по перехвату",
  ],
];

const ORGANISERS = ["NATO-SCHOOL", "NATO", "ACT", "ACO", "AZE-NDU", "TUR-TGS", "AZE-SSS-ATTC", "CIS-ATC"];
const HOSTS: [nation: string, city: string][] = [
  ["DEU", "Oberammergau"],
  ["AZE", "Baku"],
  ["TUR", "Ankara"],
  ["BEL", "Brussels"],
  ["ITA", "Rome"],
  ["GEO", "Tbilisi"],
  ["NOR", "Stavanger"],
  ["ROU", "Bucharest"],
];
const LANGUAGE_SETS = [["en"], ["en"], ["en", "ru"], ["en", "fr"], ["ru"], ["en", "az"]];
const ELIGIBILITY = ["everyone", "everyone", "partners", "alliance_members", "everyone"];

const pad = (n: number) => String(n).padStart(2, "0");

/** Demo data of the catalogue: CREVAL, Cooperative Determination 2001 and a generated 2027 menu. Idempotent. */
export async function seedCatalogue(db: Db): Promise<void> {
  const nations = new Map(
    (await db.selectFrom("nation").select(["id", "code"]).execute()).map((row) => [row.code, row.id]),
  );
  const organisations = new Map(
    (await db.selectFrom("organisation").select(["id", "code"]).execute()).map((row) => [row.code, row.id]),
  );
  const org = (code: string) => organisations.get(code) ?? null;
  if (!org("NATO-SCHOOL") || !nations.get("AZE")) return;

  // ---- sample people
  const wanted = SAMPLE_PEOPLE.filter(([, , , nation]) => nations.has(nation));
  const existingPeople = new Set(
    (
      await db
        .selectFrom("person")
        .select(sql<string>`lower(email)`.as("email"))
        .where(sql<boolean>`lower(email) like '%@sample.example'`)
        .execute()
    ).map((row) => row.email),
  );
  const newPeople = wanted.filter(([given, family]) => !existingPeople.has(sampleEmail(given, family)));
  if (newPeople.length) {
    await db
      .insertInto("person")
      .values(
        newPeople.map(([givenName, familyName, rankTitle, nation, languages]) => ({
          givenName,
          familyName,
          rankTitle,
          nationId: nations.get(nation)!,
          email: sampleEmail(givenName, familyName),
          languages,
          ownerNationId: nations.get(nation)!,
          releasability: "internal",
        })),
      )
      .execute();
  }
  const people = new Map(
    (
      await db
        .selectFrom("person")
        .select(["id", sql<string>`lower(email)`.as("email")])
        .where("email", "is not", null)
        .execute()
    ).map((row) => [row.email, row.id]),
  );

  const existingCodes = new Set(
    (await db.selectFrom("activity").select("code").execute()).map((row) => row.code),
  );

  // ---- CREVAL (source: the course is held in Baku at the War Games Centre, up to 39 participants, one week, English)
  const creval = {
    titleEn: "Combat Readiness Evaluation (CREVAL) course",
    titleAz: "Döyüş hazırlığının qiymətləndirilməsi (CREVAL) kursu",
    titleRu: "Курс оценки боевой готовности (CREVAL)",
    descriptionEn:
      "Combat Readiness Evaluation of ground forces headquarters, units and subunits under the Operational Capabilities Concept. Trains and certifies personnel who evaluate units declared to the alliance's joint force. Up to 39 participants from member and partner nations.",
    descriptionAz:
      "Əməliyyat İmkanları Konsepsiyası çərçivəsində quru qoşunlarının qərargahlarının, hissə və bölmələrinin döyüş hazırlığının qiymətləndirilməsi. Alyansın birgə qüvvələrinə elan edilmiş bölmələri qiymətləndirən heyəti hazırlayır və sertifikatlaşdırır.",
    descriptionRu:
      "Оценка боевой готовности штабов, частей и подразделений сухопутных войск в рамках Концепции оперативных возможностей. Готовит и сертифицирует персонал, оценивающий подразделения, заявленные в объединённые силы альянса.",
    kind: "course",
    organiserId: org("NATO-SCHOOL")!,
    hostInstitutionId: org("AZE-NDU-WGC"),
    hostNationId: nations.get("AZE")!,
    city: "Baku",
    venue: "War Games Centre, National Defence University",
    languages: ["en"],
    eligibility: "everyone",
    capacity: 39,
    nationQuota: 6,
    prerequisites: JSON.stringify({ languageLevel: "English, STANAG 6001 SLP 3232 (sample)" }),
    externalRefs: JSON.stringify([{ label: "Concept", value: "Operational Capabilities Concept" }]),
    ownerOrganisationId: org("NATO-SCHOOL"),
    releasability: "public",
  };
  const ensureActivity = async (
    code: string,
    values: Record<string, unknown>,
    areas: string[],
    events: Record<string, unknown>[],
  ) => {
    if (existingCodes.has(code)) return undefined;
    const row = await db
      .insertInto("activity")
      .values({ code, ...values } as never)
      .returning("id")
      .executeTakeFirstOrThrow();
    if (areas.length)
      await db
        .insertInto("activityArea")
        .values(areas.map((areaCode) => ({ activityId: row.id, areaCode })))
        .execute();
    const eventIds: string[] = [];
    for (const event of events) {
      const created = await db
        .insertInto("event")
        .values({ activityId: row.id, ...event } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      eventIds.push(created.id);
    }
    return { id: row.id, eventIds };
  };
  const nominateSample = async (
    eventId: string,
    email: string,
    status: string,
    extra: Record<string, unknown> = {},
  ) => {
    const personId = people.get(email);
    const nationId = personId
      ? (
          await db
            .selectFrom("person")
            .select("nationId")
            .where("id", "=", personId)
            .executeTakeFirstOrThrow()
        ).nationId
      : null;
    if (!personId || !nationId) return;
    await db
      .insertInto("nomination")
      .values({
        eventId,
        personId,
        nationId,
        status,
        priority: 1,
        sample: true,
        decidedAt: status === "nominated" ? null : sql<Date>`now()`,
        ...extra,
      } as never)
      .onConflict((oc) => oc.columns(["eventId", "personId"]).doNothing())
      .execute();
  };

  const areasOfCreval = ["education_training", "interoperability", "armed_forces_development"];
  /** Where each run of the course takes place: its venue in Baku. */
  const crevalEvent = {
    timeZone: "Asia/Baku",
    city: creval.city,
    venue: creval.venue,
    hostNationId: creval.hostNationId,
    sample: true,
  };
  const past = await ensureActivity(
    "CREVAL-2026",
    { ...creval, menuYear: 2026, status: "completed" },
    areasOfCreval,
    [{ ...crevalEvent, startsOn: "2026-03-09", endsOn: "2026-03-13", status: "completed" }],
  );
  if (past) {
    const eventId = past.eventIds[0]!;
    for (const email of ["e.huseynov@example.az", "m.yilmaz@example.tr", sampleEmail("Levan", "Kapanadze")]) {
      await nominateSample(eventId, email, "accepted", { attendance: "attended", completed: true });
    }
    await nominateSample(eventId, sampleEmail("Jonas", "Becker"), "accepted", {
      attendance: "partly",
      completed: false,
    });
  }
  const next = await ensureActivity(
    "CREVAL-2027",
    { ...creval, menuYear: 2027, status: "published" },
    areasOfCreval,
    [
      {
        ...crevalEvent,
        startsOn: "2027-03-08",
        endsOn: "2027-03-12",
        status: "open",
        nominationsCloseOn: "2027-02-05",
        acceptance: "manual",
      },
    ],
  );
  if (next) {
    const eventId = next.eventIds[0]!;
    await sql`insert into event_session (event_id, title, starts_at, ends_at)
      select ${eventId}, 'Day ' || d, (date '2027-03-08' + (d - 1)) + time '09:00' at time zone 'Asia/Baku',
             (date '2027-03-08' + (d - 1)) + time '17:00' at time zone 'Asia/Baku'
      from generate_series(1, 5) d`.execute(db);
    const seats: [string, string, string][] = [
      ["Emre", "Demir", "accepted"],
      ["Selin", "Kaya", "accepted"],
      ["Anna", "Fischer", "accepted"],
      ["Michael", "Brooks", "nominated"],
      ["Nino", "Tsiklauri", "accepted"],
      ["Davit", "Lomidze", "nominated"],
      ["Oleksandr", "Kovalenko", "accepted"],
      ["Iryna", "Shevchenko", "nominated"],
      ["Ion", "Rusu", "nominated"],
      ["Marco", "Rossi", "accepted"],
    ];
    for (const [given, family, status] of seats)
      await nominateSample(eventId, sampleEmail(given, family), status);
  }

  // ---- Cooperative Determination 2001 (source: November 2001, in the partner nation; 9 member and 10 partner
  // nations took part — the participating nations are recorded by the exercise capability).
  await ensureActivity(
    "CD-2001",
    {
      titleEn: "Exercise Cooperative Determination 2001",
      titleAz: "Cooperative Determination 2001 təlimi",
      titleRu: "Учение «Cooperative Determination 2001»",
      descriptionEn:
        "Multinational exercise in the partner nation, November 2001, with 9 member nations and 10 partner nations. The exact days are not recorded in the source.",
      descriptionAz: "Tərəfdaş ölkədə çoxmillətli təlim, 2001-ci ilin noyabrı: 9 üzv və 10 tərəfdaş dövlət.",
      descriptionRu:
        "Многонациональное учение в стране-партнёре, ноябрь 2001 года: 9 государств-членов и 10 государств-партнёров.",
      kind: "exercise",
      menuYear: 2001,
      organiserId: org("NATO") ?? org("NATO-SCHOOL")!,
      hostNationId: nations.get("AZE")!,
      languages: ["en"],
      eligibility: "everyone",
      status: "completed",
      ownerOrganisationId: org("NATO") ?? org("NATO-SCHOOL"),
      releasability: "public",
    },
    ["interoperability", "crisis_management"],
    [
      {
        title: "Cooperative Determination 2001 (November 2001)",
        startsOn: "2001-11-01",
        endsOn: "2001-11-30",
        timeZone: "Asia/Baku",
        hostNationId: nations.get("AZE")!,
        status: "completed",
      },
    ],
  );

  // ---- a generated menu for 2027: 216 activities across every area
  const menu: {
    code: string;
    values: Record<string, unknown>;
    area: string;
    event: Record<string, unknown>;
  }[] = [];
  let index = 0;
  for (let variant = 0; variant < 6; variant++) {
    for (const [area, topicEn, topicAz, topicRu] of TOPICS) {
      index++;
      const [kind, kindEn, kindAz, kindRu] = KINDS[(index + variant) % KINDS.length]!;
      const [hostCode, city] = HOSTS[index % HOSTS.length]!;
      const organiser = ORGANISERS[index % ORGANISERS.length]!;
      const organiserId = org(organiser) ?? org("NATO-SCHOOL")!;
      const online = index % 11 === 0;
      const month = 1 + (index % 12);
      const day = 1 + ((index * 7) % 24);
      const length = kind === "conference" || kind === "meeting" ? 2 : kind === "visit" ? 3 : 5;
      const capacity = 15 + ((index * 5) % 30);
      const code = `M27-${area.slice(0, 3).toUpperCase()}-${String(index).padStart(3, "0")}`;
      const level = ["", " (basic)", " (advanced)", " II", " for senior staff", " for partners"][variant]!;
      const levelAz = [
        "",
        " (əsas)",
        " (təkmil)",
        " II",
        " (yüksək rütbəli heyət üçün)",
        " (tərəfdaşlar üçün)",
      ][variant]!;
      const levelRu = [
        "",
        " (базовый уровень)",
        " (продвинутый уровень)",
        " II",
        " для старшего состава",
        " для партнёров",
      ][variant]!;
      menu.push({
        code,
        area,
        values: {
          titleEn: `${topicEn} ${kindEn}${level}`,
          titleAz: `${topicAz} ${kindAz}${levelAz}`,
          titleRu: `${kindRu}: ${topicRu}${levelRu}`,
          descriptionEn: `${topicEn}: a ${kindEn} of the 2027 menu. ${SAMPLE_NOTE}`,
          descriptionAz: `${topicAz}: 2027-ci il menyusunun ${kindAz}. Nümunə məlumatlar (mənbə materialından deyil).`,
          descriptionRu: `${kindRu} меню 2027 года: ${topicRu}. Сгенерированные примерные данные (не из исходных материалов).`,
          kind,
          menuYear: 2027,
          organiserId,
          hostNationId: online ? null : (nations.get(hostCode) ?? null),
          city: online ? null : city,
          online,
          languages: LANGUAGE_SETS[index % LANGUAGE_SETS.length]!,
          eligibility: ELIGIBILITY[index % ELIGIBILITY.length]!,
          capacity,
          nationQuota: index % 3 === 0 ? Math.max(2, Math.floor(capacity / 8)) : null,
          status: index % 17 === 0 ? "draft" : "published",
          releasability: index % 13 === 0 ? "internal" : "public",
          ownerOrganisationId: organiserId,
          sample: true,
        },
        event: {
          startsOn: `2027-${pad(month)}-${pad(day)}`,
          endsOn: `2027-${pad(month)}-${pad(day + length - 1)}`,
          timeZone: "UTC",
          city: online ? null : city,
          hostNationId: online ? null : (nations.get(hostCode) ?? null),
          status: "open",
          acceptance: index % 4 === 0 ? "first_come" : "manual",
          sample: true,
        },
      });
    }
  }
  const missing = menu.filter((item) => !existingCodes.has(item.code));
  if (!missing.length) return;
  const inserted = await db
    .insertInto("activity")
    .values(missing.map((item) => ({ code: item.code, ...item.values })) as never)
    .returning(["id", "code"])
    .execute();
  const idOf = new Map(inserted.map((row) => [row.code, row.id]));
  await db
    .insertInto("activityArea")
    .values(missing.map((item) => ({ activityId: idOf.get(item.code)!, areaCode: item.area })))
    .execute();
  await db
    .insertInto("event")
    .values(missing.map((item) => ({ activityId: idOf.get(item.code)!, ...item.event })) as never)
    .execute();
}
