import type { Db } from "../../db/database.js";
import { findIdBy } from "../../platform/find-id-by.js";
import { codeLookup } from "../../seed/code-lookup.seed.js";
import { SOURCES } from "../../seed/sources.js";
import { decisionReference } from "./roman.js";

type SeriesSeed = {
  code: string;
  kind: string;
  titleEn: string;
  titleAz: string;
  titleRu: string;
  description: string;
  owner: string;
  sinceYear: number | null;
  sample: boolean;
};

const DOMAIN = `Source: ${SOURCES.cisAtc}.`;

const SERIES: SeriesSeed[] = [
  {
    code: "CIS-ATC-ASSEMBLY",
    kind: "assembly",
    titleEn: "Annual assembly of the heads of anti-terrorism units of the security bodies",
    titleAz: "Təhlükəsizlik orqanlarının antiterror bölmələri rəhbərlərinin illik toplantısı",
    titleRu: "Ежегодное совещание руководителей антитеррористических подразделений органов безопасности",
    description: `Annual assemblies convened by the CIS Anti-Terrorism Center. ${DOMAIN}`,
    owner: "CIS-ATC",
    sinceYear: null,
    sample: false,
  },
  {
    code: "CIS-ATC-HEADS-NATC",
    kind: "heads_meeting",
    titleEn: "Meeting of the heads of national anti-terrorism centres",
    titleAz: "Milli antiterror mərkəzləri rəhbərlərinin görüşü",
    titleRu: "Совещание руководителей национальных антитеррористических центров",
    description: `Annual and numbered since 2008 (the XII meeting was held in 2019). ${DOMAIN}`,
    owner: "CIS-ATC",
    sinceYear: 2008,
    sample: false,
  },
  {
    code: "CIS-ATC-REPRESENTATIVES",
    kind: "representatives_meeting",
    titleEn: "Meeting of the authorised representatives of the member states at the Center",
    titleAz: "Üzv dövlətlərin Mərkəzdəki səlahiyyətli nümayəndələrinin görüşü",
    titleRu: "Совещание полномочных представителей государств-участников при Центре",
    description: DOMAIN,
    owner: "CIS-ATC",
    sinceYear: null,
    sample: false,
  },
  {
    code: "CIS-ATC-BISHKEK-CONSULT",
    kind: "expert_consultation",
    titleEn: "Regional expert consultations at the Bishkek regional office",
    titleAz: "Bişkek regional ofisində regional ekspert məsləhətləşmələri",
    titleRu: "Региональные экспертные консультации в Бишкекском региональном отделении",
    description: `Held since 2011 at the Center's regional office in Bishkek. ${DOMAIN}`,
    owner: "CIS-ATC-BISHKEK",
    sinceYear: 2011,
    sample: false,
  },
  {
    code: "NATO-AZE-POLITICAL-DIALOGUE",
    kind: "political_dialogue",
    titleEn: "Political dialogue meetings with the partner (sample)",
    titleAz: "Tərəfdaşla siyasi dialoq görüşləri (nümunə)",
    titleRu: "Встречи политического диалога с партнёром (образец)",
    description: "Sample series: the source mentions political dialogue without dates.",
    owner: "NATO",
    sinceYear: null,
    sample: true,
  },
  {
    code: "NATO-PA-VISITS",
    kind: "official_visit",
    titleEn: "Official visits of the NATO Parliamentary Assembly",
    titleAz: "NATO Parlament Assambleyasının rəsmi səfərləri",
    titleRu: "Официальные визиты Парламентской ассамблеи НАТО",
    description: DOMAIN,
    owner: "NATO-PA",
    sinceYear: null,
    sample: false,
  },
];

type MeetingSeed = {
  series: string;
  number: number;
  title?: string;
  startsOn: string;
  endsOn: string;
  city: string;
  venue?: string;
  hostNation?: string;
  hostOrganisation?: string;
  status: string;
  minutes?: string;
  sample: boolean;
  sampleNote?: string;
  agenda: {
    title: string;
    presenterName?: string;
    presenterOrganisation?: string;
    presenterNation?: string;
  }[];
  delegations: {
    nation?: string;
    organisation?: string;
    headName: string;
    members?: { name: string; position?: string }[];
  }[];
  decisions: { title: string; en: string; ru: string }[];
};

const SAMPLE_DETAILS =
  "Dates, venue, agenda, delegations and decisions are sample data; the number and year are from the source.";

