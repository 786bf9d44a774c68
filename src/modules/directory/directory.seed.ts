import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { SOURCES } from "../../seed/sources.js";

/**
 * Reference data: nations named in the source material (the partner, alliance members and partners that took part
 * in its exercises, CIS member states) with names in English, Azerbaijani and Russian.
 */
const NATIONS: [code: string, en: string, az: string, ru: string][] = [
  ["AZE", "Azerbaijan", "Azərbaycan", "Азербайджан"],
  ["TUR", "Türkiye", "Türkiyə", "Турция"],
  ["USA", "United States", "Amerika Birləşmiş Ştatları", "Соединённые Штаты"],
  ["GBR", "United Kingdom", "Birləşmiş Krallıq", "Великобритания"],
  ["DEU", "Germany", "Almaniya", "Германия"],
  ["FRA", "France", "Fransa", "Франция"],
  ["ITA", "Italy", "İtaliya", "Италия"],
  ["NLD", "Netherlands", "Niderland", "Нидерланды"],
  ["NOR", "Norway", "Norveç", "Норвегия"],
  ["CAN", "Canada", "Kanada", "Канада"],
  ["GRC", "Greece", "Yunanıstan", "Греция"],
  ["POL", "Poland", "Polşa", "Польша"],
  ["HUN", "Hungary", "Macarıstan", "Венгрия"],
  ["CZE", "Czechia", "Çexiya", "Чехия"],
  ["ROU", "Romania", "Rumıniya", "Румыния"],
  ["BGR", "Bulgaria", "Bolqarıstan", "Болгария"],
  ["LTU", "Lithuania", "Litva", "Литва"],
  ["GEO", "Georgia", "Gürcüstan", "Грузия"],
  ["UKR", "Ukraine", "Ukrayna", "Украина"],
  ["MDA", "Moldova", "Moldova", "Молдова"],
  ["ARM", "Armenia", "Ermənistan", "Армения"],
  ["KAZ", "Kazakhstan", "Qazaxıstan", "Казахстан"],
  ["KGZ", "Kyrgyzstan", "Qırğızıstan", "Кыргызстан"],
  ["UZB", "Uzbekistan", "Özbəkistan", "Узбекистан"],
  ["TJK", "Tajikistan", "Tacikistan", "Таджикистан"],
  ["BLR", "Belarus", "Belarus", "Беларусь"],
  ["RUS", "Russian Federation", "Rusiya Federasiyası", "Российская Федерация"],
  ["TKM", "Turkmenistan", "Türkmənistan", "Туркменистан"],
  ["SWE", "Sweden", "İsveç", "Швеция"],
  ["FIN", "Finland", "Finlandiya", "Финляндия"],
  ["AUT", "Austria", "Avstriya", "Австрия"],
  ["CHE", "Switzerland", "İsveçrə", "Швейцария"],
];

type MembershipSeed = [
  code: string,
  kind: string,
  from: string,
  precision: string,
  to: string | null,
  source: string,
];

const DOMAIN = SOURCES.analyst2002;
const PUBLIC = "Public record of accession dates";

const MEMBERSHIPS: MembershipSeed[] = [
  // The partner nation, from the source material.
  ["AZE", "nacc", "1992-03-01", "month", "1997-05-29", DOMAIN],
  ["AZE", "eapc", "1997-05-30", "day", null, DOMAIN],
  ["AZE", "partnership_for_peace", "1994-05-04", "day", null, DOMAIN],
  ["AZE", "cis_member", "1993-09-24", "day", null, PUBLIC],
  // Alliance members (founding members from 4 April 1949).
  ...["USA", "GBR", "FRA", "ITA", "NLD", "NOR", "CAN"].map(
    (code): MembershipSeed => [code, "alliance_member", "1949-04-04", "day", null, PUBLIC],
  ),
  ["TUR", "alliance_member", "1952-02-18", "day", null, PUBLIC],
  ["GRC", "alliance_member", "1952-02-18", "day", null, PUBLIC],
  ["DEU", "alliance_member", "1955-05-06", "day", null, PUBLIC],
  ["POL", "alliance_member", "1999-03-12", "day", null, PUBLIC],
  ["HUN", "alliance_member", "1999-03-12", "day", null, PUBLIC],
  ["CZE", "alliance_member", "1999-03-12", "day", null, PUBLIC],
  ["ROU", "alliance_member", "2004-03-29", "day", null, PUBLIC],
  ["BGR", "alliance_member", "2004-03-29", "day", null, PUBLIC],
  ["LTU", "alliance_member", "2004-03-29", "day", null, PUBLIC],
  ["FIN", "alliance_member", "2023-04-04", "day", null, PUBLIC],
  ["SWE", "alliance_member", "2024-03-07", "day", null, PUBLIC],
  // Partners in the partnership programme (year precision where only the year is recorded here).
  ...["GEO", "UKR", "MDA", "ARM", "KAZ", "KGZ", "UZB", "TKM", "BLR", "AUT", "CHE"].map(
    (code): MembershipSeed => [
      code,
      "partnership_for_peace",
      code === "AUT" || code === "CHE" ? "1995-01-01" : "1994-01-01",
      "year",
      null,
      PUBLIC,
    ],
  ),
  ["SWE", "partnership_for_peace", "1994-05-09", "day", "2024-03-06", PUBLIC],
  ["FIN", "partnership_for_peace", "1994-05-09", "day", "2023-04-03", PUBLIC],
  ["ROU", "partnership_for_peace", "1994-01-26", "day", "2004-03-28", PUBLIC],
  ["LTU", "partnership_for_peace", "1994-01-27", "day", "2004-03-28", PUBLIC],
  ["BGR", "partnership_for_peace", "1994-02-14", "day", "2004-03-28", PUBLIC],
  // CIS member states.
  ...["ARM", "BLR", "KAZ", "KGZ", "MDA", "RUS", "TJK", "UZB"].map(
    (code): MembershipSeed => [code, "cis_member", "1991-12-21", "day", null, PUBLIC],
  ),
];

