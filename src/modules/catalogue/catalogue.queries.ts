import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { DoubleBooking } from "../../db/schema/catalogue.js";
import type { DB } from "../../db/schema/index.js";
import { allianceStaffSql } from "../../platform/access/alliance.js";
import { releaseColumns, visibleTo } from "../../platform/access/releasability.js";
import { overseenNationIds, readsEverything, type Viewer } from "../../platform/access/viewer.js";
import type { CalendarQuery, NominationQuery } from "./catalogue.schemas.js";

export { searchActivities } from "./activity-search.queries.js";

type Q = Kysely<DB>;
// biome-ignore lint/suspicious/noExplicitAny: predicates apply to any query that has the activity alias `a`
type AnyEb = ExpressionBuilder<any, any>;

export const uuids = (ids: string[]) => sql`${sql.val(ids)}::uuid[]`;

/** Statuses of an activity outside the menu: a partner's proposal awaiting alliance staff, or one they rejected. */
export const PROPOSAL_STATUSES = ["proposed", "rejected"] as const;
export const isProposal = (status: string) => (PROPOSAL_STATUSES as readonly string[]).includes(status);
const proposalList = sql.raw(PROPOSAL_STATUSES.map((status) => `'${status}'`).join(", "));

/** Only the menu: neither a proposal nor a rejected one (its own status filter may still ask for them). */
export const inMenu = (alias = "a") => sql<boolean>`${sql.ref(`${alias}.status`)} not in (${proposalList})`;

/**
 * An activity is readable when its releasability lets the viewer see it and, while it is a draft, only by the
 * organisers of its organisation or host institution (and global readers); while it is a partner's proposal (or a
 * rejected one), also by alliance staff (`allianceStaffSql`), who decide on it.
 */
export function activityVisible(viewer: Viewer, alias = "a") {
  return (eb: AnyEb): Expression<SqlBool> => {
    const releasable = visibleTo(viewer, alias)(eb);
    if (readsEverything(viewer)) return releasable;
    const status = sql.ref(`${alias}.status`);
    const managed = viewer.managedOrganisationIds;
    const own = managed.length
      ? sql<boolean>`(${sql.ref(`${alias}.organiser_id`)} = any(${uuids(managed)}) or ${sql.ref(`${alias}.host_institution_id`)} = any(${uuids(managed)}))`
      : sql<boolean>`false`;
    const rule = sql<boolean>`(${status} not in ('draft', ${proposalList}) or ${own}
      or (${status} in (${proposalList}) and ${allianceStaffSql(viewer)}))`;
    return eb.and([releasable, rule]);
  };
}

/** The nations a viewer acts for when asking "eligible for my nation": coordinated nations, else their own. */
export function viewerNations(viewer: Viewer): string[] {
  const coordinated = viewer.grants
    .filter((grant) => grant.role === "national_coordinator" && grant.nationId)
    .map((grant) => grant.nationId!);
  if (coordinated.length) return coordinated;
  return viewer.personNationId ? [viewer.personNationId] : [];
}

export const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export const acceptedCount = sql`(select count(*) from nomination n where n.event_id = e.id and n.status = 'accepted')`;

/** Seats still free on the activity's coming events; null when one of them has no limit. */
export const freeSeatsColumn = sql`
  (select case when bool_or(coalesce(e.capacity, a.capacity) is null) then null
               else coalesce(sum(greatest(coalesce(e.capacity, a.capacity) - ${acceptedCount}, 0)), 0)::int end
     from event e where e.activity_id = a.id and e.status in ('planned', 'open') and e.ends_on >= current_date) as free_seats`;

export const activitySummaryColumns = sql`
  a.id, a.code, a.title_en, a.title_az, a.title_ru, a.kind, a.menu_year, a.status, a.city, a.online, a.languages,
  a.eligibility, a.capacity, a.sample, a.releasability,
  json_build_object('id', o.id, 'code', o.code, 'name_en', o.name_en) as organiser,
  case when hn.id is null then null else json_build_object('id', hn.id, 'code', hn.code, 'name_en', hn.name_en) end as host_nation,
  coalesce(sf.area_codes, '{}') as areas, sf.first_starts_on, sf.last_ends_on, coalesce(sf.event_count, 0) as event_count,
  ${freeSeatsColumn}`;

