import type { Db } from "../../db/database.js";
import { type NotifyInput, notify, notifyNominations } from "../notices/index.js";
import {
  accreditationsEnding,
  actionItemsDueOrOverdue,
  certificatesExpiringOn,
  eventsClosingNominations,
  eventsEndedAwaitingFeedback,
  eventsStartingOn,
  goalsAwaitingAssessment,
  messagesUnacknowledged,
  nationsYetToNominate,
} from "./reminders.queries.js";

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
    /** Records the notice and counts the notices it created under its kind. */
    const remind = async (notice: NotifyInput) => add(notice.kind, await notify(trx, notice));

    // Event starting in 7 days: its accepted participants (and their coordinators).
    const starting = await eventsStartingOn(trx, day(now, 7));
    if (starting.length) {
      await notifyNominations(trx, {
        nominationIds: starting.map((r) => r.id),
        kind: "event.starting",
        title: "The event starts in 7 days",
        body: null,
        actorUserId: null,
        organisers: false,
        concerned: true,
        period: day(now, 7),
      });
      add("event.starting", starting.length);
    }

    // Nominations closing in 3 days: coordinators of nations that may nominate and have not.
    const closing = await eventsClosingNominations(trx, today, day(now, 3));
    for (const event of closing) {
      const nations = await nationsYetToNominate(trx, event.eventId);
      if (!nations.length) continue;
      await remind({
        recipients: { nationCoordinators: nations.map((n) => n.id) },
        kind: "event.nominations_closing",
        record: { type: "event", id: event.eventId, link: `/catalogue/events/${event.eventId}` },
        title: `${event.code}: nominations close on ${event.closesOn}`,
        params: { activity: `${event.code} ${event.title}`, closesOn: event.closesOn },
        period: event.closesOn,
      });
    }

    // Feedback: an event that ended in the last three days asks its accepted participants (once per event).
    const ended = await eventsEndedAwaitingFeedback(trx, day(now, -3), day(now, -1));
    for (const row of ended) {
      await remind({
        recipients: { people: [row.personId] },
        kind: "feedback.requested",
        record: { type: "event", id: row.eventId, link: `/feedback?event=${row.eventId}` },
        title: `${row.code}: how was it?`,
        params: { activity: row.code },
        period: "ended",
      });
    }

    // Certificates expiring in 90 and 30 days: the holder.
    for (const days of [90, 30]) {
      const expiring = await certificatesExpiringOn(trx, day(now, days));
      for (const cert of expiring) {
        await remind({
          recipients: { people: [cert.personId] },
          kind: "certificate.expiring",
          record: { type: "certificate", id: cert.id, link: "/training/certificates" },
          title: `Certificate ${cert.number} expires on ${cert.validUntil}`,
          params: { title: cert.number, days, validUntil: cert.validUntil },
          period: `${days}d`,
        });
      }
    }

    // Action items due in 3 days, and overdue (once a week while open): the assignee's coordinators or staff.
    const actions = await actionItemsDueOrOverdue(trx, today, day(now, 3));
    for (const item of actions) {
      const week = Math.floor(now.getTime() / (7 * 86_400_000));
      await remind({
        recipients: [
          { nationCoordinators: [item.nationId] },
          { organisationStaff: { organisationIds: [item.organisationId], roles: ["organiser"] } },
        ],
        kind: item.overdue ? "action_item.overdue" : "action_item.due",
        record: { type: "meeting_action_item", id: item.id, link: "/meetings/actions" },
        title: item.title,
        params: { title: item.title, deadline: item.deadline },
        period: item.overdue ? `w${week}` : item.deadline,
      });
    }

    // Exchange messages unacknowledged after 48 hours: the sender.
    const unacknowledged = await messagesUnacknowledged(trx, now);
    for (const message of unacknowledged) {
      await remind({
        recipients: { users: [message.sentBy] },
        kind: "exchange.unacknowledged",
        record: { type: "exchange_message", id: message.id, link: `/exchange/${message.id}` },
        title: message.subject,
        params: { title: message.subject },
        period: "48h",
      });
    }

    // Accreditation or recognition ending within 180 days: the centre's staff.
    const renewals = await accreditationsEnding(trx, today, day(now, 180));
    for (const application of renewals) {
      await remind({
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
      });
    }

    // Partnership goal review due: in an odd (assessment) year, agreed goals not yet assessed for the cycle.
    const year = now.getUTCFullYear();
    if (year % 2 === 1) {
      const goals = await goalsAwaitingAssessment(trx, year);
      for (const goal of goals) {
        await remind({
          recipients: { nationCoordinators: [goal.nationId] },
          kind: "goal.review_due",
          record: { type: "partnership_goal", id: goal.id, link: `/programmes/goals/${goal.id}` },
          title: `${goal.code} ${goal.title}`,
          params: { title: `${goal.code} ${goal.title}`, cycleYear: year },
          period: String(year),
        });
      }
    }
  });
  return counts;
}