type OrganisationSeed = {
  code: string;
  nameEn: string;
  nameAz?: string;
  nameRu?: string;
  kind: string;
  nation?: string;
  parent?: string;
  city?: string;
  foundingAct?: string;
  foundedOn?: string;
  charterYear?: number;
};

const ORGANISATIONS: OrganisationSeed[] = [
  {
    code: "NATO",
    nameEn: "North Atlantic Treaty Organization",
    nameAz: "Şimali Atlantika Müqaviləsi Təşkilatı",
    nameRu: "Организация Североатлантического договора",
    kind: "international_organisation",
    city: "Brussels",
  },
  {
    code: "ACO",
    nameEn: "Allied Command Operations",
    nameAz: "Müttəfiq Əməliyyatlar Komandanlığı",
    nameRu: "Командование союзных сил по операциям",
    kind: "command",
    parent: "NATO",
    city: "Mons",
  },
  {
    code: "ACT",
    nameEn: "Allied Command Transformation",
    nameAz: "Müttəfiq Transformasiya Komandanlığı",
    nameRu: "Командование союзных сил по трансформации",
    kind: "command",
    parent: "NATO",
    city: "Norfolk",
  },
  {
    code: "NATO-SCHOOL",
    nameEn: "NATO School Oberammergau",
    nameAz: "NATO Məktəbi (Oberammerqau)",
    nameRu: "Школа НАТО в Обераммергау",
    kind: "school",
    parent: "ACT",
    city: "Oberammergau",
  },
  {
    code: "NATO-PA",
    nameEn: "NATO Parliamentary Assembly",
    nameAz: "NATO Parlament Assambleyası",
    nameRu: "Парламентская ассамблея НАТО",
    kind: "parliamentary_assembly",
    parent: "NATO",
    city: "Brussels",
  },
  {
    code: "EAPC",
    nameEn: "Euro-Atlantic Partnership Council",
    nameAz: "Avro-Atlantik Tərəfdaşlıq Şurası",
    nameRu: "Совет евроатлантического партнёрства",
    kind: "agency",
    parent: "NATO",
    city: "Brussels",
  },
  {
    code: "EAPC-WG-CEI",
    nameEn: "EAPC working group on critical energy infrastructure protection and counter-terrorism",
    nameAz: "Kritik enerji infrastrukturunun mühafizəsi və terrorizmlə mübarizə üzrə AATŞ işçi qrupu",
    nameRu: "Рабочая группа СЕАП по защите критической энергетической инфраструктуры и борьбе с терроризмом",
    kind: "agency",
    parent: "EAPC",
  },
  {
    code: "CIS",
    nameEn: "Commonwealth of Independent States",
    nameAz: "Müstəqil Dövlətlər Birliyi",
    nameRu: "Содружество Независимых Государств",
    kind: "international_organisation",
    city: "Minsk",
  },
  {
    code: "CIS-ATC",
    nameEn: "CIS Anti-Terrorism Center",
    nameAz: "MDB Antiterror Mərkəzi",
    nameRu: "Антитеррористический центр СНГ",
    kind: "coordination_centre",
    parent: "CIS",
    city: "Moscow",
  },
  {
    code: "CIS-ATC-BISHKEK",
    nameEn: "CIS Anti-Terrorism Center regional office (Bishkek)",
    nameAz: "MDB Antiterror Mərkəzinin regional şöbəsi (Bişkek)",
    nameRu: "Региональное подразделение АТЦ СНГ (Бишкек)",
    kind: "regional_office",
    parent: "CIS-ATC",
    city: "Bishkek",
  },
  {
    code: "AZE-MOD",
    nameEn: "Ministry of Defence of Azerbaijan",
    nameAz: "Azərbaycan Respublikası Müdafiə Nazirliyi",
    nameRu: "Министерство обороны Азербайджана",
    kind: "ministry",
    nation: "AZE",
    city: "Baku",
  },
  {
    code: "AZE-MFA",
    nameEn: "Ministry of Foreign Affairs of Azerbaijan",
    nameAz: "Azərbaycan Respublikası Xarici İşlər Nazirliyi",
    nameRu: "Министерство иностранных дел Азербайджана",
    kind: "ministry",
    nation: "AZE",
    city: "Baku",
  },
  {
    code: "AZE-SSS",
    nameEn: "State Security Service of Azerbaijan",
    nameAz: "Azərbaycan Respublikası Dövlət Təhlükəsizliyi Xidməti",
    nameRu: "Служба государственной безопасности Азербайджана",
    kind: "security_service",
    nation: "AZE",
    city: "Baku",
  },
  {
    code: "AZE-SSS-ATTC",
    nameEn: "Anti-Terror Training Centre of the State Security Service",
    nameAz: "Dövlət Təhlükəsizliyi Xidmətinin Antiterror Təlim Mərkəzi",
    nameRu: "Антитеррористический учебный центр Службы государственной безопасности",
    kind: "training_centre",
    nation: "AZE",
    parent: "AZE-SSS",
    city: "Baku",
    foundingAct: "Decree No. 363",
    foundedOn: "2014-11-20",
    charterYear: 2016,
  },
  {
    code: "AZE-NDU",
    nameEn: "National Defence University",
    nameAz: "Milli Müdafiə Universiteti",
    nameRu: "Национальный университет обороны",
    kind: "university",
    nation: "AZE",
    parent: "AZE-MOD",
    city: "Baku",
  },
  {
    code: "AZE-NDU-WGC",
    nameEn: "War Games Centre of the National Defence University",
    nameAz: "Milli Müdafiə Universitetinin Hərbi Oyunlar Mərkəzi",
    nameRu: "Центр военных игр Национального университета обороны",
    kind: "training_centre",
    nation: "AZE",
    parent: "AZE-NDU",
    city: "Baku",
  },
  {
    code: "AZE-PARTNERSHIP-OFFICE",
    nameEn: "Partnership office of the Ministry of Defence",
    nameAz: "Müdafiə Nazirliyinin tərəfdaşlıq ofisi",
    nameRu: "Офис партнёрства Министерства обороны",
    kind: "other",
    nation: "AZE",
    parent: "AZE-MOD",
    city: "Baku",
  },
  {
    code: "AZE-LF",
    nameEn: "Land Forces of Azerbaijan",
    nameAz: "Azərbaycan Quru Qoşunları",
    nameRu: "Сухопутные войска Азербайджана",
    kind: "armed_forces",
    nation: "AZE",
    parent: "AZE-MOD",
    city: "Baku",
  },
  {
    code: "TUR-TGS",
    nameEn: "Turkish General Staff",
    nameAz: "Türkiyə Baş Qərargahı",
    nameRu: "Генеральный штаб Турции",
    kind: "armed_forces",
    nation: "TUR",
    city: "Ankara",
  },
  {
    code: "KGZ-SCNS-ATC",
    nameEn: "National anti-terrorism centre of Kyrgyzstan",
    nameAz: "Qırğızıstanın milli antiterror mərkəzi",
    nameRu: "Национальный антитеррористический центр Кыргызстана",
    kind: "anti_terror_centre",
    nation: "KGZ",
    city: "Bishkek",
  },
  {
    code: "KAZ-NSC-ATC",
    nameEn: "Anti-terrorism centre of Kazakhstan",
    nameAz: "Qazaxıstanın antiterror mərkəzi",
    nameRu: "Антитеррористический центр Казахстана",
    kind: "anti_terror_centre",
    nation: "KAZ",
    city: "Astana",
  },
];