export interface ActivitySummaryRow {
  id: string;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  kind: string;
  menuYear: number;
  status: string;
  city: string | null;
  online: boolean;
  languages: string[];
  eligibility: string;
  capacity: number | null;
  sample: boolean;
  releasability: string;
  organiser: { id: string; code: string; nameEn: string };
  hostNation: { id: string; code: string; nameEn: string } | null;
  areas: string[];
  firstStartsOn: string | null;
  lastEndsOn: string | null;
  eventCount: number;
  freeSeats: number | null;
}

// Left joins on the derived facts: a missing row (which the triggers never leave) must not hide an activity.
export const fromActivities = sql`activity a join organisation o on o.id = a.organiser_id left join nation hn on hn.id = a.host_nation_id
  left join activity_search_facts sf on sf.activity_id = a.id`;

/** Compiles a predicate built for alias `a` into SQL text usable in a raw query. */
function where(db: Q, predicate: (eb: AnyEb) => Expression<SqlBool>) {
  return db
    .selectFrom("activity as a")
    .select("a.id")
    .where(predicate as never);
}

export async function findActivitySummary(db: Q, viewer: Viewer, id: string) {
  const visible = where(db, (eb) => eb.and([activityVisible(viewer)(eb), sql<boolean>`a.id = ${id}`]));
  const { rows } = await sql<ActivitySummaryRow>`select ${activitySummaryColumns} from ${fromActivities}
    where a.id in ${visible}`.execute(db);
  return rows[0];
}

export async function findActivity(db: Q, viewer: Viewer, id: string) {
  const summary = await findActivitySummary(db, viewer, id);
  if (!summary) return undefined;
  const [full, events, eligibleNations] = await Promise.all([
    db
      .selectFrom("activity as a")
      .leftJoin("organisation as hi", "hi.id", "a.hostInstitutionId")
      .select([
        "a.descriptionEn",
        "a.descriptionAz",
        "a.descriptionRu",
        "a.venue",
        "a.nationQuota",
        "a.prerequisites",
        "a.externalRefs",
        "a.cancelReason",
        "a.rejectionReason",
        "a.copiedFromId",
        "a.organiserId",
        "a.hostInstitutionId",
        "a.hostNationId",
        "a.eligibleNations",
        ...releaseColumns("a"),
        "hi.id as hiId",
        "hi.code as hiCode",
        "hi.nameEn as hiNameEn",
      ])
      .where("a.id", "=", id)
      .executeTakeFirstOrThrow(),
    listEventsOfActivity(db, id),
    sql<{ id: string; code: string; nameEn: string }>`select n.id, n.code, n.name_en from activity a
      join nation n on n.id = any(a.eligible_nations) where a.id = ${id} order by n.code`.execute(db),
  ]);
  return { summary, full, events, eligibleNations: eligibleNations.rows };
}

export interface EventRow {
  id: string;
  activityId: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string | null;
  venue: string | null;
  hostNationId: string | null;
  capacity: number | null;
  nationQuota: number | null;
  nominationsCloseOn: string | null;
  status: string;
  cancelReason: string | null;
  acceptance: string;
  reallocationDate: string | null;
  reallocatedAt: string | null;
  accepted: number;
  waitlisted: number;
  /** Seats held by open seat offers. */
  offered: number;
}

const eventColumns = sql`e.id, e.activity_id, e.title, e.starts_on, e.ends_on, e.time_zone, e.city, e.venue,
  e.host_nation_id, coalesce(e.capacity, a.capacity) as capacity, coalesce(e.nation_quota, a.nation_quota) as nation_quota,
  e.nominations_close_on, e.status, e.cancel_reason, e.acceptance, e.reallocation_date,
  to_json(e.reallocated_at) #>> '{}' as reallocated_at,
  (select count(*)::int from nomination n where n.event_id = e.id and n.status = 'accepted') as accepted,
  (select count(*)::int from nomination n where n.event_id = e.id and n.status = 'waitlisted') as waitlisted,
  (select count(*)::int from seat_offer o where o.event_id = e.id and o.status = 'offered') as offered`;

