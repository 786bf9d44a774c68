-- The two SQL-language functions on the path of every nomination, rewritten in PL/pgSQL. PostgreSQL before 18
-- plans the statements of a SQL-language function that cannot be inlined afresh at every call (PL/pgSQL keeps its
-- plans): on PostgreSQL 15 the notification statement alone took about half of a nomination's time in the
-- database (pgbench of accord_nominate, 8 clients: 807 calls a second, 1,497 without the notification).
-- Same arguments, same results.

create or replace function accord_notify_nomination(
  p_nomination_id uuid, p_kind text, p_title text, p_body text, p_actor_user_id uuid, p_organisers boolean,
  p_concerned boolean
) returns void language plpgsql volatile as $$
begin
  with n as (
    select n.id, n.nation_id, n.person_id, n.nominated_by, n.event_id, a.organiser_id, a.host_institution_id
    from nomination n join event e on e.id = n.event_id join activity a on a.id = e.activity_id
    where n.id = p_nomination_id
  ), organiser_scope as (
    with recursive up(id, parent_id) as (
      select o.id, o.parent_id from organisation o, n where o.id in (n.organiser_id, n.host_institution_id)
      union
      select o.id, o.parent_id from organisation o join up on o.id = up.parent_id
    ) select id from up
  )
  insert into notification (user_id, kind, title, body, link, record_type, record_id)
  select u.id, p_kind, p_title, p_body, '/catalogue/events/' || n.event_id, 'nomination', n.id
  from app_user u, n
  where u.disabled_at is null
    and u.id is distinct from p_actor_user_id
    and (
      (p_concerned and (
        u.id = n.nominated_by or u.person_id = n.person_id
        or exists (select 1 from role_assignment r where r.user_id = u.id and r.role = 'national_coordinator'
                   and r.nation_id = n.nation_id)))
      or (p_organisers and exists (select 1 from role_assignment r where r.user_id = u.id
                   and r.role in ('organiser', 'course_director') and r.organisation_id in (select id from organiser_scope)))
    );
end $$;

create or replace function accord_camel_keys(p jsonb) returns jsonb language plpgsql immutable parallel safe as $$
begin
  return (
    select coalesce(jsonb_object_agg(lower(left(c, 1)) || substr(c, 2), v), '{}'::jsonb)
      from jsonb_each(p) as e(k, v), lateral (select replace(initcap(replace(k, '_', ' ')), ' ', '') as c) x);
end $$;