type PersonSeed = {
  email: string;
  givenName: string;
  familyName: string;
  rankTitle: string;
  nation: string;
  organisation: string;
  position: string;
  languages: string[];
};

/** Sample people (invented for the demo; not from the source material). */
export const DEMO_PEOPLE: PersonSeed[] = [
  {
    email: "r.aliyev@example.az",
    givenName: "Rashad",
    familyName: "Aliyev",
    rankTitle: "Colonel",
    nation: "AZE",
    organisation: "AZE-PARTNERSHIP-OFFICE",
    position: "National point of contact (sample)",
    languages: ["az", "en", "ru"],
  },
  {
    email: "l.mammadova@example.az",
    givenName: "Leyla",
    familyName: "Mammadova",
    rankTitle: "Major",
    nation: "AZE",
    organisation: "AZE-NDU-WGC",
    position: "CREVAL course director (sample)",
    languages: ["az", "en", "ru"],
  },
  {
    email: "e.huseynov@example.az",
    givenName: "Elvin",
    familyName: "Huseynov",
    rankTitle: "Captain",
    nation: "AZE",
    organisation: "AZE-LF",
    position: "Staff officer (sample)",
    languages: ["az", "en"],
  },
  {
    email: "k.weber@example.int",
    givenName: "Katrin",
    familyName: "Weber",
    rankTitle: "Lieutenant Colonel",
    nation: "DEU",
    organisation: "NATO-SCHOOL",
    position: "Course organiser (sample)",
    languages: ["de", "en"],
  },
  {
    email: "m.yilmaz@example.tr",
    givenName: "Mehmet",
    familyName: "Yılmaz",
    rankTitle: "Lieutenant Colonel",
    nation: "TUR",
    organisation: "TUR-TGS",
    position: "Certified evaluator (sample)",
    languages: ["tr", "en"],
  },
  {
    email: "j.carter@example.int",
    givenName: "James",
    familyName: "Carter",
    rankTitle: "Mr",
    nation: "GBR",
    organisation: "NATO",
    position: "Auditor (sample)",
    languages: ["en"],
  },
  {
    email: "a.beridze@example.ge",
    givenName: "Giorgi",
    familyName: "Beridze",
    rankTitle: "Major",
    nation: "GEO",
    organisation: "NATO-SCHOOL",
    position: "Partner liaison (sample)",
    languages: ["ka", "en", "ru"],
  },
];