export async function listEventsOfActivity(db: Q, activityId: string) {
  const { rows } =
    await sql<EventRow>`select ${eventColumns} from event e join activity a on a.id = e.activity_id
    where e.activity_id = ${activityId} order by e.starts_on, e.id`.execute(db);
  return rows;
}

/** The event with its effective capacity and quota; no visibility filter (callers check the activity). */
export async function findEvent(db: Q, id: string) {
  const { rows } =
    await sql<EventRow>`select ${eventColumns} from event e join activity a on a.id = e.activity_id
    where e.id = ${id}`.execute(db);
  return rows[0];
}

export async function listSessions(db: Q, eventId: string) {
  return db
    .selectFrom("eventSession")
    .select(["id", "title", "startsAt", "endsAt"])
    .where("eventId", "=", eventId)
    .orderBy("startsAt")
    .execute();
}

export async function seatsByNation(db: Q, eventId: string) {
  const { rows } = await sql<{
    nation: { id: string; code: string; nameEn: string };
    accepted: number;
    waitlisted: number;
    nominated: number;
  }>`select json_build_object('id', nt.id, 'code', nt.code, 'name_en', nt.name_en) as nation,
      count(*) filter (where n.status = 'accepted')::int as accepted,
      count(*) filter (where n.status = 'waitlisted')::int as waitlisted,
      count(*) filter (where n.status = 'nominated')::int as nominated
    from nomination n join nation nt on nt.id = n.nation_id
    where n.event_id = ${eventId} and n.status in ('accepted', 'waitlisted', 'nominated')
    group by nt.id, nt.code, nt.name_en order by nt.code`.execute(db);
  return rows;
}

// ------------------------------------------------------------------ seats, under the event's row lock
export interface LockedEvent {
  id: string;
  status: string;
  startsOn: string;
  endsOn: string;
  acceptance: string;
  nominationsCloseOn: string | null;
  capacity: number | null;
  nationQuota: number | null;
  activityId: string;
  activityCode: string;
  activityTitle: string;
  activityStatus: string;
  organiserId: string;
  hostInstitutionId: string | null;
  eligibility: string;
  eligibleNations: string[];
  languages: string[];
  prerequisites: { languageLevel?: string; clearanceNote?: string; requiredActivityCodes?: string[] };
  ownerNationId: string | null;
  ownerOrganisationId: string | null;
  releasability: "public" | "internal" | "restricted";
  releaseNations: string[];
  releaseOrganisations: string[];
}

const seatEventColumns = sql`
  e.id, e.status, e.starts_on, e.ends_on, e.acceptance, e.nominations_close_on,
  coalesce(e.capacity, a.capacity) as capacity, coalesce(e.nation_quota, a.nation_quota) as nation_quota,
  a.id as activity_id, a.code as activity_code, a.title_en as activity_title, a.status as activity_status,
  a.organiser_id, a.host_institution_id, a.eligibility, a.eligible_nations, a.languages, a.prerequisites,
  a.owner_nation_id, a.owner_organisation_id, a.releasability, a.release_nations, a.release_organisations`;

/**
 * Locks the event row for the rest of the transaction. Every change to the seats of an event takes this lock
 * first, so seat counts read afterwards (at READ COMMITTED, each statement sees the latest commits) are exact.
 * (The seat functions, accord_nominate and accord_accept_offer, take their own lock of the event in SQL.)
 */
export async function lockEvent(trx: Q, eventId: string, lock = true) {
  const mode = lock ? sql`for update of e` : sql``;
  const { rows } = await sql<LockedEvent>`
    select ${seatEventColumns}
    from event e join activity a on a.id = e.activity_id
    where e.id = ${eventId}
    ${mode}`.execute(trx);
  return rows[0];
}