const MEETINGS: MeetingSeed[] = [
  {
    series: "CIS-ATC-HEADS-NATC",
    number: 11,
    startsOn: "2018-10-10",
    endsOn: "2018-10-11",
    city: "Moscow",
    hostOrganisation: "CIS-ATC",
    status: "held",
    minutes:
      "Sample minutes: the heads of the national centres reviewed the exchange of information on foreign terrorist fighters.",
    sample: true,
    sampleNote: "Invented meeting (sample): the series' XI meeting would fall in 2018.",
    agenda: [
      {
        title: "Exchange of information on foreign terrorist fighters (sample)",
        presenterOrganisation: "CIS-ATC",
      },
      {
        title: "Preparation of a joint anti-terrorism exercise (sample)",
        presenterOrganisation: "KAZ-NSC-ATC",
      },
    ],
    delegations: [
      { organisation: "CIS-ATC", headName: "Head of the Center (sample)" },
      { nation: "KAZ", headName: "Head of the national anti-terrorism centre (sample)" },
      { nation: "KGZ", headName: "Head of the national anti-terrorism centre (sample)" },
    ],
    decisions: [
      {
        title: "Common format for reports on foreign terrorist fighters (sample)",
        en: "The national centres shall report in the common format agreed at this meeting (sample text).",
        ru: "Национальным центрам представлять сведения в согласованном на совещании формате (образец).",
      },
    ],
  },
  {
    series: "CIS-ATC-HEADS-NATC",
    number: 12,
    startsOn: "2019-10-16",
    endsOn: "2019-10-17",
    city: "Moscow",
    venue: "CIS Anti-Terrorism Center (sample)",
    hostOrganisation: "CIS-ATC",
    status: "held",
    minutes:
      "Sample minutes: the XII meeting heard reports of the national centres, reviewed the action items of the XI meeting and adopted three decisions.",
    sample: true,
    sampleNote: SAMPLE_DETAILS,
    agenda: [
      { title: "Opening and adoption of the agenda", presenterOrganisation: "CIS-ATC" },
      { title: "Review of the action items of the XI meeting", presenterOrganisation: "CIS-ATC" },
      {
        title: "Reports of the national anti-terrorism centres (sample)",
        presenterOrganisation: "KGZ-SCNS-ATC",
      },
      {
        title: "Regional expert consultations in Bishkek: results (sample)",
        presenterOrganisation: "CIS-ATC-BISHKEK",
      },
    ],
    delegations: [
      {
        organisation: "CIS-ATC",
        headName: "Head of the Center (sample)",
        members: [{ name: "Secretary of the meeting (sample)", position: "Secretariat" }],
      },
      { nation: "AZE", headName: "Representative of the State Security Service (sample)" },
      { nation: "KAZ", headName: "Head of the national anti-terrorism centre (sample)" },
      {
        nation: "KGZ",
        headName: "Head of the anti-terrorism centre of the State Committee for National Security (sample)",
        members: [{ name: "Expert (sample)", position: "Analyst" }],
      },
    ],
    decisions: [
      {
        title: "Report of the Center on the threat situation (sample)",
        en: "To take note of the report of the Center on the terrorist threat in the region (sample text).",
        ru: "Принять к сведению доклад Центра о террористической угрозе в регионе (образец).",
      },
      {
        title: "Programme of regional expert consultations (sample)",
        en: "To approve the programme of regional expert consultations at the Bishkek office (sample text).",
        ru: "Утвердить программу региональных экспертных консультаций в Бишкекском отделении (образец).",
      },
      {
        title: "Next meeting (sample)",
        en: "To hold the XIII meeting in 2020 (sample text).",
        ru: "Провести XIII совещание в 2020 году (образец).",
      },
    ],
  },
  {
    series: "CIS-ATC-BISHKEK-CONSULT",
    number: 1,
    startsOn: "2011-06-14",
    endsOn: "2011-06-15",
    city: "Bishkek",
    hostOrganisation: "CIS-ATC-BISHKEK",
    status: "held",
    sample: true,
    sampleNote: "The consultations began in 2011 (source); the dates and content are sample data.",
    agenda: [{ title: "Regional threat assessment (sample)", presenterOrganisation: "CIS-ATC-BISHKEK" }],
    delegations: [
      { nation: "KGZ", headName: "Head of delegation (sample)" },
      { nation: "KAZ", headName: "Head of delegation (sample)" },
      { nation: "TJK", headName: "Head of delegation (sample)" },
    ],
    decisions: [],
  },
  {
    series: "NATO-PA-VISITS",
    number: 1,
    title: "Visit of the President of the NATO Parliamentary Assembly to Baku",
    startsOn: "2002-01-01",
    endsOn: "2002-01-31",
    city: "Baku",
    hostNation: "AZE",
    status: "held",
    minutes:
      "The President of the NATO Parliamentary Assembly visited Baku in January 2002 and met the head of state, the speaker of the parliament and the ministers of defence and foreign affairs.",
    sample: false,
    sampleNote: "The source gives the month only (January 2002): the dates span the month.",
    agenda: [
      { title: "Meeting with the head of state", presenterNation: "AZE" },
      { title: "Meeting with the speaker of the parliament", presenterNation: "AZE" },
      { title: "Meeting with the minister of defence", presenterOrganisation: "AZE-MOD" },
      { title: "Meeting with the minister of foreign affairs", presenterOrganisation: "AZE-MFA" },
    ],
    delegations: [
      { organisation: "NATO-PA", headName: "President of the NATO Parliamentary Assembly" },
      { nation: "AZE", headName: "Host nation" },
    ],
    decisions: [],
  },
];