export async function seedDirectory(db: Db): Promise<void> {
  await db
    .insertInto("nation")
    .values(NATIONS.map(([code, nameEn, nameAz, nameRu]) => ({ code, nameEn, nameAz, nameRu })))
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const nations = new Map(
    (await db.selectFrom("nation").select(["id", "code"]).execute()).map((n) => [n.code, n.id]),
  );

  for (const [code, kind, startedOn, startPrecision, endedOn, source] of MEMBERSHIPS) {
    const nationId = nations.get(code)!;
    const exists = await db
      .selectFrom("nationMembership")
      .select("id")
      .where("nationId", "=", nationId)
      .where("kind", "=", kind)
      .where("startedOn", "=", startedOn)
      .executeTakeFirst();
    if (!exists) {
      await db
        .insertInto("nationMembership")
        .values({ nationId, kind, startedOn, startPrecision, endedOn, source })
        .execute();
    }
  }

  for (const organisation of ORGANISATIONS) {
    const { nation, parent, ...fields } = organisation;
    const parentId = parent
      ? (
          await db
            .selectFrom("organisation")
            .select("id")
            .where("code", "=", parent)
            .executeTakeFirstOrThrow()
        ).id
      : null;
    await db
      .insertInto("organisation")
      .values({ ...fields, nationId: nation ? nations.get(nation)! : null, parentId })
      .onConflict((oc) => oc.column("code").doNothing())
      .execute();
  }

  for (const person of DEMO_PEOPLE) {
    const existing = await db
      .selectFrom("person")
      .select("id")
      .where(sql<boolean>`lower(email) = ${person.email}`)
      .executeTakeFirst();
    if (existing) continue;
    const nationId = nations.get(person.nation)!;
    const row = await db
      .insertInto("person")
      .values({
        givenName: person.givenName,
        familyName: person.familyName,
        rankTitle: person.rankTitle,
        nationId,
        email: person.email,
        languages: person.languages,
        ownerNationId: nationId,
        releasability: "internal",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const organisationId = (
      await db
        .selectFrom("organisation")
        .select("id")
        .where("code", "=", person.organisation)
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto("personAffiliation")
      .values({ personId: row.id, organisationId, position: person.position, startedOn: "2020-01-01" })
      .execute();
  }
}