export interface NominationContext extends LockedEvent {
  person: { id: string; nationId: string; languages: string[]; archivedAt: string | null } | null;
  /** Whether the person's nation may attend; null without a person. */
  eligible: boolean | null;
  /** Accepted nominations of the person for other events whose dates overlap this one. */
  overlapping: { code: string; startsOn: string; endsOn: string }[];
  /** The activity codes the event requires that the person has completed (or completed a copy of). */
  completedCodes: string[];
}

/**
 * Everything a nomination is checked against, read without locks in one statement: the event, the person, the
 * nation's eligibility, overlapping acceptances and completed prerequisites. Undefined when the event is missing.
 */
export async function nominationContext(db: Q, eventId: string, personId: string) {
  const { rows } = await sql<NominationContext>`
    with ev as (select ${seatEventColumns} from event e join activity a on a.id = e.activity_id where e.id = ${eventId}),
    required as (
      select array(select jsonb_array_elements_text(coalesce(ev.prerequisites -> 'requiredActivityCodes', '[]'))) as codes
      from ev)
    select ev.*,
      case when p.id is null then null else json_build_object('id', p.id, 'nation_id', p.nation_id,
        'languages', p.languages, 'archived_at', p.archived_at) end as person,
      case when p.id is null then null else accord_nation_eligible(ev.eligibility, ev.eligible_nations, p.nation_id) end as eligible,
      (select coalesce(json_agg(json_build_object('code', oa.code, 'starts_on', oe.starts_on, 'ends_on', oe.ends_on)
                                order by oe.starts_on), '[]')
         from nomination o join event oe on oe.id = o.event_id join activity oa on oa.id = oe.activity_id
         where o.person_id = p.id and o.status = 'accepted' and oe.id <> ev.id and oe.status <> 'cancelled'
           and oe.starts_on <= ev.ends_on and oe.ends_on >= ev.starts_on) as overlapping,
      (select coalesce(array_agg(distinct case when da.code = any(r.codes) then da.code else original.code end), '{}')
         from nomination d join event de on de.id = d.event_id join activity da on da.id = de.activity_id
         left join activity original on original.id = da.copied_from_id
         where cardinality(r.codes) > 0 and d.person_id = p.id and d.completed is true
           and (da.code = any(r.codes) or original.code = any(r.codes))) as completed_codes
    from ev cross join required r left join person p on p.id = ${personId}`.execute(db);
  return rows[0];
}

/** Seats held by nation: accepted nominations and open seat offers (but the offer of `ownOffer`'s nomination). */
export async function acceptedCounts(trx: Q, eventId: string, ownOffer: string | null = null) {
  const { rows } = await sql<{
    nationId: string;
    accepted: number;
  }>`select nation_id, count(*)::int as accepted
    from nomination n where event_id = ${eventId} and (status = 'accepted' or (n.id is distinct from ${ownOffer}::uuid
      and exists (select 1 from seat_offer o where o.nomination_id = n.id and o.status = 'offered'))) group by nation_id`.execute(
    trx,
  );
  return new Map(rows.map((row) => [row.nationId, row.accepted]));
}

