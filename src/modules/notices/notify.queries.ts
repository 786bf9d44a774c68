import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { NotificationKind } from "./kinds.js";

type Q = Kysely<DB>;

/**
 * Who hears of a change. The rules are this module's: the other modules name the people concerned by role, and the
 * SQL here turns that into accounts (disabled accounts never hear anything; the actor does not hear of their own
 * change).
 */
export type Recipients =
  /** These accounts. */
  | { users: readonly (string | null | undefined)[] }
  /** The accounts linked to these people. */
  | { people: readonly (string | null | undefined)[] }
  /** The national coordinators of these nations. */
  | { nationCoordinators: readonly (string | null | undefined)[] }
  /** Holders of these roles in these organisations or any organisation above them. */
  | {
      organisationStaff: {
        organisationIds: readonly (string | null | undefined)[];
        roles: readonly string[];
      };
    }
  /** Holders of these roles without a scope (administrators, global auditors). */
  | { globalRoles: readonly string[] };

const ids = (values: readonly (string | null | undefined)[]) =>
  values.filter((v): v is string => typeof v === "string" && v.length > 0);

function recipientQuery(spec: Recipients): RawBuilder<unknown> {
  if ("users" in spec) return sql`select unnest(${ids(spec.users)}::uuid[]) as user_id`;
  if ("people" in spec)
    return sql`select u.id as user_id from app_user u where u.person_id = any(${ids(spec.people)}::uuid[])`;
  if ("nationCoordinators" in spec)
    return sql`select r.user_id from role_assignment r
      where r.role = 'national_coordinator' and r.nation_id = any(${ids(spec.nationCoordinators)}::uuid[])`;
  if ("organisationStaff" in spec)
    return sql`select r.user_id from role_assignment r
      where r.role = any(${[...spec.organisationStaff.roles]}::text[]) and r.organisation_id in (
        with recursive up(id, parent_id) as (
          select o.id, o.parent_id from organisation o
            where o.id = any(${ids(spec.organisationStaff.organisationIds)}::uuid[])
          union
          select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
        ) select id from up)`;
  return sql`select r.user_id from role_assignment r
    where r.role = any(${[...spec.globalRoles]}::text[]) and r.nation_id is null and r.organisation_id is null`;
}

/**
 * One notice per account named by any of `specs`, except disabled accounts and the actor; a notice whose dedupe key
 * (prefix || user id || suffix) exists already is not created again. Returns the number created.
 */
export async function insertNotices(
  trx: Q,
  specs: readonly Recipients[],
  notice: {
    kind: NotificationKind;
    title: string;
    body: string | null;
    record: { type: string; id: string; link: string | null };
    params: Record<string, unknown>;
    dedupeKey: { prefix: string; suffix: string } | null;
    actorUserId: string | null;
  },
): Promise<number> {
  const union = sql.join(
    specs.map((spec) => recipientQuery(spec)),
    sql` union `,
  );
  const dedupe = notice.dedupeKey
    ? sql`${notice.dedupeKey.prefix} || u.id || ${notice.dedupeKey.suffix}`
    : sql`null`;
  const result = await sql`
    insert into notification (user_id, kind, title, body, link, record_type, record_id, params, dedupe_key)
    select u.id, ${notice.kind}, ${notice.title}, ${notice.body}, ${notice.record.link}, ${notice.record.type},
      ${notice.record.id}::uuid, ${JSON.stringify(notice.params)}::jsonb, ${dedupe}
    from app_user u
    where u.id in (${union}) and u.disabled_at is null and u.id is distinct from ${notice.actorUserId}::uuid
    on conflict (dedupe_key) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** A nomination notice: the nominations, what it says, and to whom (the organisers, the concerned). */
export interface NominationNotice {
  nominationIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body: string | null;
  actorUserId: string | null;
  organisers: boolean;
  concerned: boolean;
  /** Reminders: once per (kind, nomination, recipient, period). */
  period?: string;
}

/** The seat-taking function's own notice rule (src/db/functions/accord_notify_nominations.sql). */
export async function notifyNominationsQuery(trx: Q, input: NominationNotice): Promise<void> {
  const [only] = input.nominationIds;
  if (input.nominationIds.length === 1 && only && !input.period) {
    // One nomination (a decision, an answered offer): its wrapper runs the statement on a generic plan, which
    // PostgreSQL otherwise plans again at every call (a few ms each under load, 0043).
    await sql`select accord_notify_nomination(${only}::uuid, ${input.kind}, ${input.title}, ${input.body},
      ${input.actorUserId}::uuid, ${input.organisers}, ${input.concerned})`.execute(trx);
    return;
  }
  await sql`select accord_notify_nominations(${[...input.nominationIds]}::uuid[], ${input.kind}, ${input.title},
    ${input.body}, ${input.actorUserId}::uuid, ${input.organisers}, ${input.concerned},
    ${input.period ?? null}::text)`.execute(trx);
}
