import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Viewer } from "../../platform/access/viewer.js";
import { activityVisible } from "./catalogue.queries.js";

type Q = Kysely<DB>;

export interface FeedbackEvent {
  id: string;
  status: string;
  startsOn: string;
  endsOn: string;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  activityKind: string;
  menuYear: number;
  organiserId: string;
  hostInstitutionId: string | null;
}

const eventColumns = [
  "e.id",
  "e.status",
  "e.startsOn",
  "e.endsOn",
  "a.id as activityId",
  "a.code as activityCode",
  "a.titleEn as activityTitle",
  "a.kind as activityKind",
  "a.menuYear",
  "a.organiserId",
  "a.hostInstitutionId",
] as const;

/** The event with its activity when the viewer may read the activity (releasability and drafts), else undefined. */
export async function findVisibleEvent(
  db: Q,
  viewer: Viewer,
  eventId: string,
): Promise<FeedbackEvent | undefined> {
  return db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .select(eventColumns)
    .where("e.id", "=", eventId)
    .where(activityVisible(viewer))
    .executeTakeFirst();
}

/** Whether the person has given feedback on the event `e`. */
const answeredBy =
  (personId: string) =>
  // biome-ignore lint/suspicious/noExplicitAny: applies to any query that has the event alias `e`
  (eb: ExpressionBuilder<any, any>) =>
    eb.exists(
      eb
        .selectFrom("feedbackReceipt as r")
        .select("r.id")
        .whereRef("r.eventId", "=", "e.id")
        .where("r.personId", "=", personId),
    );

/** Events with the person's accepted nomination, and whether the person has answered for each. */
const participantEvents = (db: Q, personId: string) =>
  db
    .selectFrom("event as e")
    .innerJoin("activity as a", "a.id", "e.activityId")
    .innerJoin("nomination as n", (join) =>
      join.onRef("n.eventId", "=", "e.id").on("n.personId", "=", personId).on("n.status", "=", "accepted"),
    )
    .select(eventColumns)
    .select((eb) => answeredBy(personId)(eb).$castTo<boolean>().as("answered"));

/** The event a participant was accepted for (their own nomination makes it theirs to answer, whatever its marking). */
export async function findParticipantEvent(db: Q, eventId: string, personId: string) {
  return participantEvents(db, personId).where("e.id", "=", eventId).executeTakeFirst();
}

/** Events the person took part in that ended in the last year and that they have not yet answered for. */
export async function listPending(db: Q, personId: string, today: string) {
  return participantEvents(db, personId)
    .where((eb) => eb.not(answeredBy(personId)(eb)))
    .where("e.status", "<>", "cancelled")
    .where("e.endsOn", "<", today)
    .where("e.endsOn", ">=", sql<string>`${today}::date - 365`)
    .orderBy("e.endsOn", "desc")
    .orderBy("e.id")
    .limit(100)
    .execute();
}

export async function listQuestions(db: Q, filter: { activityKind?: string; activeOnly?: boolean }) {
  let query = db
    .selectFrom("feedbackQuestion")
    .select(["id", "activityKind", "position", "answer", "textEn", "textAz", "textRu", "active"]);
  if (filter.activityKind) query = query.where("activityKind", "=", filter.activityKind);
  if (filter.activeOnly) query = query.where("active", "=", true);
  return query.orderBy("activityKind").orderBy("position").orderBy("id").execute();
}