export function waitlist(trx: Q, eventId: string) {
  return trx
    .selectFrom("nomination")
    .select(["id", "nationId", "personId", "priority"])
    .where("eventId", "=", eventId)
    .where("status", "=", "waitlisted")
    .orderBy("priority")
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

/**
 * Takes a seat (or a waitlist place, or files a nomination for the organiser to decide) in ONE statement and its
 * own transaction: see 0013_nomination_seat_function. Undefined when the event stopped taking nominations.
 */
export async function takeSeat(
  db: Q,
  input: {
    eventId: string;
    personId: string;
    nationId: string;
    priority: number;
    note: string | null;
    warnings: { code: string; message: string }[];
    actorUserId: string | null;
    actorLabel: string;
    requestId: string | null;
  },
) {
  // Its own transaction (no caller's around it): it commits without waiting for the WAL flush under the audit
  // chain's lock (0043); the caller awaits `awaitDurable` before it answers.
  const fn = db.isTransaction ? sql`accord_nominate` : sql`accord_nominate_flush_later`;
  const { rows } = await sql<NominationRow>`
    with n as (
      select * from ${fn}(${input.eventId}::uuid, ${input.personId}::uuid, ${input.nationId}::uuid,
        ${input.priority}::int, ${input.note}, ${JSON.stringify(input.warnings)}::jsonb, ${input.actorUserId}::uuid,
        ${input.actorLabel}, ${input.requestId}))
    select ${nominationSelect}
    from n join person p on p.id = n.person_id join nation nt on nt.id = n.nation_id
      join event e on e.id = n.event_id join activity a on a.id = e.activity_id`.execute(db);
  return rows[0];
}

// ------------------------------------------------------------------ nominations
export const nominationSelect = sql`
  n.id, n.event_id, n.person_id, n.nation_id, n.priority, n.status, n.status_reason, n.note, n.attendance,
  n.completed, n.warnings, n.double_booking, n.decided_at, n.created_at,
  json_build_object('id', p.id, 'given_name', p.given_name, 'family_name', p.family_name, 'rank_title', p.rank_title) as person,
  json_build_object('id', nt.id, 'code', nt.code, 'name_en', nt.name_en) as nation,
  json_build_object('id', e.id, 'starts_on', e.starts_on, 'ends_on', e.ends_on, 'activity_id', a.id,
    'activity_code', a.code, 'activity_title', a.title_en) as event`;

const nominationFrom = sql`nomination n join person p on p.id = n.person_id join nation nt on nt.id = n.nation_id
  join event e on e.id = n.event_id join activity a on a.id = e.activity_id`;

export interface NominationRow {
  id: string;
  eventId: string;
  personId: string;
  nationId: string;
  priority: number;
  status: string;
  statusReason: string | null;
  note: string | null;
  attendance: string | null;
  completed: boolean | null;
  warnings: { code: string; message: string }[];
  doubleBooking: DoubleBooking | null;
  decidedAt: Date | null;
  createdAt: Date;
  person: { id: string; givenName: string; familyName: string; rankTitle: string | null };
  nation: { id: string; code: string; nameEn: string };
  event: {
    id: string;
    startsOn: string;
    endsOn: string;
    activityId: string;
    activityCode: string;
    activityTitle: string;
  };
}

/** Who may see which nominations, as SQL: mirrors `seesNomination` in the policy. */
export function nominationScope(viewer: Viewer) {
  if (readsEverything(viewer)) return sql`true`;
  const parts = [sql`false`];
  const overseen = overseenNationIds(viewer);
  if (overseen.length) parts.push(sql`n.nation_id = any(${uuids(overseen)})`);
  if (viewer.personId) parts.push(sql`n.person_id = ${viewer.personId}`);
  if (viewer.managedOrganisationIds.length) {
    parts.push(sql`a.organiser_id = any(${uuids(viewer.managedOrganisationIds)})`);
    parts.push(sql`a.host_institution_id = any(${uuids(viewer.managedOrganisationIds)})`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function listNominations(db: Q, viewer: Viewer, query: NominationQuery) {
  const filters = [nominationScope(viewer)];
  if (query.eventId) filters.push(sql`n.event_id = ${query.eventId}`);
  if (query.nationId) filters.push(sql`n.nation_id = ${query.nationId}`);
  if (query.personId) filters.push(sql`n.person_id = ${query.personId}`);
  if (query.status) filters.push(sql`n.status = ${query.status}`);
  const managed = viewer.managedOrganisationIds;
  switch (query.scope) {
    case "organising":
      filters.push(
        managed.length
          ? sql`(a.organiser_id = any(${uuids(managed)}) or a.host_institution_id = any(${uuids(managed)}))`
          : sql`false`,
      );
      break;
    case "nominating": {
      const nations = viewerNations(viewer);
      filters.push(nations.length ? sql`n.nation_id = any(${uuids(nations)})` : sql`false`);
      break;
    }
    case "mine":
      filters.push(viewer.personId ? sql`n.person_id = ${viewer.personId}` : sql`false`);
      break;
  }
  const condition = sql.join(filters, sql` and `);
  const order =
    query.sort === "createdAt"
      ? sql`n.created_at asc, n.id`
      : query.sort === "-createdAt"
        ? sql`n.created_at desc, n.id`
        : query.sort === "startsOn"
          ? sql`e.starts_on asc, n.priority, n.id`
          : sql`e.starts_on asc, n.nation_id, n.priority, n.created_at, n.id`;
  const [items, total] = await Promise.all([
    sql<
      NominationRow & NominationOwners
    >`select ${nominationSelect}, ${nominationOwners} from ${nominationFrom}
      where ${condition} order by ${order} limit ${query.limit ?? 25} offset ${query.offset ?? 0}`.execute(
      db,
    ),
    sql<{ total: number }>`select count(*)::int as total from ${nominationFrom} where ${condition}`.execute(
      db,
    ),
  ]);
  return { items: items.rows, total: total.rows[0]?.total ?? 0 };
}

/** The activity's organisers, which decide (with the nation) who reads a nomination and its note. */
const nominationOwners = sql`a.organiser_id, a.host_institution_id`;
export interface NominationOwners {
  organiserId: string;
  hostInstitutionId: string | null;
}

export async function findNomination(db: Q, id: string) {
  const { rows } = await sql<
    NominationRow & NominationOwners & { nominatedBy: string | null }
  >`select ${nominationSelect}, ${nominationOwners}, n.nominated_by
    from ${nominationFrom} where n.id = ${id}`.execute(db);
  return rows[0];
}

/** A person's participation history: every nomination, oldest event first. */
/** A person's nominations, limited to the activities the viewer may see. */
export async function personHistory(db: Q, viewer: Viewer, personId: string) {
  const visible = db
    .selectFrom("activity as a")
    .select("a.id")
    .where(activityVisible(viewer) as never);
  const { rows } = await sql<NominationRow & NominationOwners>`select ${nominationSelect}, ${nominationOwners}
    from ${nominationFrom} where n.person_id = ${personId} and a.id in (${visible})
    order by e.starts_on, n.id limit 500`.execute(db);
  return rows;
}

/** The person, when the viewer may see them (releasability in SQL); otherwise undefined. */
export function findVisiblePerson(db: Q, viewer: Viewer, personId: string) {
  return db
    .selectFrom("person")
    .select(["person.id", "person.nationId"])
    .where("person.id", "=", personId)
    .where(visibleTo(viewer, "person"))
    .executeTakeFirst();
}

// ------------------------------------------------------------------ calendar and participation
export interface CalendarRow {
  eventId: string;
  activityId: string;
  code: string;
  title: string;
  titleAz: string | null;
  titleRu: string | null;
  kind: string;
  startsOn: string;
  endsOn: string;
  city: string | null;
  venue: string | null;
  timeZone: string;
  status: string;
  nominationStatus: string | null;
  updatedAt: Date;
  description: string | null;
}

export async function calendarEntries(
  db: Q,
  viewer: Viewer,
  query: Partial<CalendarQuery> & {
    q?: string;
    organiserId?: string;
    hostNationId?: string;
    language?: string;
    year?: number;
  },
) {
  const filters = [
    sql`a.id in ${where(db, activityVisible(viewer))}`,
    inMenu(),
    sql`e.status <> 'cancelled'`,
  ];
  if (query.from) filters.push(sql`e.ends_on >= ${query.from}::date`);
  if (query.to) filters.push(sql`e.starts_on <= ${query.to}::date`);
  const kinds = list(query.kind);
  if (kinds.length) filters.push(sql`a.kind = any(${sql.val(kinds)}::text[])`);
  const areas = list(query.area);
  if (areas.length)
    filters.push(
      sql`exists (select 1 from activity_area aa where aa.activity_id = a.id and aa.area_code = any(${sql.val(areas)}::text[]))`,
    );
  if (query.q?.trim()) filters.push(sql`a.search @@ accord_search_query(${query.q.trim()})`);
  if (query.organiserId) filters.push(sql`a.organiser_id = ${query.organiserId}`);
  if (query.hostNationId) filters.push(sql`a.host_nation_id = ${query.hostNationId}`);
  if (query.language) filters.push(sql`${query.language} = any(a.languages)`);
  if (query.year) filters.push(sql`a.menu_year = ${query.year}`);
  let nominationStatus = sql`null::text`;
  if (query.personId) {
    filters.push(
      sql`exists (select 1 from nomination n where n.event_id = e.id and n.person_id = ${query.personId} and n.status in ('nominated', 'accepted', 'waitlisted'))`,
    );
    nominationStatus = sql`(select n.status from nomination n where n.event_id = e.id and n.person_id = ${query.personId})`;
  } else if (query.nationId) {
    filters.push(
      sql`exists (select 1 from nomination n where n.event_id = e.id and n.nation_id = ${query.nationId} and n.status in ('nominated', 'accepted', 'waitlisted'))`,
    );
    nominationStatus = sql`(select case when bool_or(n.status = 'accepted') then 'accepted' when bool_or(n.status = 'waitlisted') then 'waitlisted' else 'nominated' end
      from nomination n where n.event_id = e.id and n.nation_id = ${query.nationId} and n.status in ('nominated', 'accepted', 'waitlisted'))`;
  }
  const { rows } = await sql<CalendarRow>`
    select e.id as event_id, a.id as activity_id, a.code, coalesce(e.title, a.title_en) as title, a.title_az, a.title_ru,
      a.kind, e.starts_on, e.ends_on, coalesce(e.city, a.city) as city, coalesce(e.venue, a.venue) as venue,
      e.time_zone, e.status, ${nominationStatus} as nomination_status, greatest(e.updated_at, a.updated_at) as updated_at,
      a.description_en as description
    from event e join activity a on a.id = e.activity_id
    where ${sql.join(filters, sql` and `)}
    order by e.starts_on, a.code limit 2000`.execute(db);
  return rows;
}

export async function nationParticipation(db: Q, nationId: string, year: number | undefined) {
  const yearFilter = year ? sql`and a.menu_year = ${year}` : sql``;
  // One pass over the nation's nominations, shared by the per-area figures and the totals.
  const { rows } = await sql<{
    byArea: { area: string; nominated: number; accepted: number; attended: number; completed: number }[];
    totals: { nominations: number; accepted: number; attended: number; completed: number; events: number };
  }>`
    with mine as materialized (
      select n.event_id, e.activity_id, n.status, n.attendance, n.completed
      from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
      where n.nation_id = ${nationId} and n.status not in ('withdrawn') ${yearFilter})
    select
      (select coalesce(json_agg(x order by x.area), '[]') from (
        select aa.area_code as area,
          count(*)::int as nominated,
          count(*) filter (where m.status = 'accepted')::int as accepted,
          count(*) filter (where m.attendance in ('attended', 'partly'))::int as attended,
          count(*) filter (where m.completed)::int as completed
        from mine m join activity_area aa on aa.activity_id = m.activity_id
        group by aa.area_code) x) as by_area,
      (select json_build_object(
        'nominations', count(*)::int,
        'accepted', count(*) filter (where m.status = 'accepted')::int,
        'attended', count(*) filter (where m.attendance in ('attended', 'partly'))::int,
        'completed', count(*) filter (where m.completed)::int,
        'events', count(distinct m.event_id) filter (where m.status = 'accepted')::int)
       from mine m) as totals`.execute(db);
  return { byArea: rows[0]!.byArea, totals: rows[0]!.totals };
}

/** Whether the event's course results are signed off (the training capability's run record): attendance is then frozen. */
export async function resultsSignedOff(db: Q, eventId: string): Promise<boolean> {
  const run = await db
    .selectFrom("courseRun")
    .select("signedOffAt")
    .where("eventId", "=", eventId)
    .executeTakeFirst();
  return !!run?.signedOffAt;
}
