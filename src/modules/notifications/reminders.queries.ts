import { type Kysely, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";

type Q = Kysely<DB>;

// What the scheduled reminders look for (reminders.ts), each once per run.

/** Accepted nominations of events starting on `on`. */
export async function eventsStartingOn(trx: Q, on: string) {
  const { rows } = await sql<{ id: string; code: string; eventId: string }>`
      select n.id, a.code, e.id as "eventId" from event e join activity a on a.id = e.activity_id
        join nomination n on n.event_id = e.id and n.status = 'accepted'
      where e.starts_on = ${on}::date and e.status in ('planned', 'open', 'closed')`.execute(trx);
  return rows;
}

/** Published events whose nominations close between `from` and `to`. */
export async function eventsClosingNominations(trx: Q, from: string, to: string) {
  const { rows } = await sql<{ eventId: string; code: string; title: string; closesOn: string }>`
      select e.id as "eventId", a.code, a.title_en as title, e.nominations_close_on as "closesOn"
      from event e join activity a on a.id = e.activity_id
      where e.nominations_close_on between ${from}::date and ${to}::date
        and e.status in ('planned', 'open') and a.status = 'published'`.execute(trx);
  return rows;
}

/** Nations with a coordinator that have nominated nobody to the event. */
export async function nationsYetToNominate(trx: Q, eventId: string) {
  const { rows } = await sql<{ id: string }>`
        select nt.id from nation nt
        where exists (select 1 from role_assignment r where r.role = 'national_coordinator' and r.nation_id = nt.id)
          and not exists (select 1 from nomination n where n.event_id = ${eventId} and n.nation_id = nt.id)`.execute(
    trx,
  );
  return rows;
}

/** Accepted participants of events that ended between `from` and `to` and were not asked for feedback yet. */
export async function eventsEndedAwaitingFeedback(trx: Q, from: string, to: string) {
  const { rows } = await sql<{ eventId: string; code: string; personId: string }>`
      select e.id as "eventId", a.code, n.person_id as "personId"
      from event e join activity a on a.id = e.activity_id
        join nomination n on n.event_id = e.id and n.status = 'accepted'
      where e.ends_on between ${from}::date and ${to}::date and e.status <> 'cancelled'
        and not exists (select 1 from feedback_receipt r where r.event_id = e.id and r.person_id = n.person_id)`.execute(
    trx,
  );
  return rows;
}

/** Certificates, not revoked, valid until `on`. */
export async function certificatesExpiringOn(trx: Q, on: string) {
  const { rows } = await sql<{ id: string; personId: string; number: string; validUntil: string }>`
        select id, person_id as "personId", number, valid_until as "validUntil" from certificate
        where revoked_at is null and valid_until = ${on}::date`.execute(trx);
  return rows;
}

/** Open action items due on `dueOn`, or overdue on `today`. */
export async function actionItemsDueOrOverdue(trx: Q, today: string, dueOn: string) {
  const { rows } = await sql<{
    id: string;
    title: string;
    deadline: string;
    nationId: string | null;
    organisationId: string | null;
    overdue: boolean;
  }>`
      select id, title, deadline, assignee_nation_id as "nationId", assignee_organisation_id as "organisationId",
        deadline < ${today}::date as overdue
      from meeting_action_item
      where status in ('open', 'in_progress') and (deadline = ${dueOn}::date or deadline < ${today}::date)`.execute(
    trx,
  );
  return rows;
}

/** Messages sent between 30 days and 48 hours before `now` that a recipient has not acknowledged. */
export async function messagesUnacknowledged(trx: Q, now: Date) {
  const { rows } = await sql<{ id: string; subject: string; sentBy: string }>`
      select m.id, m.subject, m.sent_by as "sentBy" from exchange_message m
      where m.sent_at < ${now}::timestamptz - interval '48 hours' and m.sent_at > ${now}::timestamptz - interval '30 days'
        and m.sent_by is not null
        and exists (select 1 from exchange_recipient r where r.message_id = m.id
          and not exists (select 1 from exchange_acknowledgement k where k.recipient_id = r.id))`.execute(
    trx,
  );
  return rows;
}

/** Decided accreditations ending between `from` and `to`. */
export async function accreditationsEnding(trx: Q, from: string, to: string) {
  const { rows } = await sql<{ id: string; centreId: string; name: string; validUntil: string }>`
      select app.id, app.centre_id as "centreId", o.name_en as name, app.valid_until as "validUntil"
      from accreditation_application app join organisation o on o.id = app.centre_id
      where app.state = 'decided' and app.valid_until between ${from}::date and ${to}::date`.execute(trx);
  return rows;
}

/** Agreed goals not yet assessed in the assessment cycle `year`. */
export async function goalsAwaitingAssessment(trx: Q, year: number) {
  const { rows } = await sql<{ id: string; code: string; title: string; nationId: string }>`
        select g.id, g.code, g.title, g.nation_id as "nationId" from partnership_goal g
        where g.status in ('agreed', 'in_progress')
          and not exists (select 1 from goal_assessment x where x.goal_id = g.id and x.cycle_year = ${year})`.execute(
    trx,
  );
  return rows;
}
