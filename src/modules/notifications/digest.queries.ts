import { sql } from "kysely";
import type { Db } from "../../db/database.js";

/**
 * The daily digest: one e-mail per person who takes some kinds as a digest, listing the notices of those kinds
 * since their last digest. Once per person and day (the outbox's dedupe key).
 */
export async function queueDigests(db: Db, now: Date): Promise<number> {
  const day = now.toISOString().slice(0, 10);
  const result = await sql`
    with pending as (
      select n.user_id, array_agg(n.id order by n.created_at) as ids, count(*) as n
      from notification n
        join notification_preference p on p.user_id = n.user_id and p.kind = n.kind and p.delivery = 'digest'
      where n.created_at > coalesce(
        (select max(o.created_at) from mail_outbox o where o.user_id = n.user_id and o.kind = 'digest'),
        now() - interval '1 day')
      group by n.user_id
    )
    insert into mail_outbox (user_id, kind, to_address, language, params, dedupe_key)
    select u.id, 'digest', coalesce(u.email, pr.email), u.preferred_language,
      jsonb_build_object('notificationIds', to_jsonb(p.ids[1:100]), 'count', p.n),
      'digest:' || u.id || ':' || ${day}
    from pending p join app_user u on u.id = p.user_id left join person pr on pr.id = u.person_id
    where u.disabled_at is null and coalesce(u.email, pr.email) is not null
    on conflict (dedupe_key) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
