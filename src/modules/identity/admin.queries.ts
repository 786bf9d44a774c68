import { type Kysely, sql, type Transaction } from "kysely";
import type { DB } from "../../db/schema/index.js";
import type { Role } from "../../platform/access/viewer.js";
import { AUDITED_USER_COLUMNS } from "./accounts.queries.js";
import type { UserQuery } from "./admin.schemas.js";

type Executor = Kysely<DB> | Transaction<DB>;

export interface AdminUserRow {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  preferredLanguage: string;
  mustChangePassword: boolean;
  disabled: boolean;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  oidcLinked: boolean;
  createdAt: Date;
  roles: {
    id: string;
    role: Role;
    nationId: string | null;
    nationCode: string | null;
    organisationId: string | null;
    organisationCode: string | null;
    createdAt: string;
  }[];
}

const columns = sql<AdminUserRow>`
  u.id, u.username, u.display_name as "displayName", u.person_id as "personId",
  case when p.id is null then null else concat_ws(' ', p.rank_title, p.given_name, p.family_name) end as "personName",
  u.preferred_language as "preferredLanguage", u.must_change_password as "mustChangePassword",
  u.disabled_at is not null as disabled,
  case when u.locked_until > now() then u.locked_until end as "lockedUntil",
  u.last_login_at as "lastLoginAt", u.oidc_subject is not null as "oidcLinked", u.created_at as "createdAt",
  coalesce((
    select json_agg(json_build_object(
      'id', r.id, 'role', r.role, 'nationId', r.nation_id, 'nationCode', n.code,
      'organisationId', r.organisation_id, 'organisationCode', o.code, 'createdAt', r.created_at
    ) order by r.created_at, r.id)
    from role_assignment r
    left join nation n on n.id = r.nation_id
    left join organisation o on o.id = r.organisation_id
    where r.user_id = u.id), '[]'::json) as roles`;

/** Roles arrive as JSON: their timestamps are text already and must not be re-parsed. */
export async function listUsers(db: Executor, query: UserQuery) {
  const conditions = [sql<boolean>`true`];
  if (query.q) {
    const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql<boolean>`(u.username like ${pattern} or lower(u.display_name) like ${pattern})`);
  }
  if (query.role) {
    conditions.push(
      sql<boolean>`exists (select 1 from role_assignment r where r.user_id = u.id and r.role = ${query.role})`,
    );
  }
  if (query.status === "active") conditions.push(sql<boolean>`u.disabled_at is null`);
  if (query.status === "disabled") conditions.push(sql<boolean>`u.disabled_at is not null`);
  const where = sql.join(conditions, sql` and `);
  const [items, total] = await Promise.all([
    sql<AdminUserRow>`
      select ${columns} from app_user u left join person p on p.id = u.person_id
      where ${where} order by u.username limit ${query.limit ?? 25} offset ${query.offset ?? 0}`.execute(db),
    sql<{ total: number }>`select count(*)::int as total from app_user u where ${where}`.execute(db),
  ]);
  return { items: items.rows, total: total.rows[0]?.total ?? 0 };
}

export async function findUser(db: Executor, id: string) {
  const { rows } = await sql<AdminUserRow & { activeSessions: number }>`
    select ${columns},
      (select count(*)::int from user_session s where s.user_id = u.id and s.expires_at > now()) as "activeSessions"
    from app_user u left join person p on p.id = u.person_id
    where u.id = ${id}`.execute(db);
  return rows[0];
}

/** The user's row as the audit trail records it (never the password hash). */
export async function lockUser(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom("appUser")
    .select(AUDITED_USER_COLUMNS)
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** Active administrators, locked so that two concurrent revocations cannot both remove the last one. */
export async function lockActiveAdministrators(trx: Transaction<DB>) {
  const { rows } = await sql<{ userId: string }>`
    select r.user_id as "userId" from role_assignment r join app_user u on u.id = r.user_id
    where r.role = 'administrator' and u.disabled_at is null
    order by r.id for update of r, u`.execute(trx);
  return rows.map((row) => row.userId);
}
