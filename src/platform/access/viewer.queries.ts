import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/database.js";
import { ROLES, type Role, type RoleGrant, type Viewer } from "./viewer.js";

interface SessionRow {
  userId: string;
  csrfToken: string;
  writtenLsn: string | null;
  username: string;
  personId: string | null;
  personNationId: string | null;
  mustChangePassword: boolean;
  lastSeenAt: Date;
  grants: { role: string; nationId: string | null; organisationId: string | null }[];
  personOrganisationIds: string[];
  /** Precomputed subtrees (same statement as the session, see `userColumns`); computed here when absent. */
  organisationIds?: string[];
  managedOrganisationIds?: string[];
}

export interface LoadedSession {
  viewer: Viewer;
  csrfToken: string;
  lastSeenAt: Date;
  /** The leader's WAL position after the session's last write (read-routing.ts), when it has been recorded. */
  writtenLsn: string | null;
}

/** All organisations at or below the given ones: a scope on an organisation covers its whole subtree. */
export async function withDescendants(db: Db, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) return [];
  const { rows } = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from organisation where id = any(${sql.val(organisationIds)}::uuid[])
      union
      select o.id from organisation o join tree t on o.parent_id = t.id
    ) select id from tree`.execute(db);
  return rows.map((row) => row.id);
}

export async function buildViewer(
  db: Db,
  user: Omit<SessionRow, "csrfToken" | "lastSeenAt" | "writtenLsn">,
): Promise<Viewer> {
  const grants: RoleGrant[] = user.grants
    .filter((grant) => (ROLES as readonly string[]).includes(grant.role))
    .map((grant) => ({
      role: grant.role as Role,
      nationId: grant.nationId,
      organisationId: grant.organisationId,
    }));
  const nationIds = new Set<string>();
  if (user.personNationId) nationIds.add(user.personNationId);
  const readableOrgs = new Set<string>(user.personOrganisationIds);
  const managed = new Set<string>();
  for (const grant of grants) {
    if (grant.nationId && (grant.role === "national_coordinator" || grant.role === "auditor"))
      nationIds.add(grant.nationId);
    if (grant.organisationId) {
      readableOrgs.add(grant.organisationId);
      if (grant.role !== "auditor") managed.add(grant.organisationId);
    }
  }
  const [organisationIds, managedOrganisationIds] =
    user.organisationIds && user.managedOrganisationIds
      ? [user.organisationIds, user.managedOrganisationIds]
      : await Promise.all([withDescendants(db, [...readableOrgs]), withDescendants(db, [...managed])]);
  return {
    userId: user.userId,
    username: user.username,
    personId: user.personId,
    personNationId: user.personNationId,
    grants,
    nationIds: [...nationIds],
    organisationIds,
    managedOrganisationIds,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The organisations at or below the ones `roots` selects, as an array column: `withDescendants` inside SQL. */
const subtree = (roots: RawBuilder<unknown>) => sql`coalesce((
    with recursive tree(id) as (
      select root.id from (${roots}) as root(id)
      union
      select o.id from organisation o join tree t on o.parent_id = t.id
    ) select array_agg(tree.id) from tree), '{}')`;

// One statement per request: the session, the user, their grants and both organisation subtrees.
const userColumns = sql`
  u.id as "userId", u.username, u.person_id as "personId", p.nation_id as "personNationId",
  u.must_change_password as "mustChangePassword",
  coalesce((select json_agg(json_build_object('role', r.role, 'nationId', r.nation_id, 'organisationId', r.organisation_id))
            from role_assignment r where r.user_id = u.id), '[]'::json) as grants,
  coalesce((select array_agg(a.organisation_id) from person_affiliation a
            where a.person_id = u.person_id and (a.ended_on is null or a.ended_on >= current_date)), '{}') as "personOrganisationIds",
  ${subtree(sql`select a.organisation_id from person_affiliation a
            where a.person_id = u.person_id and (a.ended_on is null or a.ended_on >= current_date)
            union select r.organisation_id from role_assignment r
            where r.user_id = u.id and r.organisation_id is not null and r.role = any(${sql.val([...ROLES])}::text[])`)} as "organisationIds",
  ${subtree(sql`select r.organisation_id from role_assignment r
            where r.user_id = u.id and r.organisation_id is not null and r.role <> 'auditor'
              and r.role = any(${sql.val([...ROLES])}::text[])`)} as "managedOrganisationIds"`;

/** The live session for a token hash, or undefined when it is unknown, expired, idle too long or disabled. */
export async function loadSession(
  db: Db,
  tokenHash: string,
  idleMinutes: number,
): Promise<LoadedSession | undefined> {
  const { rows } = await sql<SessionRow>`
    select ${userColumns}, s.csrf_token as "csrfToken", s.last_seen_at as "lastSeenAt",
      s.written_lsn::text as "writtenLsn"
    from user_session s
    join app_user u on u.id = s.user_id
    left join person p on p.id = u.person_id
    where s.token_hash = ${tokenHash}
      and s.expires_at > now()
      and s.last_seen_at > now() - make_interval(mins => ${idleMinutes})
      and u.disabled_at is null`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  return {
    viewer: await buildViewer(db, row),
    csrfToken: row.csrfToken,
    lastSeenAt: row.lastSeenAt,
    writtenLsn: row.writtenLsn,
  };
}

/** A viewer for a user id without a session: used by jobs, the CLI and tests. */
export async function viewerForUser(db: Db, userId: string): Promise<Viewer | undefined> {
  const { rows } = await sql<SessionRow>`
    select ${userColumns} from app_user u left join person p on p.id = u.person_id where u.id = ${userId}`.execute(
    db,
  );
  return rows[0] ? buildViewer(db, rows[0]) : undefined;
}

/** A viewer for a user name without a session: the CLI's `--as`. */
export async function viewerForUsername(db: Db, username: string): Promise<Viewer | undefined> {
  const { rows } = await sql<SessionRow>`
    select ${userColumns} from app_user u left join person p on p.id = u.person_id where u.username = ${username}`.execute(
    db,
  );
  return rows[0] ? buildViewer(db, rows[0]) : undefined;
}