/** Stores one anonymous set of answers: no person, no time finer than the day. */
export async function insertResponse(
  db: Q,
  eventId: string,
  answers: { questionId: string; rating: number | null; comment: string | null }[],
) {
  const response = await db
    .insertInto("feedbackResponse")
    .values({ eventId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("feedbackAnswer")
    .values(answers.map((answer) => ({ ...answer, responseId: response.id })))
    .execute();
}

export interface QuestionFigures {
  id: string;
  answer: "rating" | "text";
  textEn: string;
  textAz: string | null;
  textRu: string | null;
  answers: number;
  average: number | null;
  distribution: number[];
}

const figures = sql<QuestionFigures>`json_build_object(
    'id', q.id, 'answer', q.answer, 'textEn', q.text_en, 'textAz', q.text_az, 'textRu', q.text_ru,
    'answers', count(fa.question_id),
    'average', round(avg(fa.rating), 2)::float8,
    'distribution', json_build_array(count(*) filter (where fa.rating = 1), count(*) filter (where fa.rating = 2),
      count(*) filter (where fa.rating = 3), count(*) filter (where fa.rating = 4),
      count(*) filter (where fa.rating = 5)))`;

/** Accepted participants, respondents and each question's figures (comments apart) of the given events. */
export async function eventFigures(db: Q, eventIds: string[]) {
  const counts = await db
    .selectFrom("event as e")
    .select((eb) => [
      eb.fn.countAll<string>().as("events"),
      eb
        .selectFrom("nomination as n")
        .select(eb.fn.countAll<string>().as("c"))
        .where("n.eventId", "in", eventIds)
        .where("n.status", "=", "accepted")
        .as("participants"),
      eb
        .selectFrom("feedbackResponse as r")
        .select(eb.fn.countAll<string>().as("c"))
        .where("r.eventId", "in", eventIds)
        .as("respondents"),
    ])
    .where("e.id", "in", eventIds)
    .executeTakeFirstOrThrow();
  const questions = await sql<{ figures: QuestionFigures }>`
    select ${figures} as figures
    from feedback_answer fa
      join feedback_response r on r.id = fa.response_id
      join feedback_question q on q.id = fa.question_id
    where r.event_id = any(${sql.val(eventIds)}::uuid[])
    group by q.id
    order by q.position, q.id`.execute(db);
  return {
    participants: Number(counts.participants ?? 0),
    respondents: Number(counts.respondents ?? 0),
    questions: questions.rows.map((row) => row.figures),
  };
}

/** The comments of the events, in alphabetical order: the order of answering would tell who wrote what. */
export async function eventComments(db: Q, eventIds: string[]) {
  return db
    .selectFrom("feedbackAnswer as fa")
    .innerJoin("feedbackResponse as r", "r.id", "fa.responseId")
    .select(["fa.questionId", "fa.comment as text"])
    .where("r.eventId", "in", eventIds)
    .where("fa.comment", "is not", null)
    .orderBy("fa.questionId")
    .orderBy("fa.comment")
    .execute() as Promise<{ questionId: string; text: string }[]>;
}

/**
 * The activity's line across menu years: the activities it was copied from and those copied from it (copying to
 * a new year makes a new activity), each with its year and its events that took place (not cancelled).
 */
export async function activityLine(db: Q, viewer: Viewer, activityId: string) {
  const line = await sql<{ id: string }>`
    with recursive up as (
      select id, copied_from_id from activity where id = ${activityId}
      union
      select a.id, a.copied_from_id from activity a join up on a.id = up.copied_from_id
    ), root as (select id from up where copied_from_id is null),
    down as (
      select id from activity where id in (select id from root)
      union
      select a.id from activity a join down on a.copied_from_id = down.id
    )
    select id from down`.execute(db);
  if (!line.rows.length) return [];
  return db
    .selectFrom("activity as a")
    .leftJoin("event as e", (join) =>
      join.onRef("e.activityId", "=", "a.id").on("e.status", "<>", "cancelled"),
    )
    .select(["a.id", "a.code", "a.menuYear", "a.organiserId", "a.hostInstitutionId"])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb.fn.agg<string[]>("array_agg", ["e.id"]).filterWhere("e.id", "is not", null),
          sql<string[]>`'{}'::uuid[]`,
        )
        .as("eventIds"),
    )
    .where(
      "a.id",
      "in",
      line.rows.map((row) => row.id),
    )
    .where(activityVisible(viewer))
    .groupBy("a.id")
    .orderBy("a.menuYear")
    .orderBy("a.code")
    .execute();
}
