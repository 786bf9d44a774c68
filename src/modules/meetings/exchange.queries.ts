import { type Insertable, type RawBuilder, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { type Q, uuids } from "./meetings.queries.js";
import type { MessageQuery } from "./meetings.schemas.js";

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

// ------------------------------------------------------------------ writes
type Trx = Transaction<DB>;

export const insertMessage = (trx: Trx, message: Insertable<DB["exchangeMessage"]>) =>
  trx
    .insertInto("exchangeMessage")
    .values(message)
    .returning([
      "id",
      "threadId",
      "forwardedFromId",
      "senderNationId",
      "senderOrganisationId",
      "subject",
      "sentAt",
    ])
    .executeTakeFirstOrThrow();

export const insertRecipients = (trx: Trx, messageId: string, nations: string[], organisations: string[]) =>
  trx
    .insertInto("exchangeRecipient")
    .values([
      ...nations.map((nationId) => ({ messageId, nationId })),
      ...organisations.map((organisationId) => ({ messageId, organisationId })),
    ])
    .execute();

export async function insertAttachments(trx: Trx, messageId: string, fileIds: string[]) {
  if (!fileIds.length) return;
  await trx
    .insertInto("exchangeAttachment")
    .values(fileIds.map((fileId) => ({ messageId, fileId })))
    .execute();
}

/** The message under a share lock (acknowledgements wait for an attachment being added, and the reverse). */
export const shareLockMessage = (trx: Trx, id: string) =>
  trx
    .selectFrom("exchangeMessage")
    .select(["sentBy", "subject"])
    .where("id", "=", id)
    .forShare()
    .executeTakeFirstOrThrow();

/** Acknowledges for each recipient not yet acknowledged; answers the ones acknowledged now. */
export const insertAcknowledgements = (trx: Trx, recipientIds: string[], userId: string | null) =>
  trx
    .insertInto("exchangeAcknowledgement")
    .values(recipientIds.map((recipientId) => ({ recipientId, acknowledgedBy: userId })))
    .onConflict((oc) => oc.column("recipientId").doNothing())
    .returning("recipientId")
    .execute();

export const receipts = (trx: Trx, recipientIds: string[]) =>
  trx
    .selectFrom("exchangeAcknowledgement as a")
    .leftJoin("appUser as u", "u.id", "a.acknowledgedBy")
    .select(["a.recipientId", "a.acknowledgedAt", "u.displayName as acknowledgedBy"])
    .where("a.recipientId", "in", recipientIds)
    .execute();

/** Whether any recipient has acknowledged the message. */
export const isAcknowledged = async (trx: Trx, messageId: string) =>
  !!(await trx
    .selectFrom("exchangeAcknowledgement as a")
    .innerJoin("exchangeRecipient as r", "r.id", "a.recipientId")
    .select("a.acknowledgedAt")
    .where("r.messageId", "=", messageId)
    .orderBy("a.acknowledgedAt")
    .executeTakeFirst());

/** The stored file of an attachment of the message. */
export const attachmentFile = async (db: Q, messageId: string, attachmentId: string) =>
  (
    await db
      .selectFrom("exchangeAttachment")
      .select("fileId")
      .where("id", "=", attachmentId)
      .where("messageId", "=", messageId)
      .executeTakeFirst()
  )?.fileId;