type ActionSeed = {
  series: string;
  raisedAt: number;
  decision?: number;
  title: string;
  nation?: string;
  organisation?: string;
  deadline: string;
  status: string;
  closedOn?: string;
  evidence?: string;
  reviews: { at: number; status: string; note: string }[];
};

const ACTIONS: ActionSeed[] = [
  {
    series: "CIS-ATC-HEADS-NATC",
    raisedAt: 11,
    decision: 1,
    title: "Submit the first report in the common format (sample)",
    organisation: "KGZ-SCNS-ATC",
    deadline: "2019-03-31",
    status: "done",
    closedOn: "2019-10-16",
    evidence: "Report submitted to the Center (sample).",
    reviews: [{ at: 12, status: "done", note: "Closed at the XII meeting (sample)." }],
  },
  {
    series: "CIS-ATC-HEADS-NATC",
    raisedAt: 11,
    decision: 1,
    title: "Nominate a contact point for the common reporting format (sample)",
    organisation: "KAZ-NSC-ATC",
    deadline: "2019-06-30",
    status: "in_progress",
    reviews: [{ at: 12, status: "in_progress", note: "Carried over to the next meeting (sample)." }],
  },
  {
    series: "CIS-ATC-HEADS-NATC",
    raisedAt: 12,
    decision: 2,
    title: "Propose topics for the regional expert consultations (sample)",
    organisation: "AZE-SSS",
    deadline: "2020-02-28",
    status: "open",
    reviews: [],
  },
  {
    series: "CIS-ATC-HEADS-NATC",
    raisedAt: 12,
    decision: 3,
    title: "Prepare the draft agenda of the XIII meeting (sample)",
    organisation: "CIS-ATC",
    deadline: "2099-12-31",
    status: "open",
    reviews: [],
  },
];

type MessageSeed = {
  subject: string;
  body: string;
  sender: string;
  recipients: string[];
  acknowledgedBy: string[];
};

const MESSAGES: MessageSeed[] = [
  {
    subject: "Draft agenda of the XII meeting of heads of national anti-terrorism centres (sample)",
    body: "Dear colleagues, please find the draft agenda of the XII meeting. Comments are welcome (sample message).",
    sender: "CIS-ATC",
    recipients: ["KGZ-SCNS-ATC", "KAZ-NSC-ATC", "AZE-SSS"],
    acknowledgedBy: ["KGZ-SCNS-ATC"],
  },
  {
    subject: "Materials of the regional expert consultation in Bishkek (sample)",
    body: "The regional office shares the materials of the consultation with the participating centres (sample message).",
    sender: "CIS-ATC-BISHKEK",
    recipients: ["KGZ-SCNS-ATC", "KAZ-NSC-ATC"],
    acknowledgedBy: [],
  },
];

