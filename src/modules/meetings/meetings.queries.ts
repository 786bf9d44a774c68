import { type ExpressionBuilder, type Kysely, type RawBuilder, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import type { ActionItemQuery, MeetingQuery, MessageQuery, SeriesQuery } from "./meetings.schemas.js";

type Q = Kysely<DB>;

const matches = (column: string, q: string) => sql<boolean>`${sql.ref(column)} @@ accord_search_query(${q})`;
const uuids = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

const nationRef = (eb: ExpressionBuilder<DB, never>, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("nation as rn")
      .select(["rn.id", "rn.code", "rn.nameEn"])
      .where("rn.id", "=", sql.ref<string>(column)),
  );
const organisationRef = (eb: ExpressionBuilder<DB, never>, column: string) =>
  jsonObjectFrom(
    eb
      .selectFrom("organisation as ro")
      .select(["ro.id", "ro.code", "ro.nameEn"])
      .where("ro.id", "=", sql.ref<string>(column)),
  );

// ------------------------------------------------------------------ series
const seriesColumns = [
  "meetingSeries.id",
  "meetingSeries.code",
  "meetingSeries.kind",
  "meetingSeries.titleEn",
  "meetingSeries.titleAz",
  "meetingSeries.titleRu",
  "meetingSeries.description",
  "meetingSeries.organiserId",
  "meetingSeries.sinceYear",
  "meetingSeries.sample",
  "meetingSeries.ownerNationId",
  "meetingSeries.ownerOrganisationId",
  "meetingSeries.releasability",
  "meetingSeries.releaseNations",
  "meetingSeries.releaseOrganisations",
] as const;

function seriesSelect(db: Q, viewer: Viewer) {
  return db
    .selectFrom("meetingSeries")
    .where(visibleTo(viewer, "meeting_series"))
    .select([...seriesColumns])
    .select((eb) => [
      organisationRef(eb as never, "meeting_series.organiser_id").as("organiser"),
      eb
        .selectFrom("meeting as cm")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("cm.seriesId", "=", "meetingSeries.id")
        .where(visibleTo(viewer, "cm"))
        .as("meetingCount"),
    ]);
}

export async function listSeries(db: Q, viewer: Viewer, query: SeriesQuery) {
  let base = db.selectFrom("meetingSeries").where(visibleTo(viewer, "meeting_series"));
  let items = seriesSelect(db, viewer);
  if (query.q?.trim()) {
    base = base.where(matches("meeting_series.search", query.q.trim()));
    items = items.where(matches("meeting_series.search", query.q.trim()));
  }
  if (query.kind) {
    base = base.where("meetingSeries.kind", "=", query.kind);
    items = items.where("meetingSeries.kind", "=", query.kind);
  }
  const [rows, count] = await Promise.all([
    items
      .orderBy("meetingSeries.code")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: count.total };
}

export const findSeries = (db: Q, viewer: Viewer, id: string) =>
  seriesSelect(db, viewer).where("meetingSeries.id", "=", id).executeTakeFirst();

/** The series row under an update lock: meeting numbers are assigned while it is held. */
export const lockSeries = (db: Q, id: string) =>
  db.selectFrom("meetingSeries").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();

// ------------------------------------------------------------------ meetings
function meetingSelect(db: Q, viewer: Viewer) {
  return db
    .selectFrom("meeting")
    .innerJoin("meetingSeries as s", "s.id", "meeting.seriesId")
    .where(visibleTo(viewer, "meeting"))
    .select([
      "meeting.id",
      "meeting.seriesId",
      "meeting.number",
      "meeting.title",
      "meeting.startsOn",
      "meeting.endsOn",
      "meeting.city",
      "meeting.venue",
      "meeting.activityId",
      "meeting.eventId",
      "meeting.status",
      "meeting.sample",
      "meeting.sampleNote",
      "meeting.ownerNationId",
      "meeting.ownerOrganisationId",
      "meeting.releasability",
      "meeting.releaseNations",
      "meeting.releaseOrganisations",
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("meetingSeries as rs")
          .select(["rs.id", "rs.code", "rs.kind", "rs.titleEn", "rs.titleRu", "rs.titleAz"])
          .whereRef("rs.id", "=", "meeting.seriesId"),
      ).as("series"),
      nationRef(eb as never, "meeting.host_nation_id").as("hostNation"),
      organisationRef(eb as never, "meeting.host_organisation_id").as("hostOrganisation"),
      eb
        .selectFrom("meetingDecision as d")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("d.meetingId", "=", "meeting.id")
        .as("decisionCount"),
    ]);
}

export async function listMeetings(db: Q, viewer: Viewer, query: MeetingQuery) {
  let base = db
    .selectFrom("meeting")
    .innerJoin("meetingSeries as s", "s.id", "meeting.seriesId")
    .where(visibleTo(viewer, "meeting"));
  let items = meetingSelect(db, viewer);
  if (query.seriesId) {
    base = base.where("meeting.seriesId", "=", query.seriesId);
    items = items.where("meeting.seriesId", "=", query.seriesId);
  }
  if (query.from) {
    base = base.where("meeting.endsOn", ">=", query.from);
    items = items.where("meeting.endsOn", ">=", query.from);
  }
  if (query.to) {
    base = base.where("meeting.startsOn", "<=", query.to);
    items = items.where("meeting.startsOn", "<=", query.to);
  }
  if (query.q?.trim()) {
    base = base.where(matches("s.search", query.q.trim()));
    items = items.where(matches("s.search", query.q.trim()));
  }
  const [rows, count] = await Promise.all([
    items
      .orderBy("meeting.startsOn", "desc")
      .orderBy("meeting.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: count.total };
}

export const findMeeting = (db: Q, viewer: Viewer, id: string) =>
  meetingSelect(db, viewer)
    .select(["meeting.minutes", "meeting.minutesApprovedOn"])
    .where("meeting.id", "=", id)
    .executeTakeFirst();

export const lockMeeting = (db: Q, id: string) =>
  db.selectFrom("meeting").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();

export const nextMeetingNumber = async (db: Q, seriesId: string) =>
  (
    await db
      .selectFrom("meeting")
      .select((eb) => sql<number>`coalesce(max(${eb.ref("number")}), 0) + 1`.as("next"))
      .where("seriesId", "=", seriesId)
      .executeTakeFirstOrThrow()
  ).next;

const agendaDocuments = (eb: ExpressionBuilder<DB, never>) =>
  eb
    .selectFrom("meetingAgendaDocument as fl")
    .innerJoin("storedFile as sf", "sf.id", "fl.fileId")
    .select(["fl.id", "fl.fileId", "sf.filename", "sf.contentType", "sf.sizeBytes"])
    .orderBy("fl.createdAt");

export async function meetingParts(db: Q, meetingId: string) {
  const [agenda, delegations, decisions] = await Promise.all([
    db
      .selectFrom("meetingAgendaItem as ai")
      .select(["ai.id", "ai.position", "ai.title", "ai.presenterName", "ai.note"])
      .select((eb) => [
        nationRef(eb as never, "ai.presenter_nation_id").as("presenterNation"),
        organisationRef(eb as never, "ai.presenter_organisation_id").as("presenterOrganisation"),
        jsonArrayFrom(
          agendaDocuments(eb as never).where("fl.agendaItemId", "=", sql.ref<string>("ai.id")),
        ).as("documents"),
      ])
      .where("ai.meetingId", "=", meetingId)
      .orderBy("ai.position")
      .execute(),
    db
      .selectFrom("meetingDelegation as dl")
      .leftJoin("nation as n", "n.id", "dl.nationId")
      .leftJoin("organisation as o", "o.id", "dl.organisationId")
      .select(["dl.id", "dl.headName", "dl.members"])
      .select((eb) => [
        nationRef(eb as never, "dl.nation_id").as("nation"),
        organisationRef(eb as never, "dl.organisation_id").as("organisation"),
      ])
      .where("dl.meetingId", "=", meetingId)
      .orderBy(sql`coalesce(n.code, o.code)`)
      .execute(),
    listDecisions(db, { meetingId }),
  ]);
  return { agenda, delegations, decisions };
}

export function listDecisions(
  db: Q,
  filter: { meetingId?: string; seriesId?: string; id?: string; viewer?: Viewer },
) {
  let query = db
    .selectFrom("meetingDecision as d")
    .innerJoin("meeting as dm", "dm.id", "d.meetingId")
    .select([
      "d.id",
      "d.seriesId",
      "d.meetingId",
      "dm.number as meetingNumber",
      "d.number",
      "d.reference",
      "d.title",
      "d.agendaItemId",
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("meetingDecisionText as t")
          .select(["t.language", "t.body", "t.translationStatus"])
          .whereRef("t.decisionId", "=", "d.id")
          .orderBy(sql`t.translation_status <> 'original'`)
          .orderBy("t.language"),
      ).as("texts"),
    );
  if (filter.meetingId) query = query.where("d.meetingId", "=", filter.meetingId);
  if (filter.seriesId) query = query.where("d.seriesId", "=", filter.seriesId);
  if (filter.id) query = query.where("d.id", "=", filter.id);
  if (filter.viewer) query = query.where(visibleTo(filter.viewer, "dm"));
  return query.orderBy("dm.number").orderBy("d.number").execute();
}

// ------------------------------------------------------------------ action items
const overdueAsOf = (asOf: string | null) =>
  sql<boolean>`(a.status in ('open', 'in_progress') and a.deadline is not null
    and a.deadline < coalesce(${asOf}::date, current_date))`;

function actionSelect(db: Q, viewer: Viewer, asOf: string | null) {
  return db
    .selectFrom("meetingActionItem as a")
    .innerJoin("meeting as rm", "rm.id", "a.raisedMeetingId")
    .innerJoin("meetingSeries as s", "s.id", "a.seriesId")
    .leftJoin("meetingDecision as d", "d.id", "a.decisionId")
    .where(visibleTo(viewer, "rm"))
    .select([
      "a.id",
      "a.seriesId",
      "a.raisedMeetingId",
      "a.decisionId",
      "d.reference as decisionReference",
      "a.title",
      "a.description",
      "a.deadline",
      "a.status",
      "a.closedOn",
      "a.evidence",
      "a.sample",
      "a.assigneeNationId",
      "a.assigneeOrganisationId",
      "rm.ownerNationId as meetingOwnerNationId",
      "rm.ownerOrganisationId as meetingOwnerOrganisationId",
    ])
    .select((eb) => [
      sql<{
        id: string;
        code: string;
        titleEn: string;
      }>`json_build_object('id', s.id, 'code', s.code, 'titleEn', s.title_en)`.as("series"),
      sql<{
        id: string;
        number: number;
        startsOn: string;
      }>`json_build_object('id', rm.id, 'number', rm.number, 'startsOn', rm.starts_on)`.as("raisedAt"),
      nationRef(eb as never, "a.assignee_nation_id").as("assigneeNation"),
      organisationRef(eb as never, "a.assignee_organisation_id").as("assigneeOrganisation"),
      overdueAsOf(asOf).as("overdue"),
      eb
        .selectFrom("meetingActionReview as rv")
        .select((inner) => inner.fn.countAll<number>().as("n"))
        .whereRef("rv.actionItemId", "=", "a.id")
        .as("reviewCount"),
    ]);
}

export async function listActionItems(db: Q, viewer: Viewer, query: ActionItemQuery) {
  const asOf = query.asOf ?? null;
  // The same filters apply to the page and to its count.
  const conditions = [sql<boolean>`true`];
  if (query.seriesId) conditions.push(sql<boolean>`a.series_id = ${query.seriesId}`);
  if (query.status === "not_closed") conditions.push(sql<boolean>`a.status in ('open', 'in_progress')`);
  else if (query.status) conditions.push(sql<boolean>`a.status = ${query.status}`);
  if (query.overdue === true) conditions.push(overdueAsOf(asOf));
  if (query.overdue === false) conditions.push(sql<boolean>`not ${overdueAsOf(asOf)}`);
  if (query.assigneeNationId) conditions.push(sql<boolean>`a.assignee_nation_id = ${query.assigneeNationId}`);
  if (query.assigneeOrganisationId)
    conditions.push(sql<boolean>`a.assignee_organisation_id = ${query.assigneeOrganisationId}`);
  const filter = sql<boolean>`(${sql.join(conditions, sql` and `)})`;
  const countBase = db
    .selectFrom("meetingActionItem as a")
    .innerJoin("meeting as rm", "rm.id", "a.raisedMeetingId")
    .where(visibleTo(viewer, "rm"));
  const [rows, count] = await Promise.all([
    actionSelect(db, viewer, asOf)
      .where(filter)
      .orderBy(overdueAsOf(asOf), "desc")
      .orderBy(sql`a.status in ('done', 'cancelled')`)
      .orderBy("a.deadline", (ob) => ob.asc().nullsLast())
      .orderBy("a.id")
      .limit(query.limit ?? 25)
      .offset(query.offset ?? 0)
      .execute(),
    countBase
      .where(filter)
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: count.total };
}

export const findActionItem = (db: Q, viewer: Viewer, id: string, asOf: string | null = null) =>
  actionSelect(db, viewer, asOf).where("a.id", "=", id).executeTakeFirst();

/** Items raised at the meeting, and items of earlier meetings of the series still open on the meeting's date. */
export async function meetingActionItems(
  db: Q,
  viewer: Viewer,
  meeting: { id: string; seriesId: string; startsOn: string },
) {
  const [raised, carriedOver] = await Promise.all([
    actionSelect(db, viewer, meeting.startsOn)
      .where("a.raisedMeetingId", "=", meeting.id)
      .orderBy("a.createdAt")
      .execute(),
    actionSelect(db, viewer, meeting.startsOn)
      .where("a.seriesId", "=", meeting.seriesId)
      .where("rm.startsOn", "<", meeting.startsOn)
      .where((eb) => eb.or([eb("a.closedOn", "is", null), eb("a.closedOn", ">=", meeting.startsOn)]))
      .orderBy("rm.startsOn")
      .orderBy("a.createdAt")
      .execute(),
  ]);
  return { raised, carriedOver };
}

export async function actionItemParts(db: Q, id: string) {
  const [reviews, evidenceFiles] = await Promise.all([
    db
      .selectFrom("meetingActionReview as rv")
      .innerJoin("meeting as m", "m.id", "rv.meetingId")
      .select([
        "rv.id",
        "rv.meetingId",
        "m.number as meetingNumber",
        "m.startsOn as meetingStartsOn",
        "rv.status",
        "rv.note",
        "rv.createdAt",
      ])
      .where("rv.actionItemId", "=", id)
      .orderBy("m.startsOn")
      .execute(),
    db
      .selectFrom("meetingActionEvidence as fl")
      .innerJoin("storedFile as sf", "sf.id", "fl.fileId")
      .select(["fl.id", "fl.fileId", "sf.filename", "sf.contentType", "sf.sizeBytes"])
      .where("fl.actionItemId", "=", id)
      .orderBy("fl.createdAt")
      .execute(),
  ]);
  return { reviews, evidenceFiles };
}

// ------------------------------------------------------------------ exchange
/** The parties a viewer reads (and acts) for in the exchange; `everything` for administrators and global auditors. */
export interface ExchangeScope {
  everything: boolean;
  nations: string[];
  organisations: string[];
  actNations: string[];
  actOrganisations: string[];
}

const inScope = (
  nationColumn: string,
  organisationColumn: string,
  nations: string[],
  organisations: string[],
) =>
  sql<boolean>`(${sql.ref(nationColumn)} = any(${uuids(nations)}) or ${sql.ref(organisationColumn)} = any(${uuids(organisations)}))`;

const recipientIn = (nations: string[], organisations: string[]) =>
  sql<boolean>`exists (select 1 from exchange_recipient xr where xr.message_id = m.id
    and (xr.nation_id = any(${uuids(nations)}) or xr.organisation_id = any(${uuids(organisations)})))`;

/** The exchange read rule as SQL: the sender's side, the named recipients, and readers of everything. */
export function messageVisible(scope: ExchangeScope): RawBuilder<boolean> {
  if (scope.everything) return sql<boolean>`true`;
  return sql<boolean>`(${inScope("m.sender_nation_id", "m.sender_organisation_id", scope.nations, scope.organisations)}
    or ${recipientIn(scope.nations, scope.organisations)})`;
}

const partyJson = (nationColumn: string, organisationColumn: string) => sql`coalesce(
  (select json_build_object('kind', 'nation', 'id', pn.id, 'code', pn.code, 'nameEn', pn.name_en)
     from nation pn where pn.id = ${sql.ref(nationColumn)}),
  (select json_build_object('kind', 'organisation', 'id', po.id, 'code', po.code, 'nameEn', po.name_en)
     from organisation po where po.id = ${sql.ref(organisationColumn)}))`;

const isoTime = (column: string) =>
  sql`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface MessageRow {
  id: string;
  threadId: string;
  forwardedFromId: string | null;
  sender: { kind: "nation" | "organisation"; id: string; code: string; nameEn: string };
  senderNationId: string | null;
  senderOrganisationId: string | null;
  sentBy: string | null;
  subject: string;
  excerpt: string;
  body: string;
  sentAt: Date;
  sample: boolean;
  releaseNations: string[];
  releaseOrganisations: string[];
  recipients: {
    recipientId: string;
    nationId: string | null;
    organisationId: string | null;
    party: { kind: "nation" | "organisation"; id: string; code: string; nameEn: string };
    acknowledgedAt: string | null;
    acknowledgedBy: string | null;
  }[];
  attachmentCount: number;
  side: "sender" | "recipient" | "observer";
  awaitingMyAcknowledgement: boolean;
}

function messageFilters(scope: ExchangeScope, query: Partial<MessageQuery> & { id?: string }) {
  const where = [messageVisible(scope)];
  const box = query.box ?? "all";
  if (box === "inbox") where.push(recipientIn(scope.nations, scope.organisations));
  if (box === "sent")
    where.push(inScope("m.sender_nation_id", "m.sender_organisation_id", scope.nations, scope.organisations));
  if (query.q?.trim()) where.push(sql<boolean>`m.search @@ accord_search_query(${query.q.trim()})`);
  if (query.threadId) where.push(sql<boolean>`m.thread_id = ${query.threadId}`);
  if (query.id) where.push(sql<boolean>`m.id = ${query.id}`);
  if (query.unacknowledged) where.push(awaiting(scope));
  return sql.join(where, sql` and `);
}

const awaiting = (scope: ExchangeScope) => sql<boolean>`exists (
  select 1 from exchange_recipient wr left join exchange_acknowledgement wa on wa.recipient_id = wr.id
  where wr.message_id = m.id and wa.recipient_id is null
    and (wr.nation_id = any(${uuids(scope.actNations)}) or wr.organisation_id = any(${uuids(scope.actOrganisations)})))`;

function messageColumns(scope: ExchangeScope) {
  return sql`m.id, m.thread_id, m.forwarded_from_id, m.sender_nation_id, m.sender_organisation_id,
    ${partyJson("m.sender_nation_id", "m.sender_organisation_id")} as sender,
    (select u.display_name from app_user u where u.id = m.sent_by) as sent_by,
    m.subject, left(m.body, 240) as excerpt, m.body, m.sent_at, m.sample, m.release_nations, m.release_organisations,
    (select coalesce(json_agg(json_build_object(
        'recipientId', r.id, 'nationId', r.nation_id, 'organisationId', r.organisation_id,
        'party', ${partyJson("r.nation_id", "r.organisation_id")},
        'acknowledgedAt', ${isoTime("ak.acknowledged_at")},
        'acknowledgedBy', (select u.display_name from app_user u where u.id = ak.acknowledged_by))
        order by r.nation_id nulls last, r.organisation_id), '[]'::json)
       from exchange_recipient r left join exchange_acknowledgement ak on ak.recipient_id = r.id
      where r.message_id = m.id) as recipients,
    (select count(*) from exchange_attachment x where x.message_id = m.id)::int as attachment_count,
    case
      when ${inScope("m.sender_nation_id", "m.sender_organisation_id", scope.nations, scope.organisations)} then 'sender'
      when ${recipientIn(scope.nations, scope.organisations)} then 'recipient'
      else 'observer' end as side,
    ${awaiting(scope)} as awaiting_my_acknowledgement`;
}

export async function listMessages(db: Q, scope: ExchangeScope, query: MessageQuery) {
  const where = messageFilters(scope, query);
  const [rows, count] = await Promise.all([
    sql<MessageRow>`select ${messageColumns(scope)} from exchange_message m where ${where}
      order by m.sent_at desc, m.id limit ${query.limit ?? 25} offset ${query.offset ?? 0}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from exchange_message m where ${where}`.execute(db),
  ]);
  return { items: rows.rows, total: count.rows[0]?.total ?? 0 };
}

export async function findMessage(db: Q, scope: ExchangeScope, id: string) {
  const { rows } = await sql<MessageRow>`select ${messageColumns(scope)} from exchange_message m
    where ${messageFilters(scope, { id })}`.execute(db);
  return rows[0];
}

export async function threadMessages(db: Q, scope: ExchangeScope, threadId: string) {
  const { rows } = await sql<MessageRow>`select ${messageColumns(scope)} from exchange_message m
    where ${messageFilters(scope, { threadId })} order by m.sent_at, m.id limit 100`.execute(db);
  return rows;
}

export async function exchangeCounts(db: Q, scope: ExchangeScope) {
  const { rows } = await sql<{
    inbox: number;
    awaitingAcknowledgement: number;
    sent: number;
    visible: number;
  }>`
    select
      count(*) filter (where ${recipientIn(scope.nations, scope.organisations)})::int as inbox,
      count(*) filter (where ${awaiting(scope)})::int as awaiting_acknowledgement,
      count(*) filter (where ${inScope("m.sender_nation_id", "m.sender_organisation_id", scope.nations, scope.organisations)})::int as sent,
      count(*)::int as visible
    from exchange_message m where ${messageVisible(scope)}`.execute(db);
  return rows[0]!;
}

export const attachmentsOf = (db: Q, messageId: string) =>
  db
    .selectFrom("exchangeAttachment as xa")
    .innerJoin("storedFile as sf", "sf.id", "xa.fileId")
    .select(["xa.id", "xa.fileId", "sf.filename", "sf.contentType", "sf.sizeBytes"])
    .where("xa.messageId", "=", messageId)
    .orderBy("xa.createdAt")
    .execute();

export async function parties(db: Q, nations: string[], organisations: string[]) {
  const { rows } = await sql<{ kind: "nation" | "organisation"; id: string; code: string; nameEn: string }>`
    select 'nation' as kind, id, code, name_en from nation where id = any(${uuids(nations)})
    union all
    select 'organisation', id, code, name_en from organisation where id = any(${uuids(organisations)})
    order by kind, code`.execute(db);
  return rows;
}

/** Organisations at or below the given ones. */
export async function subtree(db: Q, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from organisation where id = any(${uuids(organisationIds)})
      union
      select o.id from organisation o join tree t on o.parent_id = t.id
    ) select id from tree`.execute(db);
  return rows.map((row) => row.id);
}

export async function accessLog(db: Q, messageId: string, attachmentIds: string[]) {
  return db
    .selectFrom("auditEntry")
    .select(["occurredAt", "actorLabel as actor", "action", "recordType", "recordId"])
    .where((eb) =>
      eb.or([
        eb.and([eb("recordType", "=", "exchange_message"), eb("recordId", "=", messageId)]),
        ...(attachmentIds.length
          ? [eb.and([eb("recordType", "=", "exchange_attachment"), eb("recordId", "in", attachmentIds)])]
          : []),
      ]),
    )
    .orderBy("seq", "desc")
    .limit(500)
    .execute();
}
