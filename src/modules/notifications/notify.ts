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

export interface NotifyInput {
  recipients: Recipients | readonly Recipients[];
  kind: NotificationKind;
  record: { type: string; id: string; link: string | null };
  /** English title and body of the in-app notice; e-mails are rendered from `kind` and `params` per language. */
  title: string;
  body?: string | null;
  params?: Record<string, unknown>;
  actorUserId?: string | null;
  /**
   * Scheduled reminders: a notice is created once per (kind, record, recipient, period); calling again in the same
   * period creates nothing.
   */
  period?: string;
}

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
 * Records a notice for every recipient, inside the caller's transaction. The notice table's trigger queues the
 * e-mail of each recipient who takes this kind immediately (0022_notifications), so the change, its notices and its
 * e-mails commit or roll back together. Returns the number of notices created.
 */
export async function notify(trx: Q, input: NotifyInput): Promise<number> {
  const specs = (Array.isArray(input.recipients) ? input.recipients : [input.recipients]) as Recipients[];
  if (!specs.length) return 0;
  const union = sql.join(
    specs.map((spec) => recipientQuery(spec)),
    sql` union `,
  );
  const dedupe = input.period
    ? sql`${`${input.kind}:${input.record.id}:`} || u.id || ${`:${input.period}`}`
    : sql`null`;
  const result = await sql`
    insert into notification (user_id, kind, title, body, link, record_type, record_id, params, dedupe_key)
    select u.id, ${input.kind}, ${input.title}, ${input.body ?? null}, ${input.record.link}, ${input.record.type},
      ${input.record.id}::uuid, ${JSON.stringify(input.params ?? {})}::jsonb, ${dedupe}
    from app_user u
    where u.id in (${union}) and u.disabled_at is null and u.id is distinct from ${input.actorUserId ?? null}::uuid
    on conflict (dedupe_key) do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Nomination notices (the rule shared with the seat-taking PL/pgSQL function, accord_notify_nominations in
 * 0022_notifications): the coordinators of the nation, whoever nominated and the person's own account when
 * `concerned`; the organisers and course directors of the activity's organisation (and those above it) when
 * `organisers`. Any number of nominations in one statement.
 */
export async function notifyNominations(
  trx: Q,
  input: {
    nominationIds: readonly string[];
    kind: NotificationKind;
    title: string;
    body: string | null;
    actorUserId: string | null;
    organisers: boolean;
    concerned: boolean;
    /** Reminders: once per (kind, nomination, recipient, period). */
    period?: string;
  },
): Promise<void> {
  if (!input.nominationIds.length) return;
  await sql`select accord_notify_nominations(${[...input.nominationIds]}::uuid[], ${input.kind}, ${input.title},
    ${input.body}, ${input.actorUserId}::uuid, ${input.organisers}, ${input.concerned},
    ${input.period ?? null}::text)`.execute(trx);
}