export async function seedMeetings(db: Db): Promise<void> {
  const org = await codeLookup(db, "organisation", "seedMeetings");
  const nat = await codeLookup(db, "nation", "seedMeetings");

  await db
    .insertInto("meetingSeries")
    .values(
      SERIES.map(({ owner, ...series }) => ({
        ...series,
        organiserId: org(owner),
        ownerOrganisationId: org(owner),
        releasability: "internal",
      })),
    )
    .onConflict((oc) => oc.column("code").doNothing())
    .execute();
  const seriesIds = new Map(
    (await db.selectFrom("meetingSeries").select(["id", "code"]).execute()).map((s) => [s.code, s.id]),
  );

  const meetingIds = new Map<string, string>();
  for (const seed of MEETINGS) {
    const seriesId = seriesIds.get(seed.series)!;
    const series = await db
      .selectFrom("meetingSeries")
      .selectAll()
      .where("id", "=", seriesId)
      .executeTakeFirstOrThrow();
    let meeting = await findIdBy(db, "meeting", { seriesId, number: seed.number });
    if (!meeting) {
      meeting = await db
        .insertInto("meeting")
        .values({
          seriesId,
          number: seed.number,
          title: seed.title ?? null,
          startsOn: seed.startsOn,
          endsOn: seed.endsOn,
          city: seed.city,
          venue: seed.venue ?? null,
          hostNationId: seed.hostNation ? nat(seed.hostNation) : null,
          hostOrganisationId: seed.hostOrganisation ? org(seed.hostOrganisation) : null,
          status: seed.status,
          minutes: seed.minutes ?? null,
          sample: seed.sample,
          sampleNote: seed.sampleNote ?? null,
          ownerNationId: series.ownerNationId,
          ownerOrganisationId: series.ownerOrganisationId,
          releasability: series.releasability,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await db
        .insertInto("meetingAgendaItem")
        .values(
          seed.agenda.map((item, index) => ({
            meetingId: meeting!.id,
            position: index + 1,
            title: item.title,
            presenterName: item.presenterName ?? null,
            presenterNationId: item.presenterNation ? nat(item.presenterNation) : null,
            presenterOrganisationId: item.presenterOrganisation ? org(item.presenterOrganisation) : null,
          })),
        )
        .execute();
      await db
        .insertInto("meetingDelegation")
        .values(
          seed.delegations.map((d) => ({
            meetingId: meeting!.id,
            nationId: d.nation ? nat(d.nation) : null,
            organisationId: d.organisation ? org(d.organisation) : null,
            headName: d.headName,
            members: JSON.stringify(d.members ?? []),
          })),
        )
        .execute();
      for (const [index, decision] of seed.decisions.entries()) {
        const row = await db
          .insertInto("meetingDecision")
          .values({
            seriesId,
            meetingId: meeting.id,
            number: index + 1,
            reference: decisionReference(seed.number, index + 1),
            title: decision.title,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db
          .insertInto("meetingDecisionText")
          .values([
            { decisionId: row.id, language: "ru", body: decision.ru, translationStatus: "original" },
            { decisionId: row.id, language: "en", body: decision.en, translationStatus: "official" },
          ])
          .execute();
      }
      await db
        .updateTable("meeting")
        .set({ lastDecisionNumber: seed.decisions.length })
        .where("id", "=", meeting.id)
        .execute();
    }
    meetingIds.set(`${seed.series}:${seed.number}`, meeting.id);
  }

  for (const seed of ACTIONS) {
    const seriesId = seriesIds.get(seed.series)!;
    const raisedMeetingId = meetingIds.get(`${seed.series}:${seed.raisedAt}`)!;
    if (await findIdBy(db, "meetingActionItem", { raisedMeetingId, title: seed.title })) continue;
    const decision = seed.decision
      ? await findIdBy(db, "meetingDecision", { meetingId: raisedMeetingId, number: seed.decision })
      : undefined;
    const item = await db
      .insertInto("meetingActionItem")
      .values({
        seriesId,
        raisedMeetingId,
        decisionId: decision?.id ?? null,
        title: seed.title,
        assigneeNationId: seed.nation ? nat(seed.nation) : null,
        assigneeOrganisationId: seed.organisation ? org(seed.organisation) : null,
        deadline: seed.deadline,
        status: seed.status,
        closedOn: seed.closedOn ?? null,
        evidence: seed.evidence ?? null,
        sample: true,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const review of seed.reviews) {
      await db
        .insertInto("meetingActionReview")
        .values({
          actionItemId: item.id,
          meetingId: meetingIds.get(`${seed.series}:${review.at}`)!,
          status: review.status,
          note: review.note,
        })
        .execute();
    }
  }

  for (const seed of MESSAGES) {
    if (await findIdBy(db, "exchangeMessage", { subject: seed.subject, sample: true })) continue;
    const id = crypto.randomUUID();
    const recipients = seed.recipients.map(org);
    await db
      .insertInto("exchangeMessage")
      .values({
        id,
        threadId: id,
        senderOrganisationId: org(seed.sender),
        subject: seed.subject,
        body: seed.body,
        releaseOrganisations: [...recipients, org(seed.sender)],
        sample: true,
        sentAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
      })
      .execute();
    const rows = await db
      .insertInto("exchangeRecipient")
      .values(recipients.map((organisationId) => ({ messageId: id, organisationId })))
      .returning(["id", "organisationId"])
      .execute();
    const acknowledged = rows.filter((row) => seed.acknowledgedBy.map(org).includes(row.organisationId!));
    if (acknowledged.length) {
      await db
        .insertInto("exchangeAcknowledgement")
        .values(
          acknowledged.map((row) => ({
            recipientId: row.id,
            acknowledgedAt: new Date(Date.now() - 86_400_000).toISOString(),
          })),
        )
        .execute();
    }
  }
}
