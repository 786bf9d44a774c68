import { sql } from "kysely";
import type { Db } from "../../db/database.js";
import { notify, notifyNominations } from "./notify.js";

const day = (date: Date, shift = 0) => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + shift));
  return d.toISOString().slice(0, 10);
};

/**
 * The scheduled reminders, run hourly by the job queue's crontab (once across all instances). Each notice is
 * created once per (kind, record, recipient, period), so running again, or on two instances, adds nothing.
 */
export async function runReminders(db: Db, now: Date): Promise<Record<string, number>> {
  const today = day(now);
  const counts: Record<string, number> = {};
  const add = (kind: string, n: number) => {
    counts[kind] = (counts[kind] ?? 0) + n;
  };

  await db.transaction().execute(async (trx) => {
    // Event starting in 7 days: its accepted participants (and their coordinators).
    const starting = await sql<{ id: string; code: string; eventId: string }>`
      select n.id, a.code, e.id as "eventId" from event e join activity a on a.id = e.activity_id
        join nomination n on n.event_id = e.id and n.status = 'accepted'
      where e.starts_on = ${day(now, 7)}::date and e.status in ('planned', 'open', 'closed')`.execute(trx);
    if (starting.rows.length) {
      await notifyNominations(trx, {
        nominationIds: starting.rows.map((r) => r.id),
        kind: "event.starting",
        title: "The event starts in 7 days",
        body: null,
        actorUserId: null,
        organisers: false,
        concerned: true,
        period: day(now, 7),
      });
      add("event.starting", starting.rows.length);
    }

    // Nominations closing in 3 days: coordinators of nations that may nominate and have not.
    const closing = await sql<{ eventId: string; code: string; title: string; closesOn: string }>`
      select e.id as "eventId", a.code, a.title_en as title, e.nominations_close_on as "closesOn"
      from event e join activity a on a.id = e.activity_id
      where e.nominations_close_on between ${today}::date and ${day(now, 3)}::date
        and e.status in ('planned', 'open') and a.status = 'published'`.execute(trx);
    for (const event of closing.rows) {
      const nations = await sql<{ id: string }>`
        select nt.id from nation nt
        where exists (select 1 from role_assignment r where r.role = 'national_coordinator' and r.nation_id = nt.id)
          and not exists (select 1 from nomination n where n.event_id = ${event.eventId} and n.nation_id = nt.id)`.execute(
        trx,
      );
      if (!nations.rows.length) continue;
      add(
        "event.nominations_closing",
        await notify(trx, {
          recipients: { nationCoordinators: nations.rows.map((n) => n.id) },
          kind: "event.nominations_closing",
          record: { type: "event", id: event.eventId, link: `/catalogue/events/${event.eventId}` },
          title: `${event.code}: nominations close on ${event.closesOn}`,
          params: { activity: `${event.code} ${event.title}`, closesOn: event.closesOn },
          period: event.closesOn,
        }),
      );
    }

    // Feedback: an event that ended in the last three days asks its accepted participants (once per event).
    const ended = await sql<{ eventId: string; code: string; personId: string }>`
      select e.id as "eventId", a.code, n.person_id as "personId"
      from event e join activity a on a.id = e.activity_id
        join nomination n on n.event_id = e.id and n.status = 'accepted'
      where e.ends_on between ${day(now, -3)}::date and ${day(now, -1)}::date and e.status <> 'cancelled'
        and not exists (select 1 from feedback_receipt r where r.event_id = e.id and r.person_id = n.person_id)`.execute(
      trx,
    );
    for (const row of ended.rows) {
      add(
        "feedback.requested",
        await notify(trx, {
          recipients: { people: [row.personId] },
          kind: "feedback.requested",
          record: { type: "event", id: row.eventId, link: `/feedback?event=${row.eventId}` },
          title: `${row.code}: how was it?`,
          params: { activity: row.code },
          period: "ended",
        }),
      );
    }

    // Certificates expiring in 90 and 30 days: the holder.
    for (const days of [90, 30]) {
      const expiring = await sql<{ id: string; personId: string; number: string; validUntil: string }>`
        select id, person_id as "personId", number, valid_until as "validUntil" from certificate
        where revoked_at is null and valid_until = ${day(now, days)}::date`.execute(trx);
      for (const cert of expiring.rows) {
        add(
          "certificate.expiring",
          await notify(trx, {
            recipients: { people: [cert.personId] },
            kind: "certificate.expiring",
            record: { type: "certificate", id: cert.id, link: "/training/certificates" },
            title: `Certificate ${cert.number} expires on ${cert.validUntil}`,
            params: { title: cert.number, days, validUntil: cert.validUntil },
            period: `${days}d`,
          }),
        );
      }
    }

    // Action items due in 3 days, and overdue (once a week while open): the assignee's coordinators or staff.
    const actions = await sql<{
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
      where status in ('open', 'in_progress') and (deadline = ${day(now, 3)}::date or deadline < ${today}::date)`.execute(
      trx,
    );
    for (const item of actions.rows) {
      const week = Math.floor(now.getTime() / (7 * 86_400_000));
      add(
        item.overdue ? "action_item.overdue" : "action_item.due",
        await notify(trx, {
          recipients: [
            { nationCoordinators: [item.nationId] },
            { organisationStaff: { organisationIds: [item.organisationId], roles: ["organiser"] } },
          ],
          kind: item.overdue ? "action_item.overdue" : "action_item.due",
          record: { type: "meeting_action_item", id: item.id, link: "/meetings/actions" },
          title: item.title,
          params: { title: item.title, deadline: item.deadline },
          period: item.overdue ? `w${week}` : item.deadline,
        }),
      );
    }

    // Exchange messages unacknowledged after 48 hours: the sender.
    const unacknowledged = await sql<{ id: string; subject: string; sentBy: string }>`
      select m.id, m.subject, m.sent_by as "sentBy" from exchange_message m
      where m.sent_at < ${now}::timestamptz - interval '48 hours' and m.sent_at > ${now}::timestamptz - interval '30 days'
        and m.sent_by is not null
        and exists (select 1 from exchange_recipient r where r.message_id = m.id
          and not exists (select 1 from exchange_acknowledgement k where k.recipient_id = r.id))`.execute(
      trx,
    );
    for (const message of unacknowledged.rows) {
      add(
        "exchange.unacknowledged",
        await notify(trx, {
          recipients: { users: [message.sentBy] },
          kind: "exchange.unacknowledged",
          record: { type: "exchange_message", id: message.id, link: `/exchange/${message.id}` },
          title: message.subject,
          params: { title: message.subject },
          period: "48h",
        }),
      );
    }

    // Accreditation or recognition ending within 180 days: the centre's staff.
    const renewals = await sql<{ id: string; centreId: string; name: string; validUntil: string }>`
      select app.id, app.centre_id as "centreId", o.name_en as name, app.valid_until as "validUntil"
      from accreditation_application app join organisation o on o.id = app.centre_id
      where app.state = 'decided' and app.valid_until between ${today}::date and ${day(now, 180)}::date`.execute(
      trx,
    );
    for (const application of renewals.rows) {
      add(
        "accreditation.renewal",
        await notify(trx, {
          recipients: {
            organisationStaff: {
              organisationIds: [application.centreId],
              roles: ["organiser", "course_director"],
            },
          },
          kind: "accreditation.renewal",
          record: {
            type: "accreditation_application",
            id: application.id,
            link: `/training/accreditation/${application.id}`,
          },
          title: `Renewal due: ${application.name}`,
          params: { title: application.name, validUntil: application.validUntil },
          period: application.validUntil,
        }),
      );
    }

    // Partnership goal review due: in an odd (assessment) year, agreed goals not yet assessed for the cycle.
    const year = now.getUTCFullYear();
    if (year % 2 === 1) {
      const goals = await sql<{ id: string; code: string; title: string; nationId: string }>`
        select g.id, g.code, g.title, g.nation_id as "nationId" from partnership_goal g
        where g.status in ('agreed', 'in_progress')
          and not exists (select 1 from goal_assessment x where x.goal_id = g.id and x.cycle_year = ${year})`.execute(
        trx,
      );
      for (const goal of goals.rows) {
        add(
          "goal.review_due",
          await notify(trx, {
            recipients: { nationCoordinators: [goal.nationId] },
            kind: "goal.review_due",
            record: { type: "partnership_goal", id: goal.id, link: `/programmes/goals/${goal.id}` },
            title: `${goal.code} ${goal.title}`,
            params: { title: `${goal.code} ${goal.title}`, cycleYear: year },
            period: String(year),
          }),
        );
      }
    }
  });
  return counts;
}
