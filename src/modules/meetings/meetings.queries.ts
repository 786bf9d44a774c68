import { type ExpressionBuilder, type Kysely, sql, type Transaction } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/schema/index.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import { nationRef, organisationRef } from "../../platform/record-refs.js";
import type { DecisionInput, DecisionPatch, MeetingQuery, SeriesQuery } from "./meetings.schemas.js";

export type Q = Kysely<DB>;

export const matches = (column: string, q: string) =>
  sql<boolean>`${sql.ref(column)} @@ accord_search_query(${q})`;
export const uuids = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

export { nationRef, organisationRef };

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
  ...releaseColumns("meetingSeries"),
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
  return pageOf(query, items.orderBy("meetingSeries.code"), base);
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
      ...releaseColumns("meeting"),
    ])
    .select((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom("meetingSeries as rs")
          .select(["rs.id", "rs.code", "rs.kind", "rs.titleEn", "rs.titleRu", "rs.titleAz"])
          .whereRef("rs.id", "=", "meeting.seriesId"),
      )
        .$notNull()
        .as("series"),
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
  return pageOf(query, items.orderBy("meeting.startsOn", "desc").orderBy("meeting.id"), base);
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

// ------------------------------------------------------------------ writes
type Trx = Transaction<DB>;

export const nextAgendaPosition = async (trx: Trx, meetingId: string) =>
  (
    await trx
      .selectFrom("meetingAgendaItem")
      .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
      .where("meetingId", "=", meetingId)
      .executeTakeFirstOrThrow()
  ).next;

export const isAgendaItemOf = async (db: Q, meetingId: string, itemId: string) =>
  !!(await db
    .selectFrom("meetingAgendaItem")
    .select("id")
    .where("id", "=", itemId)
    .where("meetingId", "=", meetingId)
    .executeTakeFirst());

/** The stored file of a document on the meeting's agenda. */
export const agendaDocumentFile = async (db: Q, meetingId: string, documentId: string) =>
  (
    await db
      .selectFrom("meetingAgendaDocument as d")
      .innerJoin("meetingAgendaItem as i", "i.id", "d.agendaItemId")
      .select("d.fileId")
      .where("d.id", "=", documentId)
      .where("i.meetingId", "=", meetingId)
      .executeTakeFirst()
  )?.fileId;

/** Increments the meeting's decision counter (taking its row lock) and answers the new number. */
export const takeDecisionNumber = (trx: Trx, meetingId: string) =>
  trx
    .updateTable("meeting")
    .set((eb) => ({ lastDecisionNumber: eb("lastDecisionNumber", "+", 1) }))
    .where("id", "=", meetingId)
    .returning(["lastDecisionNumber", "number", "seriesId"])
    .executeTakeFirstOrThrow();

export const insertDecisionTexts = (trx: Trx, decisionId: string, texts: DecisionInput["texts"]) =>
  trx
    .insertInto("meetingDecisionText")
    .values(texts.map((text) => ({ ...text, decisionId })))
    .execute();

/** A new title, and each text given inserted or replaced in its language. */
export async function writeDecisionChanges(trx: Trx, id: string, patch: DecisionPatch) {
  if (patch.title)
    await trx.updateTable("meetingDecision").set({ title: patch.title }).where("id", "=", id).execute();
  for (const text of patch.texts ?? []) {
    await trx
      .insertInto("meetingDecisionText")
      .values({ ...text, decisionId: id })
      .onConflict((oc) =>
        oc.columns(["decisionId", "language"]).doUpdateSet({
          body: text.body,
          ...(text.translationStatus ? { translationStatus: text.translationStatus } : {}),
        }),
      )
      .execute();
  }
}
