import { sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import { visibleTo } from "../../platform/access/releasability.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { pageOf } from "../../platform/paging.js";
import { nationRef, organisationRef, type Q } from "./meetings.queries.js";
import type { ActionItemQuery } from "./meetings.schemas.js";

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
  return pageOf(
    query,
    actionSelect(db, viewer, asOf)
      .where(filter)
      .orderBy(overdueAsOf(asOf), "desc")
      .orderBy(sql`a.status in ('done', 'cancelled')`)
      .orderBy("a.deadline", (ob) => ob.asc().nullsLast())
      .orderBy("a.id"),
    countBase.where(filter),
  );
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

// ------------------------------------------------------------------ writes
type Trx = Transaction<DB>;

/** Today in the database's calendar, as the closing date of an item closed without one. */
export const today = sql<string>`current_date`;

export const isDecisionOfSeries = async (db: Q, decisionId: string, seriesId: string) =>
  !!(await db
    .selectFrom("meetingDecision")
    .select("id")
    .where("id", "=", decisionId)
    .where("seriesId", "=", seriesId)
    .executeTakeFirst());

export const setActionStatus = (trx: Trx, id: string, change: { status: string; closedOn: string | null }) =>
  trx.updateTable("meetingActionItem").set(change).where("id", "=", id).execute();

/** One review of an item per meeting: a second review at the same meeting replaces the first. */
export const recordReview = (
  trx: Trx,
  review: {
    actionItemId: string;
    meetingId: string;
    status: string;
    note: string | null;
    reviewedBy: string | null;
  },
) =>
  trx
    .insertInto("meetingActionReview")
    .values(review)
    .onConflict((oc) =>
      oc.columns(["actionItemId", "meetingId"]).doUpdateSet({
        status: review.status,
        note: review.note,
        reviewedBy: review.reviewedBy,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();

/** The stored file of an evidence link of the item. */
export const evidenceFile = async (db: Q, actionItemId: string, evidenceId: string) =>
  (
    await db
      .selectFrom("meetingActionEvidence")
      .select("fileId")
      .where("id", "=", evidenceId)
      .where("actionItemId", "=", actionItemId)
      .executeTakeFirst()
  )?.fileId;
